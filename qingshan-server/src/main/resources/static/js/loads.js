// The loads page's chart: one bar series per pollutant over the periods of the table.
(function () {
  var el = document.getElementById('load-chart');
  if (!el || !window.echarts) {
    return;
  }
  var data = JSON.parse(el.getAttribute('data-chart') || '{}');
  if (!data.periods || data.periods.length === 0) {
    el.setAttribute('data-rendered', 'empty');
    el.style.display = 'none';
    return;
  }
  var chart = window.echarts.init(el);
  chart.setOption({
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 60, right: 20, top: 40, bottom: 50 },
    xAxis: { type: 'category', data: data.periods },
    yAxis: { type: 'value', name: data.unit },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 16, bottom: 8 }],
    series: data.series.map(function (s) {
      return { type: 'bar', name: s.name, data: s.data };
    })
  });
  el.setAttribute('data-rendered', String(data.periods.length));
  window.addEventListener('resize', function () { chart.resize(); });
})();
