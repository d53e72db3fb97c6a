/*
 * Maps of member cities (Leaflet + Leaflet.markercluster).
 *
 * Every element with a data-map attribute becomes a map. Its points, a list of
 * {name, url, lat, lng}, come from the URL in data-points-url (a JSON object {"points": [...]})
 * or else from the <script type="application/json"> element (Django's json_script) whose id
 * data-map holds. data-tile-url is the tile URL template; when it is empty no tile
 * layer is added and the markers show on the element's plain background. The view always
 * fits the markers, so they are visible whether or not tiles load.
 */
(function () {
  "use strict";

  function readPoints(id) {
    var element = document.getElementById(id);
    if (!element) {
      return [];
    }
    try {
      var points = JSON.parse(element.textContent);
      return Array.isArray(points) ? points : [];
    } catch (error) {
      return [];
    }
  }

  function popupContent(point) {
    // Built with DOM nodes and textContent: a city name is data, never markup.
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = point.name;
    return link;
  }

  function buildMap(element, rawPoints) {
    var points = rawPoints.filter(function (point) {
      return typeof point.lat === "number" && typeof point.lng === "number";
    });
    // maxZoom on the map itself: the cluster layer needs it even when no tile layer sets one.
    var map = L.map(element, { minZoom: 1, maxZoom: 18, worldCopyJump: true, scrollWheelZoom: false });

    var tileUrl = element.getAttribute("data-tile-url") || "";
    if (tileUrl) {
      L.tileLayer(tileUrl, {
        maxZoom: 18,
        attribution: element.getAttribute("data-tile-attribution") || "",
      }).addTo(map);
    } else {
      element.classList.add("map-no-tiles");
    }

    var useCluster = element.getAttribute("data-cluster") !== "0" && typeof L.markerClusterGroup === "function";
    var layer = useCluster
      ? L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 50 })
      : L.featureGroup();
    var latLngs = [];
    points.forEach(function (point) {
      var latLng = L.latLng(point.lat, point.lng);
      latLngs.push(latLng);
      L.marker(latLng, { title: point.name, alt: point.name, riseOnHover: true })
        .bindPopup(popupContent(point))
        .addTo(layer);
    });
    layer.addTo(map);

    if (latLngs.length === 0) {
      map.setView([20, 0], 1);
    } else if (latLngs.length === 1) {
      map.setView(latLngs[0], 9);
    } else {
      map.fitBounds(L.latLngBounds(latLngs), { padding: [24, 24], maxZoom: 9 });
    }
    // Let the wheel zoom only once the reader has chosen to interact with the map.
    map.once("focus click", function () {
      map.scrollWheelZoom.enable();
    });
    element.setAttribute("data-map-ready", String(latLngs.length));
    return map;
  }

  function init() {
    if (typeof L === "undefined") {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-map]"), function (element) {
      if (element.hasAttribute("data-map-ready")) {
        return;
      }
      var url = element.getAttribute("data-points-url");
      if (!url) {
        buildMap(element, readPoints(element.getAttribute("data-map")));
        return;
      }
      fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
        .then(function (response) {
          return response.ok ? response.json() : { points: [] };
        })
        .then(function (data) {
          buildMap(element, Array.isArray(data.points) ? data.points : []);
        })
        .catch(function () {
          buildMap(element, []);
        });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
