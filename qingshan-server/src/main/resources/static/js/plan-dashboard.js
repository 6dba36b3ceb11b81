// The plan dashboard's charts (tasks by chapter, departments' completion, indicators against the
// trajectory), drawn with ECharts from the figures the page carries.
(function () {
  var holder = document.getElementById('plan-charts');
  if (!holder || !window.echarts) {
    return;
  }
  var data = JSON.parse(holder.getAttribute('data-charts') || '{}');
  function draw(id, option) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var chart = window.echarts.init(el);
    chart.setOption(option);
    el.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  }
  draw('plan-chart-chapters', window.QingshanPlanCharts.chapters(data));
  var departments = data.departments || [];
  draw('plan-chart-departments', {
    tooltip: { trigger: 'axis' },
    legend: { data: [data.rateLabel, data.overdueLabel] },
    grid: { left: 140, right: 40, top: 40, bottom: 30 },
    yAxis: { type: 'category', inverse: true, data: departments.map(function (d) { return d.name; }) },
    xAxis: [{ type: 'value', max: 100 }, { type: 'value', minInterval: 1 }],
    series: [
      { name: data.rateLabel, type: 'bar', color: '#2e7d4f', data: departments.map(function (d) { return d.rate; }) },
      { name: data.overdueLabel, type: 'bar', xAxisIndex: 1, color: '#e53935', data: departments.map(function (d) { return d.overdue; }) }
    ]
  });
  var indicators = data.indicators || [];
  draw('plan-chart-indicators', {
    tooltip: { trigger: 'axis' },
    legend: { data: [data.latestLabel, data.neededLabel, data.targetLabel] },
    grid: { left: 40, right: 20, top: 40, bottom: 80 },
    xAxis: { type: 'category', data: indicators.map(function (i) { return i.name; }),
      axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value' },
    series: [
      { name: data.latestLabel, type: 'bar', color: '#1e88e5', data: indicators.map(function (i) { return i.latest; }) },
      { name: data.neededLabel, type: 'bar', color: '#fb8c00', data: indicators.map(function (i) { return i.needed; }) },
      { name: data.targetLabel, type: 'scatter', color: '#2e7d4f', data: indicators.map(function (i) { return i.target; }) }
    ]
  });
})();
