// The small map on a case page: a progressive enhancement. Without JavaScript the facts panel
// and a link to the big map remain; with it, the case's place is shown on a Leaflet map.
(function () {
  "use strict";
  var element = document.getElementById("case-map");
  if (!element || !window.L) return;
  var lat = parseFloat(element.dataset.lat);
  var lon = parseFloat(element.dataset.lon);
  if (isNaN(lat) || isNaN(lon)) return;
  element.innerHTML = "";
  element.classList.add("is-live");
  var map = L.map(element, { scrollWheelZoom: false }).setView([lat, lon], 10);
  L.tileLayer(element.dataset.tileUrl, {
    maxZoom: 18,
    attribution: element.dataset.tileAttribution,
  }).addTo(map);
  // A vector marker: it is drawn even when the tile server cannot be reached.
  L.circleMarker([lat, lon], {
    radius: 9,
    color: "#1b1f24",
    weight: 2,
    fillColor: "#00689d",
    fillOpacity: 0.9,
  })
    .addTo(map)
    // Leaflet treats a string as HTML; the title is text (it may come from the public).
    .bindTooltip(label(element.dataset.title));

  function label(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span;
  }
})();
