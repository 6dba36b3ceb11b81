// The duty log's print button: the print style sheet leaves only the log on paper.
(function () {
  var button = document.getElementById('duty-log-print');
  if (button) {
    button.addEventListener('click', function () { window.print(); });
  }
})();
