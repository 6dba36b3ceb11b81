// 分析研判: the charts of the page (ECharts) and the heat map of cases (Leaflet circle markers whose
// size and colour follow the number of cases at a place), offline unless a tile server is set.
(function () {
  var holder = document.getElementById('analysis-chart-month');
  if (holder && window.echarts) {
    var data = JSON.parse(holder.getAttribute('data-charts') || '{}');
    var month = window.echarts.init(holder);
    month.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 50, right: 20, top: 40, bottom: 40 },
      xAxis: { type: 'category', data: data.months || [] },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: data.totalName, data: data.monthTotals || [] },
        { type: 'line', name: data.closedName, data: data.monthClosed || [] }
      ]
    });
    var type = window.echarts.init(document.getElementById('analysis-chart-type'));
    type.setOption({
      tooltip: { trigger: 'item' },
      series: [{ type: 'pie', radius: ['35%', '65%'], data: data.types || [] }]
    });
    var town = window.echarts.init(document.getElementById('analysis-chart-town'));
    town.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 50, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: data.towns || [], axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: data.totalName, data: data.townTotals || [] }]
    });
    holder.setAttribute('data-rendered', String((data.months || []).length));
    window.addEventListener('resize', function () { month.resize(); type.resize(); town.resize(); });
  }

  var el = document.getElementById('analysis-map');
  if (!el || !window.L) {
    return;
  }
  var map = window.L.map(el);
  var tileUrl = el.getAttribute('data-tile-url');
  if (tileUrl) {
    window.L.tileLayer(tileUrl, {
      attribution: el.getAttribute('data-tile-attribution') || '', maxZoom: 18
    }).addTo(map);
  }
  var points = JSON.parse(el.getAttribute('data-points') || '[]');
  var max = points.reduce(function (m, p) { return Math.max(m, p.weight); }, 1);
  var markers = window.L.featureGroup();
  points.forEach(function (p) {
    var share = p.weight / max;
    // warm colours for the places with the most cases
    var colour = share > 0.66 ? '#c0392b' : share > 0.33 ? '#e67e22' : '#f1c40f';
    window.L.circleMarker([p.lat, p.lng], {
      radius: 6 + 18 * Math.sqrt(share), weight: 1, color: '#fff',
      fillColor: colour, fillOpacity: 0.6
    }).bindTooltip(p.label + ' · ' + p.weight + ' ' + el.getAttribute('data-cases'))
      .addTo(markers);
  });
  markers.addTo(map);
  var framed = false;
  fetch(el.getAttribute('data-outline'), { credentials: 'same-origin' })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (geo) {
      if (geo) {
        var outline = window.L.geoJSON(geo, {
          style: { color: '#1f5c39', weight: 1, fillColor: '#8fc9a3', fillOpacity: 0.1 }
        }).addTo(map);
        outline.bringToBack();
        map.fitBounds(outline.getBounds());
        framed = true;
      }
    })
    .catch(function () { /* no outline: the markers frame the map */ })
    .then(function () {
      if (!framed) {
        if (points.length > 0) {
          map.fitBounds(markers.getBounds(), { maxZoom: 12 });
        } else {
          map.setView([35, 105], 4);
        }
      }
      el.setAttribute('data-points-shown', String(points.length));
    });
})();
