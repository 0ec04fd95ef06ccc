// The map of cases: reads the GeoJSON of published cases from the map API, draws one marker
// per case in the colour of its first SDG (or of the SDG the map is filtered by), clusters
// dense areas, fits the view to the markers, and refetches when the visitor changes a filter.
// Upcoming events in person are their own layer (diamond markers, clustered apart), from the
// events' map API, with the filters it shares (SDG, topic, region).
// Markers are HTML elements, so they show even when the tile server cannot be reached; the
// map then says so in one line. Popups show the case's city, country, SDGs and summary (read
// from the pages API when the popup opens, so the map's data stays small).
(function () {
  "use strict";
  var element = document.getElementById("case-map-full");
  var form = document.getElementById("map-filters");
  var status = document.getElementById("map-status");
  var tilesStatus = document.getElementById("map-tiles-status");
  if (!element || !window.L) return;
  var labels = JSON.parse(document.getElementById("map-labels").textContent);
  var panel = document.getElementById("map-filter-panel");
  var count = document.getElementById("map-filter-count");
  // The filters are a disclosure: closed on a phone (the map comes first), open when wide.
  if (panel && window.matchMedia("(min-width: 56rem)").matches) panel.open = true;

  var map = L.map(element, { worldCopyJump: true }).setView([20, 10], 2);
  // Leaflet measures its box only when the window is resized; a scrollbar appearing or the
  // layout settling changes it too.
  if (window.ResizeObserver) {
    new ResizeObserver(function () { map.invalidateSize(); }).observe(element);
  }
  var tiles = L.tileLayer(element.dataset.tileUrl, {
    maxZoom: 18,
    attribution: element.dataset.tileAttribution,
  }).addTo(map);
  tiles.on("tileerror", function () {
    tilesStatus.hidden = false;
    element.dataset.tilesFailed = "true";
  });
  tiles.on("tileload", function () {
    // Tiles load again (the network came back): the warning no longer holds.
    tilesStatus.hidden = true;
    delete element.dataset.tilesFailed;
  });

  var clusters = L.markerClusterGroup({
    showCoverageOnHover: false,
    iconCreateFunction: function (cluster) {
      var count = cluster.getChildCount();
      var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
      var outer = document.createElement("div");
      var inner = document.createElement("span");
      inner.textContent = String(count);
      // The text gives the cluster (a button) an accessible name.
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = " " + labels.messages.clusterHint;
      inner.appendChild(hidden);
      outer.appendChild(inner);
      return L.divIcon({
        html: outer,
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

  function text(tag, className, content) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (content != null) node.textContent = String(content);
    return node;
  }

  // SDGs and topics may come as objects ({number, title, colour} / {name, slug}) or as bare
  // numbers and slugs; both read the same here.
  function sdgNumber(sdg) {
    return typeof sdg === "object" && sdg !== null ? Number(sdg.number) : Number(sdg);
  }
  function topicName(topic) {
    if (typeof topic === "object" && topic !== null) return topic.name || topic.slug;
    return labels.topicNames[topic] || topic;
  }
  function countryName(code) {
    return labels.countryNames[code] || code || "";
  }

  // The SDG whose colour a marker takes: the one the map is filtered by, else the case's first.
  function markerSdg(sdgs, chosen) {
    if (chosen && sdgs.some(function (sdg) { return sdgNumber(sdg) === chosen; })) return chosen;
    return sdgs.length ? sdgNumber(sdgs[0]) : null;
  }

  function badges(sdgs) {
    var list = text("ul", "sdg-badges");
    list.setAttribute("aria-label", labels.messages.sdgs);
    sdgs.forEach(function (sdg) {
      var number = sdgNumber(sdg);
      var item = document.createElement("li");
      var link = text("a", "sdg-badge sdg-" + number, "SDG " + number);
      link.href = "/cases/?sdg=" + number;
      link.appendChild(text("span", "visually-hidden", ": " + (labels.sdgTitles[number] || "")));
      item.appendChild(link);
      list.appendChild(item);
    });
    return list;
  }

  function popupContent(props, sdgs) {
    var box = text("div", "popup");
    var title = text("p", "popup-title");
    var link = text("a", null, props.title);
    link.href = props.url || "#";
    title.appendChild(link);
    box.appendChild(title);
    var place = [props.city, countryName(props.country)].filter(Boolean).join(", ");
    if (place) box.appendChild(text("p", "popup-meta popup-place", place));
    var summary = text("p", "popup-summary", "");
    box.appendChild(summary);
    if (sdgs.length) box.appendChild(badges(sdgs));
    var topics = (props.topics || []).map(topicName).join(", ");
    if (topics) box.appendChild(text("p", "popup-meta", topics));
    return { box: box, summary: summary };
  }

  // Summaries are read once per case, when its popup first opens.
  var summaries = {};
  function fillSummary(id, target) {
    if (summaries[id] !== undefined) {
      target.textContent = summaries[id];
      return;
    }
    target.textContent = "…";
    fetch(element.dataset.pagesApiUrl + id + "/?fields=summary", {
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      })
      .then(function (page) {
        summaries[id] = page.summary || "";
        target.textContent = summaries[id];
      })
      .catch(function () {
        target.textContent = "";
      });
  }

  function marker(feature, chosen) {
    var props = feature.properties || {};
    var coordinates = feature.geometry && feature.geometry.coordinates;
    if (!coordinates) return null;
    var sdgs = (props.sdgs || []).slice().sort(function (a, b) {
      return sdgNumber(a) - sdgNumber(b);
    });
    var colourSdg = markerSdg(sdgs, chosen);
    var html = document.createElement("span");
    html.appendChild(text("span", "case-marker-dot" + (colourSdg ? " sdg-" + colourSdg : "")));
    html.appendChild(text("span", "visually-hidden", props.title));
    var icon = L.divIcon({
      className: "case-marker",
      html: html,
      iconSize: [18, 18],
      iconAnchor: [9, 9],
      popupAnchor: [0, -8],
    });
    var content = popupContent(props, sdgs);
    var item = L.marker([coordinates[1], coordinates[0]], {
      icon: icon,
      keyboard: true,
      title: props.title,
    }).bindPopup(content.box, { minWidth: 220, maxWidth: 300 });
    item.on("popupopen", function () {
      fillSummary(props.id || feature.id, content.summary);
    });
    return item;
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

  // The filters the events' map API shares with the cases' (SDG, topic, region).
  var EVENT_FILTERS = ["sdg", "topic", "region"];
  function eventQuery(qs) {
    var params = new URLSearchParams();
    new URLSearchParams(qs).forEach(function (value, key) {
      if (EVENT_FILTERS.indexOf(key) !== -1) params.append(key, value);
    });
    return params.toString();
  }

  function getJSON(url, qs) {
    return fetch(url + (qs ? "?" + qs : ""), { headers: { Accept: "application/json" } }).then(
      function (response) {
        if (response.status === 400) {
          return response.json().then(function (body) {
            throw new BadFilter(body.message || "");
          });
        }
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.json();
      }
    );
  }

  var latestRequest = 0;

  // A filter the API refuses (HTTP 400): its message names the parameter.
  function BadFilter(message) {
    this.message = message;
  }

  function showCount() {
    var chosen = 0;
    new FormData(form).forEach(function (value) {
      if (value) chosen += 1;
    });
    count.textContent = chosen ? count.dataset.template.replace("%(count)s", String(chosen)) : "";
  }

  function load() {
    var qs = query(false);
    var apiQs = query(true);
    showCount();
    var chosen = Number(new FormData(form).get("sdg")) || null;
    var layer = form.elements.layer ? form.elements.layer.value : "";
    var empty = Promise.resolve({ features: [] });
    // Filters can change faster than the API answers: only the latest answer is drawn.
    var request = ++latestRequest;
    status.textContent = labels.messages.loading;
    element.setAttribute("aria-busy", "true");
    Promise.all([
      layer === "events" ? empty : getJSON(element.dataset.apiUrl, apiQs),
      layer === "cases" || !element.dataset.eventsUrl
        ? empty
        : getJSON(element.dataset.eventsUrl, eventQuery(apiQs)),
    ])
      .then(function (answers) {
        if (request !== latestRequest) return;
        var markers = (answers[0].features || [])
          .map(function (feature) { return marker(feature, chosen); })
          .filter(Boolean);
        var events = (answers[1].features || []).map(eventMarker).filter(Boolean);
        clusters.clearLayers();
        eventClusters.clearLayers();
        var points = markers.concat(events).map(function (m) { return m.getLatLng(); });
        if (points.length) {
          // The view shows every marker, on a phone as on a desktop. The first time it is fitted
          // at once, before the markers are added: they are then clustered for the final zoom
          // and drawn in place, instead of sliding out of clusters of the world view (a marker
          // could be caught mid-way, outside the view, and a click on it could miss).
          map.fitBounds(L.latLngBounds(points), {
            padding: [24, 24],
            maxZoom: 12,
            animate: element.dataset.view === "fitted",
          });
        }
        clusters.addLayers(markers);
        eventClusters.addLayers(events);
        element.dataset.markerCount = String(markers.length);
        element.dataset.eventCount = String(events.length);
        if (points.length) element.dataset.view = "fitted";
        var parts = [];
        if (layer !== "events") {
          parts.push((markers.length === 1 ? labels.messages.one : labels.messages.many)
            .replace("%(count)s", String(markers.length)));
        }
        if (layer !== "cases") {
          parts.push(events.length === 1 ? labels.oneEvent : labels.manyEvents.replace("%(count)s", events.length));
        }
        status.textContent = parts.join(" · ");
      })
      .catch(function (error) {
        if (request !== latestRequest) return;
        status.textContent = error instanceof BadFilter
          ? labels.messages.badFilter.replace("%(message)s", error.message)
          : labels.messages.failed;
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
  form.querySelectorAll("select, input").forEach(function (control) {
    control.addEventListener("change", load);
  });
  load();
})();
