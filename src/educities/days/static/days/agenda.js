/*
 * The International Day's agenda: its map and the reader's own time.
 *
 * 1. Reader's time. Inside an element with data-reader-time (its value is the translated words
 *    "your time"), every <time class="day-time" datetime="ISO" data-zone="IANA"> whose zone differs
 *    from the reader's gets the same moment in the reader's time zone after it (Intl.DateTimeFormat).
 *
 * 2. Map. An element with data-agenda-map and data-points-url becomes a Leaflet map with clustered
 *    markers (the vendored Leaflet + Leaflet.markercluster, as static/educities/js/map.js does for
 *    cities). The URL answers the compact payload of days.domain.queries.agenda_map_points:
 *    {"url": "/en/day/activities/{id}/", "cities": [name...], "zones": [IANA...],
 *     "points": [[id, lat, lng, title, city index, start (Unix seconds), zone index], ...]}.
 *    With no tile URL (data-tile-url empty) the markers show on a plain background; the list on the
 *    page is the text alternative. Titles and names are data: they go in with textContent only.
 */
(function () {
  "use strict";

  var lang = document.documentElement.lang || undefined;

  function readerZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return "";
    }
  }

  function format(date, options) {
    try {
      return new Intl.DateTimeFormat(lang, options).format(date);
    } catch (error) {
      return "";
    }
  }

  var WHEN = { weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZoneName: "short" };

  function addReaderTimes() {
    var zone = readerZone();
    if (!zone) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-reader-time]"), function (container) {
      var label = container.getAttribute("data-reader-time");
      Array.prototype.forEach.call(container.querySelectorAll("time.day-time[data-zone]"), function (element) {
        if (element.getAttribute("data-zone") === zone || element.hasAttribute("data-reader-done")) {
          return;
        }
        var date = new Date(element.getAttribute("datetime"));
        if (isNaN(date.getTime())) {
          return;
        }
        // Another zone name with the same clock at that moment (Lyon and Madrid) needs no second time.
        var clock = { day: "numeric", month: "numeric", hour: "2-digit", minute: "2-digit" };
        var theirs = format(date, Object.assign({ timeZone: element.getAttribute("data-zone") }, clock));
        if (theirs && theirs === format(date, clock)) {
          return;
        }
        var text = format(date, WHEN);
        if (!text) {
          return;
        }
        var span = document.createElement("span");
        span.className = "day-reader-time";
        span.textContent = " (" + label + ": " + text + ")";
        element.setAttribute("data-reader-done", "1");
        var after = element.parentNode.classList.contains("day-when") ? element.parentNode : element;
        after.parentNode.insertBefore(span, after.nextSibling);
      });
    });
  }

  function popup(point, data) {
    var box = document.createElement("div");
    var link = document.createElement("a");
    link.className = "day-popup-title";
    link.href = String(data.url || "").replace("{id}", String(point[0]));
    link.textContent = point[3];
    box.appendChild(link);
    var meta = document.createElement("span");
    meta.className = "day-popup-meta";
    var zone = (data.zones || [])[point[6]];
    var options = Object.assign({}, WHEN);
    if (zone) {
      options.timeZone = zone;
    }
    var when = format(new Date(point[5] * 1000), options) || format(new Date(point[5] * 1000), WHEN);
    meta.textContent = [(data.cities || [])[point[4]] || "", when].filter(Boolean).join(" · ");
    box.appendChild(meta);
    return box;
  }

  function buildMap(element, data) {
    var points = (Array.isArray(data.points) ? data.points : []).filter(function (point) {
      return Array.isArray(point) && typeof point[1] === "number" && typeof point[2] === "number";
    });
    var map = L.map(element, { minZoom: 1, maxZoom: 18, worldCopyJump: true, scrollWheelZoom: false });
    var tileUrl = element.getAttribute("data-tile-url") || "";
    if (tileUrl) {
      L.tileLayer(tileUrl, { maxZoom: 18, attribution: element.getAttribute("data-tile-attribution") || "" }).addTo(map);
    } else {
      element.classList.add("map-no-tiles");
    }
    var layer = typeof L.markerClusterGroup === "function"
      ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50, chunkedLoading: true })
      : L.featureGroup();
    var latLngs = [];
    var markers = [];
    points.forEach(function (point) {
      var latLng = L.latLng(point[1], point[2]);
      latLngs.push(latLng);
      markers.push(
        L.marker(latLng, { title: point[3], alt: point[3], riseOnHover: true }).bindPopup(function () {
          return popup(point, data);
        })
      );
    });
    if (typeof layer.addLayers === "function") {
      layer.addLayers(markers);
    } else {
      markers.forEach(function (marker) { marker.addTo(layer); });
    }
    layer.addTo(map);
    if (latLngs.length === 0) {
      map.setView([20, 0], 1);
    } else if (latLngs.length === 1) {
      map.setView(latLngs[0], 11);
    } else {
      map.fitBounds(L.latLngBounds(latLngs), { padding: [24, 24], maxZoom: 11 });
    }
    map.once("focus click", function () {
      map.scrollWheelZoom.enable();
    });
    element.setAttribute("data-map-ready", String(latLngs.length));
  }

  function initMaps() {
    if (typeof L === "undefined") {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-agenda-map][data-points-url]"), function (element) {
      if (element.hasAttribute("data-map-ready")) {
        return;
      }
      fetch(element.getAttribute("data-points-url"), { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : { points: [] };
        })
        .then(function (data) {
          buildMap(element, data || {});
        })
        .catch(function () {
          buildMap(element, {});
        });
    });
  }

  function init() {
    addReaderTimes();
    initMaps();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
