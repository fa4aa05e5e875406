// Counter console: the waiting counts follow the centre's event stream (the display board's), so the
// specialist sees the queue grow without reloading. Without JavaScript the counts are those of the page load.
(function () {
  'use strict';
  var list = document.getElementById('console-waiting');
  if (!list || !window.EventSource) return;
  var note = document.getElementById('console-waiting-live');
  var retryMs = 1000;
  function connect() {
    var source = new EventSource(list.getAttribute('data-events'));
    source.addEventListener('board', function (event) {
      retryMs = 1000;
      if (note) note.hidden = false;
      var board = JSON.parse(event.data);
      board.waiting.forEach(function (w) {
        var cell = list.querySelector('[data-waiting="' + w.service + '"]');
        if (cell && cell.textContent !== String(w.waiting)) cell.textContent = String(w.waiting);
      });
    });
    source.onerror = function () {
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, 30000);
      }
    };
  }
  connect();
})();
