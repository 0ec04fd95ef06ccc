// Copies the map, network and chart libraries from node_modules into static/vendor/, where Django's staticfiles
// (and whitenoise, with hashed names in production) serve them. The copies are committed, so
// the site runs and deploys without Node; re-run `npm run build` (or `make static-vendor`)
// after changing a version in package.json, and tests/home/test_static.py checks the
// committed copies still match node_modules.
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const vendor = path.join(root, "static", "vendor");
const copies = {
  leaflet: ["dist/leaflet.js", "dist/leaflet.js.map", "dist/leaflet.css", "dist/images", "LICENSE"],
  "leaflet.markercluster": [
    "dist/leaflet.markercluster.js",
    "dist/leaflet.markercluster.js.map",
    "dist/MarkerCluster.css",
    "dist/MarkerCluster.Default.css",
    "MIT-LICENCE.txt",
  ],
  // The knowledge network page (/network/): Cytoscape.js and its fCoSE layout, which needs
  // cose-base and layout-base (UMD builds that find each other as globals, in that order).
  cytoscape: ["dist/cytoscape.min.js", "LICENSE"],
  "layout-base": ["layout-base.js", "LICENSE"],
  "cose-base": ["cose-base.js", "LICENSE"],
  "cytoscape-fcose": ["cytoscape-fcose.js", "LICENSE"],
  // The insight charts (/insights/): Vega, Vega-Lite and vega-embed, and the world's outlines.
  vega: ["build/vega.min.js", "LICENSE"],
  "vega-lite": ["build/vega-lite.min.js", "build/vega-lite.min.js.map", "LICENSE"],
  "vega-embed": ["build/vega-embed.min.js", "build/vega-embed.min.js.map", "LICENSE"],
  "world-atlas": ["countries-110m.json", "LICENSE"],
};

for (const [name, files] of Object.entries(copies)) {
  const target = path.join(vendor, name);
  fs.rmSync(target, { recursive: true, force: true });
  for (const file of files) {
    const source = path.join(root, "node_modules", name, file);
    const destination = path.join(target, file.replace(/^(dist|build)\//, ""));
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    fs.cpSync(source, destination, { recursive: true });
  }
  console.log(`static/vendor/${name}: ${files.length} entries`);
}
