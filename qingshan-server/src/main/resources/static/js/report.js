// 随手拍: the pin on the offline map (the county outline; tiles only when configured), the phone's
// position, and a check of the photos before a large upload is sent only to be refused.
(function () {
  var form = document.getElementById('report-form');
  if (!form) {
    return;
  }
  var latInput = document.getElementById('report-lat');
  var lngInput = document.getElementById('report-lng');
  var text = document.getElementById('report-location-text');
  var clientError = document.getElementById('report-client-error');
  var el = document.getElementById('report-map');
  var map = null;
  var marker = null;

  function show(lat, lng, zoom) {
    latInput.value = lat.toFixed(6);
    lngInput.value = lng.toFixed(6);
    text.textContent = text.getAttribute('data-template')
      .replace('{lat}', lat.toFixed(5)).replace('{lng}', lng.toFixed(5));
    if (map) {
      var at = window.L.latLng(lat, lng);
      if (marker) {
        marker.setLatLng(at);
      } else {
        marker = window.L.marker(at).addTo(map);
      }
      if (zoom) {
        map.setView(at, Math.max(map.getZoom() || 0, 13));
      }
    }
    el.setAttribute('data-pinned', 'true');
  }

  if (el && window.L) {
    map = window.L.map(el, { attributionControl: true });
    map.setView([36.5, 115.6], 10);
    var tileUrl = el.getAttribute('data-tile-url');
    if (tileUrl) {
      window.L.tileLayer(tileUrl, {
        attribution: el.getAttribute('data-tile-attribution') || '',
        maxZoom: 18
      }).addTo(map);
    }
    fetch(el.getAttribute('data-outline'))
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
              : { color: '#2e7d4f', weight: 1, fillColor: '#8fc9a3', fillOpacity: 0.2 };
          },
          onEachFeature: function (f, l) {
            if (f.properties && f.properties.name) {
              l.bindTooltip(f.properties.name, { sticky: true });
            }
            // A click on an area is a click on the map: the pin goes where the finger was.
            l.on('click', function (e) { show(e.latlng.lat, e.latlng.lng, false); });
          }
        }).addTo(map);
        if (!marker) {
          map.fitBounds(layer.getBounds());
        }
        el.setAttribute('data-outline-loaded', 'true');
      });
    map.on('click', function (e) { show(e.latlng.lat, e.latlng.lng, false); });
  }
  if (latInput.value && lngInput.value) {
    show(parseFloat(latInput.value), parseFloat(lngInput.value), true);
  }

  var locate = document.getElementById('report-locate');
  if (!navigator.geolocation) {
    locate.hidden = true;
  }
  locate.addEventListener('click', function () {
    var label = locate.textContent;
    locate.textContent = locate.getAttribute('data-locating');
    locate.disabled = true;
    navigator.geolocation.getCurrentPosition(function (p) {
      locate.textContent = label;
      locate.disabled = false;
      show(p.coords.latitude, p.coords.longitude, true);
    }, function () {
      locate.textContent = label;
      locate.disabled = false;
      text.textContent = locate.getAttribute('data-failed');
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });

  form.addEventListener('submit', function (e) {
    var files = document.getElementById('report-photos').files;
    var max = parseInt(form.getAttribute('data-max-bytes'), 10);
    var total = 0;
    for (var i = 0; i < files.length; i++) {
      total += files[i].size;
    }
    var problem = null;
    if (files.length > parseInt(form.getAttribute('data-max-photos'), 10)) {
      problem = form.getAttribute('data-too-many');
    } else if (total > max - 64 * 1024) {
      problem = form.getAttribute('data-too-large');
    }
    if (problem) {
      e.preventDefault();
      clientError.textContent = problem;
      clientError.hidden = false;
      return;
    }
    var button = document.getElementById('report-submit');
    button.disabled = true;
    button.textContent = form.getAttribute('data-submitting');
  });
})();
