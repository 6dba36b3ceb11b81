// The case pages: the case's position on the app's map, the dispatch form's choice of assignee, and
// the phone's position filled into a handling form.
(function () {
  var el = document.getElementById('case-map');
  if (el && window.L) {
    var map = window.L.map(el, { attributionControl: true });
    var tileUrl = el.getAttribute('data-tile-url');
    if (tileUrl) {
      window.L.tileLayer(tileUrl, {
        attribution: el.getAttribute('data-tile-attribution') || '',
        maxZoom: 18
      }).addTo(map);
    }
    var points = [];
    el.querySelectorAll('.case-point').forEach(function (p) {
      var at = [parseFloat(p.getAttribute('data-lat')), parseFloat(p.getAttribute('data-lng'))];
      var step = p.classList.contains('step-point');
      window.L.circleMarker(at, {
        radius: step ? 6 : 9, weight: 2, color: '#fff',
        fillColor: step ? '#1a73e8' : '#d93025', fillOpacity: 0.95
      }).bindTooltip(p.getAttribute('data-label')).addTo(map);
      points.push(at);
    });
    if (points.length > 0) {
      map.fitBounds(window.L.latLngBounds(points).pad(0.5), { maxZoom: 14 });
    }
    // The county outline gives the points their place even without tiles.
    fetch(el.getAttribute('data-outline'), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (geo) {
        if (geo) {
          window.L.geoJSON(geo, {
            style: { color: '#2e7d4f', weight: 1, fillColor: '#8fc9a3', fillOpacity: 0.15 }
          }).addTo(map);
        }
        el.setAttribute('data-rendered', String(points.length));
      })
      .catch(function () { el.setAttribute('data-rendered', String(points.length)); });
  }

  // A filter that applies as soon as it is chosen.
  document.querySelectorAll('select.auto-submit').forEach(function (s) {
    s.addEventListener('change', function () { s.form.submit(); });
  });

  // 转办: only the chooser of the kind picked is shown.
  document.querySelectorAll('.assignee-kind').forEach(function (set) {
    var form = set.form;
    function show() {
      var picked = form.querySelector('input[name=assigneeKind]:checked');
      form.querySelectorAll('label[data-kind]').forEach(function (l) {
        l.hidden = !picked || l.getAttribute('data-kind') !== picked.value;
      });
    }
    set.addEventListener('change', show);
    show();
  });

  // 定位: the phone's position into the form's fields; they stay typed by hand otherwise.
  document.querySelectorAll('button.locate').forEach(function (b) {
    var form = b.form;
    var status = form.querySelector('.locate-status');
    b.addEventListener('click', function () {
      if (!navigator.geolocation) {
        status.textContent = b.getAttribute('data-failed');
        return;
      }
      status.textContent = b.getAttribute('data-working');
      navigator.geolocation.getCurrentPosition(function (pos) {
        form.querySelector('input[name=lat]').value = pos.coords.latitude.toFixed(6);
        form.querySelector('input[name=lng]').value = pos.coords.longitude.toFixed(6);
        status.textContent = '';
      }, function () {
        status.textContent = b.getAttribute('data-failed');
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });
  });
})();
