// An electricity meter's facilities on one time axis (/devices/{id}/facilities): production
// facilities' currents solid, treatment facilities' dashed.
(function () {
  var el = document.getElementById('facility-chart');
  if (!el || !window.echarts) {
    return;
  }
  var chart = window.echarts.init(el);
  fetch(el.getAttribute('data-facilities'), { credentials: 'same-origin' })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      if (!data || !Array.isArray(data.series)) {
        chart.setOption({ title: { text: (data && data.message) || '', left: 'center', top: 'middle',
          textStyle: { fontSize: 14, fontWeight: 'normal', color: '#9a3b3b' } } }, true);
        el.setAttribute('data-rendered', 'error');
        return;
      }
      chart.setOption({
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 50, right: 20, top: 40, bottom: 50 },
        xAxis: { type: 'category', data: data.time },
        yAxis: { type: 'value', name: 'A' },
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 8 }],
        series: data.series.map(function (s) {
          return {
            name: s.name, type: 'line', data: s.value, showSymbol: false, connectNulls: false,
            step: 'end', lineStyle: { type: s.production ? 'solid' : 'dashed' }
          };
        })
      }, true);
      el.setAttribute('data-rendered', String(data.series.length));
    });
  window.addEventListener('resize', function () { chart.resize(); });
})();
