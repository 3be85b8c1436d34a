// The map of places and incidents (/map) and the small map of a place page, drawn with the
// vendored Leaflet over the vendored Natural Earth boundaries: no tile layer, nothing fetched
// beyond this site. Popups are built as DOM nodes (text, never HTML from the data).
(function () {
  "use strict";
  var BOUNDS = [[37.0, 38.5], [44.5, 51.5]];  // the basemap's clip box (south-west, north-east)
  var ATTRIBUTION = "Boundaries: Natural Earth (public domain), not asserted by conflictkg";
  var EXACT = "ckv:where-exact";

  function node(tag, className, text) {
    var el = document.createElement(tag);
    if (className) { el.className = className; }
    if (text !== undefined) { el.textContent = text; }
    return el;
  }

  function link(href, text) {
    var a = node("a", "", text);
    a.href = href;
    return a;
  }

  function newMap(el) {
    var map = L.map(el, {zoomSnap: 0.5, minZoom: 5, maxZoom: 13, maxBounds: BOUNDS, maxBoundsViscosity: 0.8,
                         attributionControl: true});
    map.attributionControl.setPrefix('<a href="https://leafletjs.com" rel="noopener noreferrer">Leaflet</a>');
    map.attributionControl.addAttribution(ATTRIBUTION);
    fetch(el.dataset.basemap).then(function (r) { return r.json(); }).then(function (geo) {
      var layer = L.geoJSON(geo, {interactive: false, style: {color: "#8a8578", weight: 1, fillColor: "#f4f1e8", fillOpacity: 1}});
      layer.addTo(map);
      layer.bringToBack();
      el.dataset.basemapLoaded = "true";
    });
    return map;
  }

  function radius(count) {
    return count ? Math.min(28, 5 + 3 * Math.sqrt(count)) : 3.5;
  }

  function style(p) {
    var exact = p.precision === EXACT;
    if (!p.incident_count) {
      return {radius: 3.5, color: "#8d8d8d", weight: 1, fillColor: "#bdbdbd", fillOpacity: 0.7,
              className: "place-marker empty"};
    }
    return {radius: radius(p.incident_count), color: "#7a1f1f", weight: exact ? 1 : 2.5,
            dashArray: exact ? null : "3 3", fillColor: "#c0392b", fillOpacity: exact ? 0.55 : 0.25,
            className: "place-marker" + (exact ? " exact" : " approximate")};
  }

  function popup(p) {
    var box = node("div", "map-popup");
    var title = node("div", "map-popup-title");
    title.appendChild(link(p.href, p.label));
    box.appendChild(title);
    box.appendChild(node("div", "note", (p.precision_label || "precision not recorded") + " · " +
                         p.incident_count + (p.incident_count === 1 ? " matching incident" : " matching incidents")));
    var list = node("ul", "map-popup-incidents");
    p.incidents.slice(0, 8).forEach(function (i) {
      var item = node("li");
      item.appendChild(node("span", "date", (i.begin || "undated") + " "));
      item.appendChild(link(i.href, i.label));
      list.appendChild(item);
    });
    if (p.incidents.length) { box.appendChild(list); }
    if (p.incidents.length > 8) {
      box.appendChild(link(p.incidents_href, "all " + p.incident_count + " in the incidents list"));
    }
    if (p.source_url) {
      var src = node("div", "note", "Point read from ");
      var a = link(p.source_url, p.source_url.split("/")[2]);
      a.rel = "noopener noreferrer";
      src.appendChild(a);
      box.appendChild(src);
    }
    return box;
  }

  // The box of the middle 80% of the places on each axis: the outliers (a port, a capital) stay one zoom away.
  function core(features) {
    function cut(values) {
      values.sort(function (a, b) { return a - b; });
      var k = values.length >= 10 ? Math.floor(values.length * 0.1) : 0;
      return [values[k], values[values.length - 1 - k]];
    }
    var lats = cut(features.map(function (f) { return f.geometry.coordinates[1]; }));
    var lons = cut(features.map(function (f) { return f.geometry.coordinates[0]; }));
    return L.latLngBounds([lats[0], lons[0]], [lats[1], lons[1]]);
  }

  function fullMap(el) {
    var data = JSON.parse(document.getElementById(el.dataset.source).textContent);
    var map = newMap(el);
    var inside = data.features.filter(function (f) { return f.properties.in_region; });  // the rest: listed below the map
    var shown = inside.filter(function (f) { return f.properties.incident_count > 0; });
    var framed = shown.length ? shown : inside;
    var ordered = inside.slice().sort(function (a, b) {  // big circles under small ones
      return b.properties.incident_count - a.properties.incident_count;
    });
    ordered.forEach(function (f) {
      var p = f.properties, c = f.geometry.coordinates;
      L.circleMarker([c[1], c[0]], style(p)).bindPopup(function () { return popup(p); }, {maxWidth: Math.min(320, el.clientWidth - 70)})
        .on("click", function () { this.openPopup(this.getLatLng()); })  // at the place, not where the click fell
        .bindTooltip(p.label + " (" + p.incident_count + ")").addTo(map);
    });
    if (framed.length) {
      map.fitBounds(core(framed).pad(0.6), {padding: [12, 12], maxZoom: 10});
    } else {
      map.fitBounds(BOUNDS);
    }
    el.dataset.markers = String(inside.length);
  }

  function smallMap(el) {
    var map = newMap(el);
    var at = [parseFloat(el.dataset.latitude), parseFloat(el.dataset.longitude)];
    var exact = el.dataset.precision === EXACT;
    L.circleMarker(at, {radius: 7, color: "#7a1f1f", weight: 2, dashArray: exact ? null : "3 3", fillColor: "#c0392b",
                        fillOpacity: 0.6, className: "place-marker"}).bindTooltip(el.dataset.label).addTo(map);
    map.setView(at, 7);
    el.dataset.markers = "1";
  }

  document.querySelectorAll("[data-placemap]").forEach(function (el) {
    if (el.dataset.placemap === "full") { fullMap(el); } else { smallMap(el); }
  });
}());
