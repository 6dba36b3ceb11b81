// Behaviour shared by every page. No inline scripts: the content security policy forbids them.
(function () {
  var toggle = document.querySelector('.menu-toggle');
  var nav = document.getElementById('nav');
  if (toggle && nav) {
    toggle.addEventListener('click', function () {
      var open = nav.classList.toggle('open');
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.getAttribute('data-confirm'))) {
        event.preventDefault();
      }
    });
  });
  // A file larger than the page takes is refused by the server before it is sent; say so at once.
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
    input.addEventListener('change', function () {
      var max = Number(input.getAttribute('data-max-bytes'));
      var tooLarge = Array.prototype.some.call(input.files, function (f) { return f.size > max; });
      input.setCustomValidity(tooLarge ? input.getAttribute('data-too-large') : '');
      input.reportValidity();
    });
  });
})();
