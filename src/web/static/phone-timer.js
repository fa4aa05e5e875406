// Call log, progressive enhancement: a running timer fills the duration (until the user types one), the topic
// gets the focus for the next call, Ctrl+Enter saves from any field, Alt+T restarts the timer.
(function () {
  'use strict';
  var form = document.getElementById('call-log-form');
  var output = document.getElementById('call-timer');
  if (!form || !output) return;
  var duration = form.querySelector('input[name="duration"]');
  var hint = document.getElementById('keyboard-hint');
  var typed = duration && duration.value !== '';
  var started = Date.now();

  function elapsed() {
    var seconds = Math.floor((Date.now() - started) / 1000);
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return m + ':' + (s < 10 ? '0' : '') + s;
  }
  function tick() {
    var text = elapsed();
    output.textContent = text;
    if (duration && !typed) duration.value = text;
  }

  output.parentElement.hidden = false;
  if (hint) hint.hidden = false;
  if (duration) {
    duration.addEventListener('input', function () {
      typed = duration.value !== '';
    });
  }
  form.addEventListener('submit', function () {
    if (duration && !typed) duration.value = elapsed();
  });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      if (typeof form.requestSubmit === 'function') form.requestSubmit();
      else form.submit();
    } else if (event.altKey && (event.key === 't' || event.key === 'T')) {
      event.preventDefault();
      started = Date.now();
      typed = false;
      tick();
    }
  });
  var topic = form.querySelector('select[name="topic"]');
  if (topic && !form.querySelector('.error-summary')) topic.focus();
  tick();
  setInterval(tick, 1000);
})();
