/*
 * The place of an International Day activity, picked on a map (Leaflet).
 *
 * An element with data-place-picker-map becomes a map tied to two number inputs (their ids in
 * data-latitude-input and data-longitude-input). A click on the map puts the marker there; dragging the
 * marker moves it; typing in the inputs moves the marker too. The inputs are the form's real fields, so
 * the form works the same without JavaScript (the map stays hidden then). data-center-latitude and
 * data-center-longitude centre the map when no place is set yet (the city); data-tile-url is the tile URL
 * template (empty: no tiles, the marker shows on a plain background).
 */
(function () {
  "use strict";

  var DECIMALS = 6;

  function readNumber(input, limit) {
    if (!input || input.value.trim() === "") {
      return null;
    }
    var value = Number(input.value.replace(",", "."));
    return isFinite(value) && Math.abs(value) <= limit ? value : null;
  }

  function write(input, value) {
    input.value = value.toFixed(DECIMALS);
    // Let other scripts (and the browser's validation) know the value changed.
    input.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function buildPicker(element) {
    var latInput = document.getElementById(element.getAttribute("data-latitude-input"));
    var lngInput = document.getElementById(element.getAttribute("data-longitude-input"));
    if (!latInput || !lngInput) {
      return;
    }
    element.hidden = false;
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

    var label = element.getAttribute("data-marker-label") || "";
    var marker = null;

    function place(latLng, fromInputs) {
      var wrapped = latLng.wrap();
      if (marker === null) {
        marker = L.marker(wrapped, { draggable: true, title: label, alt: label, keyboard: true }).addTo(map);
        marker.on("dragend", function () {
          var moved = marker.getLatLng().wrap();
          marker.setLatLng(moved);
          write(latInput, moved.lat);
          write(lngInput, moved.lng);
        });
      } else {
        marker.setLatLng(wrapped);
      }
      if (!fromInputs) {
        write(latInput, wrapped.lat);
        write(lngInput, wrapped.lng);
      }
    }

    function fromInputs() {
      var lat = readNumber(latInput, 90);
      var lng = readNumber(lngInput, 180);
      if (lat === null || lng === null) {
        if (marker !== null && latInput.value.trim() === "" && lngInput.value.trim() === "") {
          map.removeLayer(marker);
          marker = null;
        }
        return;
      }
      place(L.latLng(lat, lng), true);
      map.panTo(marker.getLatLng());
    }

    var lat = readNumber(latInput, 90);
    var lng = readNumber(lngInput, 180);
    if (lat !== null && lng !== null) {
      place(L.latLng(lat, lng), true);
      map.setView(marker.getLatLng(), 15);
    } else {
      var centerLat = Number(element.getAttribute("data-center-latitude"));
      var centerLng = Number(element.getAttribute("data-center-longitude"));
      if (element.getAttribute("data-center-latitude") && isFinite(centerLat) && isFinite(centerLng)) {
        map.setView([centerLat, centerLng], 12);
      } else {
        map.setView([20, 0], 1);
      }
    }

    map.on("click", function (event) {
      place(event.latlng, false);
    });
    latInput.addEventListener("input", fromInputs);
    lngInput.addEventListener("input", fromInputs);
    map.once("focus click", function () {
      map.scrollWheelZoom.enable();
    });
    element.setAttribute("data-map-ready", "1");
  }

  function init() {
    if (typeof L === "undefined") {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll("[data-place-picker-map]"), function (element) {
      if (!element.hasAttribute("data-map-ready")) {
        buildPicker(element);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
