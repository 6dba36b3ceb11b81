// The device page's trend chart: one factor's series from /devices/{id}/series, drawn with ECharts.
(function () {
  var el = document.getElementById('trend-chart');
  var factor = document.getElementById('trend-factor');
  var hours = document.getElementById('trend-hours');
  if (!el || !window.echarts) {
    return;
  }
  var chart = window.echarts.init(el);
  function load() {
    if (!factor || !factor.value) {
      el.setAttribute('data-rendered', 'empty');
      return;
    }
    var parts = factor.value.split(':');
    var url = el.getAttribute('data-series') + '?kind=' + encodeURIComponent(parts[0]) +
      '&factor=' + encodeURIComponent(parts[1]) + '&hours=' + encodeURIComponent(hours.value);
    fetch(url, { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (!s || !Array.isArray(s.time)) {
          // the server's error, in Chinese, instead of an empty chart
          chart.clear();
          chart.setOption({ title: { text: (s && s.message) || '', left: 'center', top: 'middle',
            textStyle: { fontSize: 14, fontWeight: 'normal', color: '#9a3b3b' } } }, true);
          el.setAttribute('data-rendered', 'error');
          return;
        }
        chart.setOption({
          color: ['#2e7d4f'],
          tooltip: { trigger: 'axis' },
          grid: { left: 50, right: 20, top: 20, bottom: 50 },
          xAxis: { type: 'category', data: s.time },
          yAxis: { type: 'value', scale: true },
          dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 8 }],
          series: [{ type: 'line', data: s.value, showSymbol: false, connectNulls: false }]
        }, true);
        el.setAttribute('data-rendered', String(s.time.length));
      });
  }
  if (factor) {
    factor.addEventListener('change', load);
    hours.addEventListener('change', load);
  }
  window.addEventListener('resize', function () { chart.resize(); });
  load();
})();
