// The map of cases: reads the GeoJSON of published cases from the map API, draws one marker
// per case in the colour of its first SDG, clusters dense areas, and refetches when the
// visitor changes the SDG or topic filter. Upcoming events in person are their own layer
// (diamond markers, clustered apart), from the events' map API, with the same filters.
// Markers are HTML elements, so they show even when the tile server cannot be reached.
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

  var eventClusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    iconCreateFunction: function (cluster) {
      return L.divIcon({
        html: "<div><span>" + cluster.getChildCount() + '<span class="visually-hidden"> ' +
          escapeHtml(labels.eventsHere) + "</span></span></div>",
        className: "marker-cluster event-cluster",
        iconSize: L.point(40, 40),
      });
    },
  });
  map.addLayer(eventClusters);

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

  // When an event starts, at the venue, in the page's language.
  function eventTime(props) {
    try {
      return new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
        dateStyle: "long", timeStyle: "short", timeZone: props.time_zone,
      }).format(new Date(props.start)) + " (" + props.time_zone + ")";
    } catch (error) {
      return props.start;
    }
  }

  function eventMarker(feature) {
    var props = feature.properties || {};
    var coordinates = feature.geometry && feature.geometry.coordinates;
    if (!coordinates) return null;
    var icon = L.divIcon({
      className: "event-marker",
      html: '<span class="event-marker-shape"></span><span class="visually-hidden">' +
        escapeHtml(props.title) + "</span>",
      iconSize: [18, 18],
      iconAnchor: [9, 9],
      popupAnchor: [0, -8],
    });
    var popup =
      '<p class="popup-title"><a href="' + escapeHtml(props.url) + '">' + escapeHtml(props.title) + "</a></p>" +
      '<p class="popup-meta">' + escapeHtml(props.event_type_label) + " · " + escapeHtml(eventTime(props)) + "</p>" +
      '<p class="popup-meta">' + escapeHtml(props.city) + "</p>";
    return L.marker([coordinates[1], coordinates[0]], { icon: icon, keyboard: true, title: props.title })
      .bindPopup(popup);
  }

  // The form's filters: all of them for the page's address, without `layer` for the APIs.
  function query(forApi) {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) {
      if (value && !(forApi && key === "layer")) params.append(key, value);
    });
    return params.toString();
  }

  function getJSON(url, qs) {
    return fetch(url + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } }).then(
      function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }
    );
  }

  var latestRequest = 0;

  function load() {
    var qs = query(false);
    var apiQs = query(true);
    var layer = form.elements.layer ? form.elements.layer.value : "";
    var empty = Promise.resolve({ features: [] });
    // Filters can change faster than the API answers: only the latest answer is drawn.
    var request = ++latestRequest;
    status.textContent = "Loading cases…";
    element.setAttribute("aria-busy", "true");
    Promise.all([
      layer === "events" ? empty : getJSON(element.dataset.apiUrl, apiQs),
      layer === "cases" || !element.dataset.eventsUrl ? empty : getJSON(element.dataset.eventsUrl, apiQs),
    ])
      .then(function (answers) {
        if (request !== latestRequest) return;
        var markers = (answers[0].features || []).map(marker).filter(Boolean);
        var events = (answers[1].features || []).map(eventMarker).filter(Boolean);
        clusters.clearLayers();
        clusters.addLayers(markers);
        eventClusters.clearLayers();
        eventClusters.addLayers(events);
        element.dataset.markerCount = String(markers.length);
        element.dataset.eventCount = String(events.length);
        var parts = [];
        if (layer !== "events") parts.push(markers.length + (markers.length === 1 ? " case" : " cases") + " on the map");
        if (layer !== "cases") {
          parts.push(events.length === 1 ? labels.oneEvent : labels.manyEvents.replace("%(count)s", events.length));
        }
        status.textContent = parts.join(" · ");
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
