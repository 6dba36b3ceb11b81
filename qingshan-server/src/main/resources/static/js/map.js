// The map page: the county outline from our own GeoJSON; tiles only when a tile server is configured.
(function () {
  var el = document.getElementById('map');
  if (!el || !window.L) {
    return;
  }
  var map = window.L.map(el, { attributionControl: true });
  var tileUrl = el.getAttribute('data-tile-url');
  if (tileUrl) {
    window.L.tileLayer(tileUrl, {
      attribution: el.getAttribute('data-tile-attribution') || '',
      maxZoom: 18
    }).addTo(map);
  }
  fetch(el.getAttribute('data-outline'), { credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (geo) {
      var layer = window.L.geoJSON(geo, {
        style: function (f) {
          var county = f.properties && f.properties.level === 'county';
          return county
            ? { color: '#1f5c39', weight: 3, fillColor: '#2e7d4f', fillOpacity: 0.05 }
            : { color: '#2e7d4f', weight: 1, fillColor: '#8fc9a3', fillOpacity: 0.25 };
        },
        onEachFeature: function (f, l) {
          if (f.properties && f.properties.name) {
            l.bindTooltip(f.properties.name, { sticky: true });
          }
        }
      }).addTo(map);
      map.fitBounds(layer.getBounds());
      return fetch(el.getAttribute('data-devices'), { credentials: 'same-origin' });
    })
    .then(function (r) { return r.json(); })
    .then(function (devices) {
      window.L.geoJSON(devices, {
        pointToLayer: function (f, latlng) {
          return window.L.circleMarker(latlng, {
            radius: 7, weight: 2, color: '#fff',
            fillColor: f.properties.online ? '#2e7d4f' : '#9aa5ae', fillOpacity: 0.95
          });
        },
        onEachFeature: function (f, l) {
          var p = f.properties;
          var a = document.createElement('a');
          a.href = el.getAttribute('data-device-base') + p.id;
          a.textContent = p.name;
          var box = document.createElement('div');
          box.appendChild(a);
          box.appendChild(document.createElement('br'));
          box.appendChild(document.createTextNode(p.kind + ' · ' + p.mn + ' · ' + p.status));
          l.bindPopup(box);
        }
      }).addTo(map);
      el.setAttribute('data-devices-loaded', String(devices.features.length));
      el.setAttribute('data-loaded', 'true');
    });
})();
