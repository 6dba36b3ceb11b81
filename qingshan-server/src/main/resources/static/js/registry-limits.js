// The registry's part of the device page: the limit of the charted factor as a line on the trend
// chart, and the values over it marked. Runs after device.js (deferred) and redraws whenever
// device.js has drawn a series (it sets data-rendered on the chart).
(function () {
  var el = document.getElementById('trend-chart');
  var box = document.getElementById('registry-limits');
  if (!el || !box || !window.echarts) {
    return;
  }
  var url = box.getAttribute('data-limits');
  var seq = 0;
  function draw() {
    var chart = window.echarts.getInstanceByDom(el);
    var factor = document.getElementById('trend-factor');
    var hours = document.getElementById('trend-hours');
    // only over a drawn series: before device.js has drawn its axes, echarts refuses the line
    if (!chart || !factor || !factor.value || !/^\d+$/.test(el.getAttribute('data-rendered') || '')) {
      return;
    }
    var parts = factor.value.split(':');
    var mine = ++seq;
    fetch(url + '?kind=' + encodeURIComponent(parts[0]) + '&factor=' + encodeURIComponent(parts[1]) +
      '&hours=' + encodeURIComponent(hours ? hours.value : '48'), { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (s) {
        if (mine !== seq) {
          return;
        }
        if (!s || s.limit === null || s.limit === undefined) {
          el.setAttribute('data-limit', 'none');
          return;
        }
        var lines = [{ yAxis: s.limit, name: box.getAttribute('data-limit-label') }];
        if (s.lowerLimit !== null && s.lowerLimit !== undefined) {
          lines.push({ yAxis: s.lowerLimit });
        }
        var series = [{
          markLine: {
            symbol: 'none', silent: true,
            lineStyle: { color: '#c0392b', type: 'dashed' },
            label: { formatter: box.getAttribute('data-limit-label') + ' {c} ' + (s.unit || '') },
            data: lines
          }
        }];
        if (s.corrected) {
          series.push({ type: 'line', name: box.getAttribute('data-judged-label'), data: s.judged,
            showSymbol: false, lineStyle: { type: 'dotted' } });
        }
        series.push({ type: 'scatter', name: box.getAttribute('data-exceeds-label'), data: s.exceeding,
          symbolSize: 8, itemStyle: { color: '#c0392b' } });
        chart.setOption({ yAxis: { name: s.unit || '' }, series: series });
        el.setAttribute('data-limit', String(s.limit));
        el.setAttribute('data-exceeding', String(s.exceeding.length));
      });
  }
  new MutationObserver(draw).observe(el, { attributes: true, attributeFilter: ['data-rendered'] });
  draw();
})();
