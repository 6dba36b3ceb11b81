// The home dashboard chart, drawn with ECharts from the numbers the page carries.
(function () {
  var el = document.getElementById('kind-chart');
  if (!el || !window.echarts) {
    return;
  }
  var labels = (el.getAttribute('data-labels') || '').split('|').filter(Boolean);
  var values = (el.getAttribute('data-values') || '').split('|').filter(Boolean).map(Number);
  var chart = window.echarts.init(el);
  chart.setOption({
    color: ['#2e7d4f'],
    tooltip: {},
    grid: { left: 40, right: 20, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', data: values }]
  });
  el.setAttribute('data-rendered', 'true');
  window.addEventListener('resize', function () { chart.resize(); });
})();
