// What the plan dashboard and the home page draw alike: tasks by chapter, stacked by status.
window.QingshanPlanCharts = {
  chapters: function (data) {
    var chapters = data.chapters || [];
    var keys = ['notStarted', 'inProgress', 'done', 'behind'];
    var colors = ['#9e9e9e', '#1e88e5', '#2e7d4f', '#e53935'];
    return {
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
    };
  }
};
