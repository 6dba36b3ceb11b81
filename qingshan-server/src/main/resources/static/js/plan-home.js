// The plans on the home page: each plan's tasks by chapter, drawn with ECharts from the figures
// the page carries (deferred: ECharts is loaded at the end of the page).
(function () {
  if (!window.echarts) {
    return;
  }
  var colors = ['#9e9e9e', '#1e88e5', '#2e7d4f', '#e53935'];
  var keys = ['notStarted', 'inProgress', 'done', 'behind'];
  document.querySelectorAll('.plan-home-chart').forEach(function (el) {
    var data = JSON.parse(el.getAttribute('data-charts') || '{}');
    var chapters = data.chapters || [];
    var chart = window.echarts.init(el);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { data: data.statuses },
      grid: { left: 40, right: 20, top: 40, bottom: 80 },
      xAxis: { type: 'category', data: chapters.map(function (c) { return c.title; }),
        axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: keys.map(function (k, i) {
        return { name: data.statuses[i], type: 'bar', stack: 'tasks', color: colors[i],
          data: chapters.map(function (c) { return c[k]; }) };
      })
    });
    el.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
