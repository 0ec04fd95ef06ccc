// The case submission form, enhanced. Without JavaScript everything works by posting back
// ("Add more actors", the "Remove this actor" boxes, typed coordinates); with it, actor rows
// are added and removed in place, and a small map sets the latitude and longitude.
(function () {
  "use strict";

  // Actors -----------------------------------------------------------------------------
  var actors = document.querySelector("[data-actors]");
  if (actors) {
    var maxRows = parseInt(actors.dataset.maxRows, 10) || 20;
    var addButton = actors.querySelector("[data-add-actor]");

    var rows = function () {
      return Array.prototype.slice.call(actors.querySelectorAll("[data-actor-row]"));
    };
    var rowIndex = function (row) {
      var input = row.querySelector("input[name$='-organisation']");
      return parseInt(input.name.split("-")[1], 10);
    };
    var renumberLegends = function () {
      rows().forEach(function (row, position) {
        var legend = row.querySelector("legend");
        legend.textContent = legend.textContent.replace(/\d+\s*$/, String(position + 1));
      });
    };
    var clearRow = function (row) {
      row.querySelectorAll("input[type=text]").forEach(function (input) { input.value = ""; });
      row.querySelectorAll("select").forEach(function (select) { select.selectedIndex = 0; });
    };
    var enhanceRow = function (row) {
      var box = row.querySelector(".actor-remove");
      if (!box) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button-secondary button-small actor-remove-button";
      button.textContent = box.textContent.trim();
      button.addEventListener("click", function () {
        if (rows().length > 1) {
          row.remove();
          renumberLegends();
        } else {
          clearRow(row);
        }
        if (addButton) addButton.hidden = rows().length >= maxRows;
      });
      box.replaceWith(button);
    };

    rows().forEach(enhanceRow);
    if (addButton) {
      addButton.addEventListener("click", function (event) {
        event.preventDefault();
        var all = rows();
        if (all.length >= maxRows) return;
        var last = all[all.length - 1];
        var next = Math.max.apply(null, all.map(rowIndex)) + 1;
        var row = last.cloneNode(true);
        row.querySelectorAll("input, select").forEach(function (field) {
          field.name = field.name.replace(/-\d+-/, "-" + next + "-");
        });
        clearRow(row);
        last.after(row);
        renumberLegends();
        row.querySelector("input[type=text]").focus();
        addButton.hidden = rows().length >= maxRows;
      });
    }
  }

  // Location -----------------------------------------------------------------------------
  var picker = document.getElementById("location-picker");
  var latitude = document.querySelector("input[name=latitude]");
  var longitude = document.querySelector("input[name=longitude]");
  if (!picker || !latitude || !longitude || !window.L) return;
  picker.hidden = false;
  var element = picker.querySelector(".location-picker-map");
  var read = function () {
    var lat = parseFloat(latitude.value);
    var lon = parseFloat(longitude.value);
    if (isNaN(lat) || isNaN(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
    return [lat, lon];
  };
  var start = read();
  var map = L.map(element, { scrollWheelZoom: false }).setView(start || [20, 0], start ? 10 : 1);
  L.tileLayer(picker.dataset.tileUrl, {
    maxZoom: 18,
    attribution: picker.dataset.tileAttribution,
  }).addTo(map);
  // A vector marker: drawn even when the tile server cannot be reached.
  var marker = null;
  var place = function (point) {
    if (!point) return;
    if (marker) {
      marker.setLatLng(point);
    } else {
      marker = L.circleMarker(point, {
        radius: 9, color: "#1b1f24", weight: 2, fillColor: "#00689d", fillOpacity: 0.9,
      }).addTo(map);
    }
  };
  place(start);
  map.on("click", function (event) {
    var lat = event.latlng.lat;
    var lon = L.Util.wrapNum(event.latlng.lng, [-180, 180], true);
    latitude.value = lat.toFixed(5);
    longitude.value = lon.toFixed(5);
    place([lat, lon]);
  });
  [latitude, longitude].forEach(function (input) {
    input.addEventListener("change", function () {
      var point = read();
      if (point) {
        place(point);
        map.setView(point, Math.max(map.getZoom(), 8));
      }
    });
  });
})();
