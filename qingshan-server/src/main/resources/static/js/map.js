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
  // The outline and the devices load apart: a missing outline must not hide the devices.
  var framed = false;
  var outline = fetch(el.getAttribute('data-outline'), { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (geo) {
      if (!geo) {
        return;
      }
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
      framed = true;
    });
  var devices = fetch(el.getAttribute('data-devices'), { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : { features: [] }; })
    .then(function (geo) {
      var layer = window.L.geoJSON(geo, {
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
      el.setAttribute('data-devices-loaded', String(geo.features.length));
      return layer;
    });
  // Layers other features contribute (enterprises coloured by their alarms …), each a GeoJSON of
  // points with a name, a colour, a line of detail and a link.
  var layerControl = null;
  var extraFeatures = 0;
  var extra = Array.prototype.map.call(document.querySelectorAll('.map-layers li'), function (li) {
    return fetch(li.getAttribute('data-url'), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : { features: [] }; })
      .then(function (geo) {
        var layer = window.L.geoJSON(geo, {
          pointToLayer: function (f, latlng) {
            return window.L.circleMarker(latlng, {
              radius: 9, weight: 2, color: '#fff',
              fillColor: f.properties.color || '#1f5c39', fillOpacity: 0.95
            });
          },
          onEachFeature: function (f, l) {
            var p = f.properties;
            var box = document.createElement('div');
            var name = document.createElement(p.href ? 'a' : 'strong');
            if (p.href) {
              name.href = p.href;
            }
            name.textContent = p.name;
            box.appendChild(name);
            if (p.detail) {
              box.appendChild(document.createElement('br'));
              box.appendChild(document.createTextNode(p.detail));
            }
            l.bindPopup(box);
            l.bindTooltip(p.name);
          }
        }).addTo(map);
        layerControl = layerControl || window.L.control.layers(null, null).addTo(map);
        layerControl.addOverlay(layer, li.textContent);
        extraFeatures += geo.features.length;
      })
      .catch(function () { /* a layer that fails leaves the rest of the map */ });
  });
  Promise.all([outline, devices].concat(extra)).then(function (done) {
    var markers = done[1];
    if (!framed) {
      // no outline to frame the county: frame the devices, or a default view of China
      if (markers && markers.getLayers().length > 0) {
        map.fitBounds(markers.getBounds(), { maxZoom: 12 });
      } else {
        map.setView([35, 105], 4);
      }
    }
    el.setAttribute('data-layer-features', String(extraFeatures));
    el.setAttribute('data-loaded', 'true');
  });
})();
