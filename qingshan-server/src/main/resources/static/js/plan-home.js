// The plans on the home page: each plan's tasks by chapter, drawn with ECharts from the figures
// the page carries (deferred: ECharts is loaded at the end of the page).
(function () {
  if (!window.echarts) {
    return;
  }
  document.querySelectorAll('.plan-home-chart').forEach(function (el) {
    var data = JSON.parse(el.getAttribute('data-charts') || '{}');
    var chart = window.echarts.init(el);
    chart.setOption(window.QingshanPlanCharts.chapters(data));
    el.setAttribute('data-rendered', 'true');
    window.addEventListener('resize', function () { chart.resize(); });
  });
})();
