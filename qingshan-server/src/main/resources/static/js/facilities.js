// An electricity meter's facilities on one time axis (/devices/{id}/facilities): production
// facilities' currents solid, treatment facilities' dashed, production states (ST=45 marks) as
// step lines on a right-hand axis of their marks.
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
      var states = Array.isArray(data.states) ? data.states : [];
      var marks = Array.isArray(data.marks) ? data.marks : [];
      var yAxis = [{ type: 'value', name: 'A' }];
      if (states.length) {
        yAxis.push({ type: 'category', name: '工况', data: marks, position: 'right',
          splitLine: { show: false } });
      }
      var series = data.series.map(function (s) {
        return {
          name: s.name, type: 'line', data: s.value, showSymbol: false, connectNulls: false,
          step: 'end', lineStyle: { type: s.production ? 'solid' : 'dashed' }
        };
      }).concat(states.map(function (s) {
        return {
          name: s.name, type: 'line', yAxisIndex: 1, data: s.value, showSymbol: false,
          connectNulls: true, step: 'end', lineStyle: { width: 3, opacity: 0.6 }
        };
      }));
      chart.setOption({
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 50, right: states.length ? 70 : 20, top: 40, bottom: 50 },
        xAxis: { type: 'category', data: data.time },
        yAxis: yAxis,
        dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 8 }],
        series: series
      }, true);
      el.setAttribute('data-rendered', String(series.length));
    });
  window.addEventListener('resize', function () { chart.resize(); });
})();
