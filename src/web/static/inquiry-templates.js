// Answer templates on the inquiry page: with JavaScript the chosen template goes into the answer box at once
// (no reload, nothing typed is lost); without it the form's GET request does the same on the server.
(function () {
  'use strict';
  var form = document.querySelector('form[data-template-target]');
  if (!form) return;
  var select = form.querySelector('select[name="template"]');
  var target = document.getElementById(form.getAttribute('data-template-target'));
  var status = form.querySelector('[data-template-status]');
  if (!select || !target) return;

  function insert(body) {
    var current = target.value.trim();
    target.value = current === '' ? body : target.value.replace(/\s*$/, '') + '\n\n' + body;
    target.focus();
    target.setSelectionRange(target.value.length, target.value.length);
    if (status) status.textContent = status.getAttribute('data-template-status');
  }

  form.addEventListener('submit', function (event) {
    var option = select.options[select.selectedIndex];
    var body = option && option.getAttribute('data-body');
    if (!body) return; // "none" chosen: let the form do its ordinary thing
    event.preventDefault();
    insert(body);
  });
})();
