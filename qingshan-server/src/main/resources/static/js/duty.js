// 报警台: the alarms not yet closed, kept current by server push (EventSource) with polling as a
// fallback; and the chart of the data that triggered an alarm, on the screen and on an alarm's page.
(function () {
  // A chart of the factor around the alarm: its values, the limit as a line, the alarm's period shaded.
  function drawChart(el) {
    if (!window.echarts || el.getAttribute('data-rendered')) {
      return;
    }
    el.setAttribute('data-rendered', 'loading');
    fetch(el.getAttribute('data-series'), { credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s || s.time.length === 0) {
          el.classList.add('empty-chart');
          el.textContent = el.getAttribute('data-no-data') || '';
          el.setAttribute('data-rendered', 'empty');
          return;
        }
        var series = {
          type: 'line', name: s.label || s.factor, data: s.value, showSymbol: false,
          markArea: { itemStyle: { color: 'rgba(217,48,37,0.08)' }, data: [[{ xAxis: s.start }, { xAxis: s.end }]] }
        };
        if (s.limit !== null && s.limit !== undefined) {
          series.markLine = { symbol: 'none', lineStyle: { color: '#d93025', type: 'dashed' },
            data: [{ yAxis: s.limit, name: 'limit' }] };
        }
        var chart = window.echarts.init(el);
        chart.setOption({
          grid: { left: 48, right: 16, top: 24, bottom: 28 },
          tooltip: { trigger: 'axis' },
          xAxis: { type: 'category', data: s.time },
          yAxis: { type: 'value', scale: true },
          series: [series]
        });
        window.addEventListener('resize', function () { chart.resize(); });
        el.setAttribute('data-rendered', 'true');
      })
      .catch(function () { el.setAttribute('data-rendered', 'failed'); });
  }

  document.querySelectorAll('.alarm-chart[data-series]').forEach(drawChart);

  var root = document.getElementById('duty');
  if (!root) {
    return;
  }
  var box = document.getElementById('duty-alarms');
  var total = document.getElementById('duty-total');
  var live = document.getElementById('duty-live');
  var filter = document.getElementById('duty-filter');
  var sound = document.getElementById('duty-sound');
  var csrfInput = document.querySelector('#duty-csrf input[name=_csrf]');
  var canAct = root.getAttribute('data-can-act') === 'true';
  var base = root.getAttribute('data-alarm-base');
  var text = function (name) { return root.getAttribute('data-' + name) || ''; };
  var known = null;
  var loading = false;
  var again = false;

  sound.checked = window.localStorage && window.localStorage.getItem('duty-sound') === 'on';
  sound.addEventListener('change', function () {
    if (window.localStorage) {
      window.localStorage.setItem('duty-sound', sound.checked ? 'on' : 'off');
    }
    if (sound.checked) {
      beep(); // also lets the browser allow sound: it needs a click first
    }
  });

  var audio = null;
  function beep() {
    var Context = window.AudioContext || window.webkitAudioContext;
    if (!Context) {
      return;
    }
    audio = audio || new Context();
    var osc = audio.createOscillator();
    var gain = audio.createGain();
    osc.type = 'square';
    osc.frequency.value = 880;
    gain.gain.value = 0.08;
    osc.connect(gain);
    gain.connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.25);
  }

  function query() {
    var params = new URLSearchParams();
    Array.prototype.forEach.call(filter.querySelectorAll('select'), function (s) {
      if (s.value) {
        params.set(s.name, s.value);
      }
    });
    return params.toString();
  }

  function element(tag, className, content) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (content !== undefined && content !== null) {
      e.textContent = content;
    }
    return e;
  }

  function card(a) {
    var c = element('article', 'alarm-card sev-border-' + a.severity);
    c.setAttribute('data-id', String(a.id));
    c.setAttribute('data-status', a.status);
    var head = element('div', 'alarm-head');
    head.appendChild(element('span', 'sev sev-' + a.severity, a.severityLabel));
    head.appendChild(element('span', 'tag', a.typeLabel));
    head.appendChild(element('span', 'tag status-' + a.status, a.statusLabel));
    if (a.foundLate) {
      head.appendChild(element('span', 'tag', text('late')));
    }
    if (a.explanations > 0) {
      head.appendChild(element('span', 'tag good explained', text('explained')));
    }
    head.appendChild(element('span', 'hint alarm-time', text('started') + ' ' + a.startedAt));
    c.appendChild(head);
    var link = element('a', 'alarm-message', a.message);
    link.href = base + a.id;
    c.appendChild(element('div', 'alarm-source', a.source));
    var msg = element('div');
    msg.appendChild(link);
    c.appendChild(msg);
    var facts = [];
    if (a.factorLabel) {
      facts.push(a.factorLabel);
    }
    if (a.value) {
      facts.push(text('value') + ' ' + a.value + (a.limit ? ' / ' + text('limit') + ' ' + a.limit : ''));
    }
    if (a.rule) {
      facts.push(text('rule') + ' ' + a.rule);
    }
    if (a.acknowledgedBy) {
      facts.push(text('ack-by') + ' ' + a.acknowledgedBy + ' ' + a.acknowledgedAt);
    }
    c.appendChild(element('div', 'hint', facts.join(' · ')));
    var actions = element('div', 'actions');
    if (canAct && a.canAcknowledge) {
      var ack = element('button', 'primary acknowledge', text('ack'));
      ack.type = 'button';
      ack.addEventListener('click', function () { acknowledge(a.id, ack); });
      actions.appendChild(ack);
    }
    // 案件: the alarm's case, or 转为案件 (one click: the case is opened and its page shown)
    if (a.caseId) {
      var caseLink = element('a', 'alarm-case-link', text('case') + ' ' + a.caseNo);
      caseLink.href = root.getAttribute('data-case-base') + a.caseId;
      actions.appendChild(caseLink);
    } else if (root.getAttribute('data-can-case') === 'true') {
      var toCase = element('button', 'to-case', text('to-case'));
      toCase.type = 'button';
      toCase.addEventListener('click', function () { openCase(a.id, toCase); });
      actions.appendChild(toCase);
    }
    var detail = element('a', 'button', text('detail'));
    detail.href = base + a.id;
    actions.appendChild(detail);
    c.appendChild(actions);
    if (a.deviceId && a.factor) {
      var more = element('details', 'alarm-data');
      more.appendChild(element('summary', null, text('data')));
      var chart = element('div', 'alarm-chart small-chart');
      chart.setAttribute('data-series', base + a.id + '/series.json');
      chart.setAttribute('data-no-data', text('no-data'));
      more.appendChild(chart);
      more.addEventListener('toggle', function () {
        if (more.open) {
          drawChart(chart);
        }
      });
      c.appendChild(more);
    }
    return c;
  }

  function render(data) {
    // Cards whose chart is open stay as they are, so a push does not close what someone reads.
    var open = {};
    box.querySelectorAll('details.alarm-data[open]').forEach(function (d) {
      open[d.parentNode.getAttribute('data-id')] = d.parentNode;
    });
    var fresh = [];
    var ids = {};
    box.textContent = '';
    data.alarms.forEach(function (a) {
      ids[a.id] = true;
      if (known && !known[a.id]) {
        fresh.push(a.id);
      }
      var kept = open[a.id];
      if (kept && kept.getAttribute('data-status') === a.status) {
        box.appendChild(kept);
      } else {
        box.appendChild(card(a));
      }
    });
    if (data.alarms.length === 0) {
      box.appendChild(element('p', 'hint empty', text('none')));
    }
    total.textContent = String(data.total);
    root.setAttribute('data-count', String(data.alarms.length));
    if (fresh.length > 0 && sound.checked) {
      beep();
    }
    fresh.forEach(function (id) {
      var c = box.querySelector('[data-id="' + id + '"]');
      if (c) {
        c.classList.add('fresh');
      }
    });
    known = ids;
  }

  function load() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    fetch(root.getAttribute('data-list') + '?' + query(), { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
      .then(render)
      .catch(function () { live.textContent = text('failed'); })
      .then(function () {
        loading = false;
        if (again) {
          again = false;
          load();
        }
      });
  }

  function acknowledge(id, button) {
    button.disabled = true;
    var body = new URLSearchParams();
    body.set('_csrf', csrfInput ? csrfInput.value : '');
    fetch(base + id + '/acknowledge', { method: 'POST', body: body, credentials: 'same-origin' })
      .then(load, load);
  }

  // A plain form post, so the browser follows the answer to the new case's page.
  function openCase(id, button) {
    button.disabled = true;
    var form = document.createElement('form');
    form.method = 'post';
    form.action = root.getAttribute('data-from-alarm') + id;
    var token = document.createElement('input');
    token.type = 'hidden';
    token.name = '_csrf';
    token.value = csrfInput ? csrfInput.value : '';
    form.appendChild(token);
    document.body.appendChild(form);
    form.submit();
  }

  filter.addEventListener('change', function (e) {
    if (e.target !== sound) {
      known = null; // another selection: nothing in it is new
      load();
    }
  });
  filter.addEventListener('submit', function (e) { e.preventDefault(); });

  var pollEvery = 60000;
  if (window.EventSource) {
    var events = new window.EventSource(root.getAttribute('data-events'));
    events.addEventListener('ready', function () {
      live.textContent = live.getAttribute('data-live');
      root.setAttribute('data-live', 'true');
      load(); // what changed while the stream was down
    });
    events.addEventListener('alarm', load);
    events.onerror = function () {
      live.textContent = live.getAttribute('data-polling');
      root.setAttribute('data-live', 'false');
    };
  } else {
    pollEvery = 15000;
  }
  // Polling in any case: a proxy that buffers the stream must not leave the screen stale.
  window.setInterval(load, pollEvery);
  load();
})();
