// Ticket page: whenever the centre's queue moves (the board's event stream), fetch this page again and redraw
// its state part, so the page itself stays the one rendering of a ticket. A call to a counter is announced.
(function () {
  'use strict';
  var state = document.getElementById('ticket-state');
  var url = state && state.getAttribute('data-events');
  if (!url || !window.EventSource || !window.fetch || !window.DOMParser) return;
  var announce = document.getElementById('ticket-announce');
  var note = document.getElementById('ticket-live-note');
  if (note) note.hidden = false;
  var pending = false;
  var lastFetch = 0;
  var source = null;
  var retryMs = 1000;

  function goToText(root) {
    var node = root.querySelector('.queue-go-to');
    return node ? node.textContent : '';
  }

  function redraw() {
    pending = false;
    lastFetch = Date.now();
    fetch(window.location.href, { headers: { accept: 'text/html' }, credentials: 'same-origin', cache: 'no-store' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var next = new DOMParser().parseFromString(html, 'text/html').getElementById('ticket-state');
        if (!next) return;
        var before = goToText(state);
        state.replaceChildren.apply(state, Array.prototype.slice.call(next.childNodes));
        var after = goToText(state);
        if (after && after !== before && announce) announce.textContent = after;
        // Served, no-show or expired: nothing will change any more.
        if (!next.getAttribute('data-events') && source) { source.close(); source = null; }
      })
      .catch(function () { /* the next event tries again */ });
  }

  function schedule() {
    if (pending) return;
    pending = true;
    setTimeout(redraw, Math.max(0, 1500 - (Date.now() - lastFetch)));
  }

  function connect() {
    source = new EventSource(url);
    // The first event arrives at once with the current state; each later one follows a change at the centre.
    source.addEventListener('board', function () { retryMs = 1000; schedule(); });
    source.onerror = function () {
      if (source && source.readyState === EventSource.CLOSED) {
        source = null;
        setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, 30000);
      }
    };
  }
  connect();
})();
