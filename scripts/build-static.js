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

// Vega's expression interpreter, so the charts draw under the production Content-Security-
// Policy (no eval: Vega otherwise compiles its expressions with `new Function`). npm ships it
// only as an ES module importing vega-util; every name it imports is also on the `vega` global
// of vega.min.js (loaded before it), so the copy becomes a classic script that reads them
// from there and adds `vega.expressionInterpreter`.
(function interpreter() {
  const name = "vega-interpreter";
  const source = fs.readFileSync(
    path.join(root, "node_modules", name, "build", `${name}.js`),
    "utf8",
  );
  const importLine = /^import \{ ([\w, ]+) \} from 'vega-util';$/m;
  const exportLine = /^export \{ expression as expressionInterpreter \};$/m;
  if (!importLine.test(source) || !exportLine.test(source)) {
    throw new Error(`${name}: its imports or exports changed; update scripts/build-static.js`);
  }
  const names = source.match(importLine)[1];
  const body = source
    .replace(importLine, `var { ${names} } = window.vega;`)
    .replace(exportLine, "window.vega.expressionInterpreter = expression;")
    .replace(/^\/\/# sourceMappingURL=.*$/m, "");
  const target = path.join(vendor, name);
  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(target, { recursive: true });
  fs.writeFileSync(
    path.join(target, `${name}.js`),
    `// ${name} ${require(path.join(root, "node_modules", name, "package.json")).version}` +
      ", made a classic script by scripts/build-static.js.\n" +
      `(function () {\n"use strict";\n${body}})();\n`,
  );
  fs.copyFileSync(path.join(root, "node_modules", name, "LICENSE"), path.join(target, "LICENSE"));
  console.log(`static/vendor/${name}: 2 entries`);
})();
