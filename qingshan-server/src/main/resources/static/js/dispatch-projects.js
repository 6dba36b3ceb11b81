// Key projects on the map: a pin per project with a location, its name and progress in the popup.
// Offline like the other maps: the county outline always, tiles only when a server is configured.
(function () {
  var el = document.getElementById('project-map');
  if (!el || !window.L) {
    return;
  }
  var L = window.L;
  var pins = Array.prototype.slice.call(el.querySelectorAll('.project-pin'));
  var map = L.map(el, { attributionControl: true });
  var tileUrl = el.getAttribute('data-tile-url');
  if (tileUrl) {
    L.tileLayer(tileUrl, {
      attribution: el.getAttribute('data-tile-attribution') || '',
      maxZoom: 18
    }).addTo(map);
  }
  var markers = pins.map(function (p) {
    var m = L.marker([parseFloat(p.getAttribute('data-lat')), parseFloat(p.getAttribute('data-lng'))]);
    var text = document.createElement('span');
    text.textContent = p.getAttribute('data-name') + ' · ' + p.getAttribute('data-progress') + '%';
    return m.bindPopup(text).addTo(map);
  });
  map.setView([30, 120], 9);
  fetch(el.getAttribute('data-outline'), { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (geo) {
      var group = L.featureGroup(markers);
      if (geo) {
        var outline = L.geoJSON(geo, { style: function () { return { color: '#9aa5ae', weight: 1, fillOpacity: 0.03 }; }, interactive: false }).addTo(map);
        group.addLayer(outline);
      }
      if (group.getBounds().isValid()) {
        map.fitBounds(group.getBounds());
      }
    })
    .catch(function () {});
})();
