// A grid's area on the map: shown (data-mode=view, with its enterprises) or drawn by clicking
// vertices (data-mode=draw), the polygon kept as GeoJSON in the form's textarea. Plain Leaflet,
// offline: the county outline is our own GeoJSON; tiles only when a tile server is configured.
(function () {
  var el = document.getElementById('grid-map');
  if (!el || !window.L) {
    return;
  }
  var L = window.L;
  var drawing = el.getAttribute('data-mode') === 'draw';
  // drawing: quick clicks are corners, never a zoom
  var map = L.map(el, { attributionControl: true, doubleClickZoom: !drawing });
  var tileUrl = el.getAttribute('data-tile-url');
  if (tileUrl) {
    L.tileLayer(tileUrl, {
      attribution: el.getAttribute('data-tile-attribution') || '',
      maxZoom: 18
    }).addTo(map);
  }
  var framed = false;
  var outlineStyle = { color: '#9aa5ae', weight: 1, fillOpacity: 0.03 };
  var areaStyle = { color: '#1f5c39', weight: 3, fillColor: '#2e7d4f', fillOpacity: 0.2 };

  function frame(layer) {
    if (layer && layer.getBounds && layer.getBounds().isValid()) {
      map.fitBounds(layer.getBounds());
      framed = true;
    }
  }

  var outline = fetch(el.getAttribute('data-outline'), { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (geo) {
      if (!geo) {
        return null;
      }
      return L.geoJSON(geo, {
        style: function () { return outlineStyle; },
        interactive: false
      }).addTo(map);
    })
    .catch(function () { return null; });

  function parse(text) {
    if (!text) {
      return null;
    }
    try {
      var g = JSON.parse(text);
      return g && g.type === 'Feature' ? g.geometry : g;
    } catch (e) {
      return null;
    }
  }

  if (el.getAttribute('data-mode') === 'view') {
    var geometry = parse(el.getAttribute('data-geometry'));
    var area = geometry ? L.geoJSON(geometry, { style: function () { return areaStyle; } }).addTo(map) : null;
    var points = parse(el.getAttribute('data-points')) || [];
    var markers = L.featureGroup(points.map(function (p) {
      return L.circleMarker([p.lat, p.lng], {
        radius: 7, weight: 2, color: '#fff', fillColor: '#d93025', fillOpacity: 0.95
      }).bindTooltip(p.name);
    })).addTo(map);
    if (area) {
      frame(area);
    } else if (points.length) {
      map.fitBounds(markers.getBounds(), { maxZoom: 13 });
      framed = true;
    }
    outline.then(function (o) {
      if (!framed) {
        o ? frame(o) : map.setView([35, 105], 4);
      }
      el.setAttribute('data-loaded', 'true');
    });
    return;
  }

  // drawing: the first ring of the polygon in the textarea, one vertex per click
  var field = document.getElementById('grid-geometry');
  var counter = document.getElementById('grid-points');
  var label = el.getAttribute('data-points-label') || '{n}';
  var vertices = [];
  var existing = parse(field.value);
  if (existing && existing.type === 'Polygon' && existing.coordinates.length) {
    vertices = existing.coordinates[0].map(function (c) { return [c[1], c[0]]; });
    if (vertices.length > 1) {
      vertices.pop(); // the closing point
    }
  }
  var kept = existing && existing.type === 'MultiPolygon'
    ? L.geoJSON(existing, { style: function () { return areaStyle; }, interactive: false }).addTo(map) : null;
  // the shape and its corners let clicks through to the map, so a corner may fall inside them
  var shape = L.polygon([], L.extend({ interactive: false }, areaStyle)).addTo(map);
  var corners = L.layerGroup().addTo(map);

  function redraw(writeField) {
    shape.setLatLngs(vertices);
    corners.clearLayers();
    vertices.forEach(function (v) {
      L.circleMarker(v, { radius: 4, color: '#1f5c39', fillOpacity: 1, interactive: false }).addTo(corners);
    });
    counter.textContent = label.replace('{n}', String(vertices.length));
    el.setAttribute('data-vertices', String(vertices.length));
    if (writeField) {
      if (vertices.length >= 3) {
        var ring = vertices.map(function (v) { return [v[1], v[0]]; });
        ring.push(ring[0]);
        field.value = JSON.stringify({ type: 'Polygon', coordinates: [ring] });
      } else {
        field.value = '';
      }
    }
  }

  map.on('click', function (e) {
    if (kept) {
      map.removeLayer(kept);
      kept = null;
    }
    vertices.push([Number(e.latlng.lat.toFixed(6)), Number(e.latlng.lng.toFixed(6))]);
    redraw(true);
  });
  document.getElementById('grid-undo').addEventListener('click', function () {
    vertices.pop();
    redraw(true);
  });
  document.getElementById('grid-clear').addEventListener('click', function () {
    vertices = [];
    if (kept) {
      map.removeLayer(kept);
      kept = null;
    }
    redraw(true);
  });
  redraw(false);
  outline.then(function (o) {
    if (vertices.length >= 3) {
      frame(shape);
    } else if (kept) {
      frame(kept);
    } else if (o) {
      frame(o);
    } else {
      map.setView([35, 105], 4);
    }
    el.setAttribute('data-loaded', 'true');
  });
})();
