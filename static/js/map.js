// The map of cases: reads the GeoJSON of published cases from the map API, draws one marker
// per case in the colour of its first SDG, clusters dense areas, and refetches when the
// visitor changes the SDG or topic filter. Markers are HTML elements, so they show even when
// the tile server cannot be reached.
(function () {
  "use strict";
  var element = document.getElementById("case-map-full");
  var form = document.getElementById("map-filters");
  var status = document.getElementById("map-status");
  if (!element || !window.L) return;
  var labels = JSON.parse(document.getElementById("map-labels").textContent);
  var colours = labels.sdgColours;

  var map = L.map(element, { worldCopyJump: true }).setView([20, 10], 2);
  L.tileLayer(element.dataset.tileUrl, {
    maxZoom: 18,
    attribution: element.dataset.tileAttribution,
  }).addTo(map);

  var clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    iconCreateFunction: function (cluster) {
      var count = cluster.getChildCount();
      var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
      // The text gives the cluster (a button) an accessible name.
      return L.divIcon({
        html: "<div><span>" + count + '<span class="visually-hidden"> cases here, zoom in</span></span></div>',
        className: "marker-cluster marker-cluster-" + size,
        iconSize: L.point(40, 40),
      });
    },
  });
  map.addLayer(clusters);

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  }

  // SDGs and topics may come as objects ({number, title, colour} / {name, slug}) or as bare
  // numbers and slugs; both read the same here.
  function sdgNumber(sdg) {
    return typeof sdg === "object" && sdg !== null ? sdg.number : Number(sdg);
  }
  function sdgColour(sdg) {
    if (typeof sdg === "object" && sdg !== null && sdg.colour) return sdg.colour;
    return colours[sdgNumber(sdg)] || "#555555";
  }
  function topicName(topic) {
    if (typeof topic === "object" && topic !== null) return topic.name || topic.slug;
    return labels.topicNames[topic] || topic;
  }

  function marker(feature) {
    var props = feature.properties || {};
    var coordinates = feature.geometry && feature.geometry.coordinates;
    if (!coordinates) return null;
    var sdgs = props.sdgs || [];
    var colour = sdgs.length ? sdgColour(sdgs[0]) : "#555555";
    var icon = L.divIcon({
      className: "case-marker",
      html:
        '<span class="case-marker-dot" style="background-color:' + escapeHtml(colour) + '"></span>' +
        '<span class="visually-hidden">' + escapeHtml(props.title) + "</span>",
      iconSize: [18, 18],
      iconAnchor: [9, 9],
      popupAnchor: [0, -8],
    });
    var badges = sdgs
      .map(function (sdg) {
        return "SDG " + escapeHtml(sdgNumber(sdg));
      })
      .join(", ");
    var topics = (props.topics || []).map(topicName).map(escapeHtml).join(", ");
    var popup =
      '<p class="popup-title"><a href="' + escapeHtml(props.url) + '">' + escapeHtml(props.title) + "</a></p>" +
      (badges ? '<p class="popup-meta">' + badges + "</p>" : "") +
      (topics ? '<p class="popup-meta">' + topics + "</p>" : "");
    return L.marker([coordinates[1], coordinates[0]], { icon: icon, keyboard: true, title: props.title })
      .bindPopup(popup);
  }

  function query() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value) params.append(key, value);
    });
    return params.toString();
  }

  var latestRequest = 0;

  function load() {
    var qs = query();
    // Filters can change faster than the API answers: only the latest answer is drawn.
    var request = ++latestRequest;
    status.textContent = "Loading cases…";
    element.setAttribute("aria-busy", "true");
    fetch(element.dataset.apiUrl + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (collection) {
        if (request !== latestRequest) return;
        var markers = (collection.features || []).map(marker).filter(Boolean);
        clusters.clearLayers();
        clusters.addLayers(markers);
        element.dataset.markerCount = String(markers.length);
        status.textContent = markers.length + (markers.length === 1 ? " case" : " cases") + " on the map";
      })
      .catch(function () {
        if (request !== latestRequest) return;
        status.textContent = "The cases could not be loaded. Please try again later.";
      })
      .finally(function () {
        if (request === latestRequest) element.removeAttribute("aria-busy");
      });
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", qs ? "?" + qs : window.location.pathname);
    }
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    load();
  });
  form.querySelectorAll("select").forEach(function (select) {
    select.addEventListener("change", load);
  });
  load();
})();
