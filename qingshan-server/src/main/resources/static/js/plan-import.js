// The plans page's upload with a progress bar: the file is sent with XMLHttpRequest (fetch tells
// nothing of an upload's progress) to the import jobs, whose stages are then polled until the draft
// is stored (its review page opens) or refused (the reason takes the bar's place). Without this
// script the form posts as it is.
(function () {
  var form = document.getElementById('plan-upload');
  if (!form || !window.XMLHttpRequest || !window.FormData) {
    return;
  }
  var box = document.getElementById('import-progress');
  var bar = box.querySelector('progress');
  var status = box.querySelector('.import-status');
  var error = document.getElementById('import-error');
  var button = form.querySelector('button[type=submit]');
  var input = form.querySelector('input[type=file]');
  var stages = Array.prototype.map.call(box.querySelectorAll('[data-stage]'), function (li) {
    return li.getAttribute('data-stage');
  });
  var upload = 35; // the share of the bar the upload takes; the server's stages share the rest

  function mark(stage) {
    // DONE is past the last stage: every stage ticked
    var reached = stage === 'DONE' ? stages.length : stages.indexOf(stage);
    box.querySelectorAll('[data-stage]').forEach(function (li, i) {
      li.classList.toggle('done', i < reached);
      li.classList.toggle('current', i === reached);
    });
  }

  // A refusal stored nothing; a lost connection while polling says only that (the import may
  // still have finished: the plans list shows it).
  function fail(message, unknownOutcome) {
    box.hidden = true;
    error.textContent = unknownOutcome ? message : form.getAttribute('data-failed') + message;
    error.hidden = false;
    button.disabled = false;
  }

  function messageOf(xhr) {
    try {
      var body = JSON.parse(xhr.responseText);
      if (body && body.message) {
        return body.message;
      }
    } catch (e) {
      // not JSON: an error page
    }
    if (xhr.status === 413) {
      return form.getAttribute('data-too-large');
    }
    return form.getAttribute('data-network') + (xhr.status ? ' (HTTP ' + xhr.status + ')' : '');
  }

  function show(job) {
    if (job.state === 'failed') {
      fail(job.message);
      return;
    }
    if (job.state === 'done') {
      mark('DONE');
      bar.value = 100;
      status.textContent = form.getAttribute('data-done');
      window.location.assign(job.review);
      return;
    }
    if (job.step > 0) {
      mark(job.stage);
      bar.value = upload + Math.round(((job.step - 1) * (100 - upload)) / job.steps);
    } else {
      // uploaded, waiting for a free import thread
      mark(stages[1]);
      box.querySelector('[data-stage=' + stages[1] + ']').classList.remove('current');
      bar.value = upload;
    }
    status.textContent = job.label;
    window.setTimeout(function () { poll(job.id); }, 400);
  }

  function poll(id) {
    var xhr = new XMLHttpRequest();
    xhr.open('GET', form.getAttribute('data-jobs') + '/' + encodeURIComponent(id));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.onload = function () {
      var job = null;
      try {
        job = xhr.status === 200 ? JSON.parse(xhr.responseText) : null;
      } catch (e) {
        // a page instead of JSON: the login page after the session ended
      }
      if (job) {
        show(job);
      } else {
        fail(xhr.status === 200 ? form.getAttribute('data-lost') : messageOf(xhr), true);
      }
    };
    xhr.onerror = function () { fail(form.getAttribute('data-lost'), true); };
    xhr.send();
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var file = input.files[0];
    if (!file) {
      return;
    }
    error.hidden = true;
    var max = Number(form.getAttribute('data-max-bytes'));
    if (max && file.size > max) {
      fail(form.getAttribute('data-too-large'));
      return;
    }
    button.disabled = true;
    bar.value = 0;
    mark('UPLOAD');
    status.textContent = '';
    box.hidden = false;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.getAttribute('data-jobs'));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = function (e) {
      if (e.lengthComputable) {
        var percent = Math.round((e.loaded * 100) / e.total);
        bar.value = Math.round((percent * upload) / 100);
        status.textContent = box.querySelector('[data-stage=UPLOAD]').textContent + ' ' + percent + '%';
      }
    };
    xhr.onload = function () {
      if (xhr.status === 202 || xhr.status === 200) {
        show(JSON.parse(xhr.responseText));
      } else {
        fail(messageOf(xhr));
      }
    };
    xhr.onerror = function () {
      fail(form.getAttribute('data-network'));
    };
    xhr.send(new FormData(form));
  });
})();
