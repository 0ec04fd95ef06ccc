// The map's "knowledge flows" layer: a curved line from the source's city to the city that
// took the knowledge over, for every public link of /api/v2/network/ whose two ends have
// coordinates, coloured by kind. Off until the visitor ticks the box; follows the map's SDG
// and topic filters. Loaded after Leaflet and before map.js: it catches the map as Leaflet
// creates it (an init hook), so map.js needs no change.
(function () {
  "use strict";
  if (!window.L) return;
  var toggle = document.getElementById("flows-toggle");
  var layers = document.getElementById("map-layers");
  var status = document.getElementById("flows-status");
  if (!toggle) return;
  var KIND_COLOURS = { learned_from: "#1f4e79", adapted_from: "#b45309", inspired_by: "#7e22ce", adopted: "#15803d" };
  var map = null;
  var flows = null;
  var latest = 0;

  L.Map.addInitHook(function () {
    if (this.getContainer().id === "case-map-full") map = this;
  });

  function curve(a, b) {
    // A quadratic Bézier bulging to the left of the direction of travel, so that two-way
    // flows between the same cities do not overlap.
    var dx = b[1] - a[1], dy = b[0] - a[0];
    var control = [(a[0] + b[0]) / 2 + dx * 0.2, (a[1] + b[1]) / 2 - dy * 0.2];
    var points = [];
    for (var i = 0; i <= 20; i++) {
      var t = i / 20, u = 1 - t;
      points.push([u * u * a[0] + 2 * u * t * control[0] + t * t * b[0], u * u * a[1] + 2 * u * t * control[1] + t * t * b[1]]);
    }
    return points;
  }

  function filters() {
    var params = new URLSearchParams();
    var form = document.getElementById("map-filters");
    if (form) {
      new FormData(form).forEach(function (value, key) {
        if (value && (key === "sdg" || key === "topic")) params.append(key, value);
      });
    }
    return params.toString();
  }

  function load() {
    var request = ++latest;
    if (!toggle.checked || !map) {
      if (flows) flows.remove();
      flows = null;
      status.textContent = "";
      return;
    }
    var qs = filters();
    fetch(toggle.dataset.apiUrl + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (network) {
        if (request !== latest) return;
        var nodes = {};
        network.nodes.forEach(function (node) { nodes[node.id] = node; });
        var group = L.featureGroup();
        var drawn = 0;
        network.edges.forEach(function (edge) {
          var a = nodes[edge.source], b = nodes[edge.target];
          if (!a || !b || a.lat == null || b.lat == null) return;
          if (a.lat === b.lat && a.lon === b.lon) return;
          L.polyline(curve([a.lat, a.lon], [b.lat, b.lon]), {
            color: KIND_COLOURS[edge.kind] || "#555555",
            weight: 2,
            opacity: 0.75,
            className: "flow flow-" + edge.kind,
            interactive: false,
          }).addTo(group);
          drawn++;
        });
        if (flows) flows.remove();
        flows = group.addTo(map);
        map.getContainer().dataset.flowCount = String(drawn);
        status.textContent = drawn === 1 ? status.dataset.one : status.dataset.many.replace("%(count)s", drawn);
      })
      .catch(function () {
        if (request === latest) status.textContent = status.dataset.failed;
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    layers.hidden = false;
    toggle.addEventListener("change", load);
    var form = document.getElementById("map-filters");
    if (form) form.querySelectorAll("select").forEach(function (select) { select.addEventListener("change", load); });
  });
})();
