// The patrol check-in on a phone: the position from the phone (or typed), and 发现问题 showing the
// case's type and enterprise (only the selected grid's enterprises are offered).
(function () {
  var form = document.getElementById('patrol-form');
  if (!form) {
    return;
  }
  var locate = document.getElementById('patrol-locate');
  var status = document.getElementById('patrol-locate-status');
  var lat = document.getElementById('patrol-lat');
  var lng = document.getElementById('patrol-lng');
  locate.addEventListener('click', function () {
    if (!navigator.geolocation) {
      status.textContent = locate.getAttribute('data-failed');
      return;
    }
    status.textContent = locate.getAttribute('data-locating');
    navigator.geolocation.getCurrentPosition(function (p) {
      lat.value = p.coords.latitude.toFixed(6);
      lng.value = p.coords.longitude.toFixed(6);
      status.textContent = locate.getAttribute('data-located');
    }, function () {
      status.textContent = locate.getAttribute('data-failed');
    }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
  });

  var problem = document.getElementById('patrol-problem');
  var fields = document.getElementById('patrol-problem-fields');
  var type = document.getElementById('patrol-case-type');
  var enterprise = document.getElementById('patrol-enterprise');
  var grid = document.getElementById('patrol-grid');
  var findings = document.getElementById('patrol-findings');
  function showProblem() {
    fields.hidden = !problem.checked;
    type.disabled = !problem.checked;
    enterprise.disabled = !problem.checked;
    findings.required = problem.checked;
  }
  function gridEnterprises() {
    Array.prototype.forEach.call(enterprise.options, function (o) {
      var g = o.getAttribute('data-grid');
      o.hidden = g !== null && g !== grid.value;
      if (o.hidden && o.selected) {
        enterprise.value = '';
      }
    });
  }
  problem.addEventListener('change', showProblem);
  grid.addEventListener('change', gridEnterprises);
  showProblem();
  gridEnterprises();
})();
