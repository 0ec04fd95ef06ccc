// The knowledge network page: draws /api/v2/network/ (with the page's filters) as a graph with
// Cytoscape.js and the fCoSE layout. Nodes are coloured by first SDG or by region, shaped by
// type; a click on a case opens it. The tables beside the graph list the same data for readers
// without JavaScript or with a screen reader; changing a filter reloads the page so both agree.
(function () {
  "use strict";
  var element = document.getElementById("network-graph");
  var form = document.getElementById("network-filters");
  var status = document.getElementById("network-status");
  var colourBy = document.getElementById("network-colour");
  if (!element || !window.cytoscape) return;
  var labels = JSON.parse(document.getElementById("network-labels").textContent);
  if (window.cytoscapeFcose) {
    try { cytoscape.use(cytoscapeFcose); } catch (error) { /* already registered */ }
  }
  document.getElementById("network-toolbar").hidden = false;

  // Distinct colours for the UN M49 regions (Africa, Americas, Asia, Europe, Oceania).
  var REGION_COLOURS = { "002": "#b35806", "019": "#1b7837", "142": "#762a83", "150": "#2166ac", "009": "#c51b7d" };
  var KIND_COLOURS = { learned_from: "#1f4e79", adapted_from: "#7a3e00", inspired_by: "#5b2a86", adopted: "#1b6e3a" };
  var GREY = "#6b7280";

  function colourOf(node, mode) {
    if (mode === "region") return REGION_COLOURS[node.region] || GREY;
    return node.sdgs && node.sdgs.length ? labels.sdgColours[node.sdgs[0]] || GREY : GREY;
  }

  form.querySelectorAll("select").forEach(function (select) {
    select.addEventListener("change", function () { form.submit(); });
  });

  var cy = null;
  var data = null;

  function paint() {
    var mode = colourBy.value;
    cy.batch(function () {
      cy.nodes().forEach(function (node) { node.data("colour", colourOf(node.data("raw"), mode)); });
    });
  }

  function draw(network) {
    data = network;
    var elements = network.nodes.map(function (node) {
      return { group: "nodes", data: { id: node.id, label: node.title, url: node.url, type: node.type, raw: node, colour: GREY } };
    });
    network.edges.forEach(function (edge, index) {
      elements.push({ group: "edges", data: { id: "e" + index, source: edge.source, target: edge.target, kind: edge.kind, colour: KIND_COLOURS[edge.kind] || GREY } });
    });
    var big = network.nodes.length > 800;
    cy = cytoscape({
      container: element,
      elements: elements,
      minZoom: 0.05,
      maxZoom: 4,
      style: [
        { selector: "node", style: { "background-color": "data(colour)", width: 14, height: 14, label: big ? "" : "data(label)", "font-size": 8, "text-wrap": "ellipsis", "text-max-width": 90, color: "#1f2933" } },
        { selector: "node[type = 'external']", style: { shape: "diamond", width: 16, height: 16 } },
        { selector: "node[type = 'city']", style: { shape: "round-rectangle" } },
        { selector: "node[url]", style: { "border-width": 1, "border-color": "#1f2933" } },
        { selector: "edge", style: { width: 1.5, "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "curve-style": big ? "haystack" : "bezier", "arrow-scale": 0.7, opacity: 0.8 } },
      ],
      layout: { name: window.cytoscapeFcose ? "fcose" : "cose", quality: big ? "draft" : "default", animate: false, randomize: true, nodeDimensionsIncludeLabels: !big },
    });
    paint();
    cy.on("tap", "node", function (event) {
      var url = event.target.data("url");
      if (url) window.location.href = url;
    });
    element.dataset.nodeCount = String(network.nodes.length);
    element.dataset.edgeCount = String(network.edges.length);
    status.textContent = labels.status.shown
      .replace("%(nodes)s", network.nodes.length)
      .replace("%(edges)s", network.edges.length);
    // For the browser tests and for curious readers' consoles.
    window.closerCitiesNetwork = cy;
  }

  colourBy.addEventListener("change", function () { if (cy) paint(); });

  status.textContent = labels.status.loading;
  element.setAttribute("aria-busy", "true");
  // The page's own filters, as the form sent them: the API takes no empty values (a filter
  // left at "any" is sent as `kind=` by the form) and has no `page`.
  var params = new URLSearchParams();
  new URLSearchParams(window.location.search).forEach(function (value, key) {
    if (value && key !== "page") params.append(key, value);
  });
  var qs = params.toString();
  fetch(element.dataset.apiUrl + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } })
    .then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    })
    .then(draw)
    .catch(function () { status.textContent = labels.status.failed; })
    .finally(function () { element.removeAttribute("aria-busy"); });
})();
