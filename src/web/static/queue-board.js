// Display board: follows the centre's event stream and redraws the board. EventSource reconnects by itself
// after a network drop; when the server answers an error (e.g. restarting) it stops, so we open it again.
(function () {
  'use strict';
  var main = document.getElementById('board');
  if (!main || !window.EventSource) return;
  var texts = JSON.parse(main.getAttribute('data-texts') || '{}');
  var lang = main.getAttribute('data-lang') || 'lv';
  var url = main.getAttribute('data-events');
  var status = document.getElementById('board-status');
  var chimeButton = document.getElementById('board-chime');
  var lastCall = main.getAttribute('data-last-call') || '';
  var chime = false;
  var audio = null;
  var retryMs = 1000;
  var source = null;

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function beep() {
    if (!chime) return;
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      var osc = audio.createOscillator();
      var gain = audio.createGain();
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, audio.currentTime);
      gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.8);
      osc.connect(gain);
      gain.connect(audio.destination);
      osc.start();
      osc.stop(audio.currentTime + 0.8);
    } catch (e) { /* no audio: the board still shows the number */ }
  }

  function table(headers, rows, className) {
    var t = el('table', null, className);
    var head = el('thead');
    var hr = el('tr');
    headers.forEach(function (h) { var th = el('th', h); th.scope = 'col'; hr.appendChild(th); });
    head.appendChild(hr);
    t.appendChild(head);
    var body = el('tbody');
    rows.forEach(function (cells, i) {
      var tr = el('tr', null, i === 0 && className === 'board-calls' ? 'board-latest' : null);
      cells.forEach(function (c) { tr.appendChild(el('td', c)); });
      body.appendChild(tr);
    });
    t.appendChild(body);
    return t;
  }

  function render(board) {
    var called = board.calls.filter(function (c) { return c.status === 'called'; });
    var left = el('section', null, 'board-called');
    left.setAttribute('aria-labelledby', 'board-called');
    var h = el('h2', texts.called); h.id = 'board-called';
    left.appendChild(h);
    if (called.length === 0) left.appendChild(el('p', texts.nobodyCalled, 'board-empty'));
    else left.appendChild(table([texts.number, texts.counter], called.map(function (c) { return [c.number, c.counter]; }), 'board-calls'));
    var right = el('section', null, 'board-waiting');
    right.setAttribute('aria-labelledby', 'board-waiting');
    var hw = el('h2', texts.waiting); hw.id = 'board-waiting';
    right.appendChild(hw);
    right.appendChild(table([texts.service, texts.people, texts.estimate], board.waiting.map(function (w) {
      return [w.letter + ' – ' + (w.name[lang] || w.name.lv), w.waiting, w.estimatedWaitMinutes === null ? texts.noCounter : texts.minutes.replace('{count}', w.estimatedWaitMinutes)];
    })));
    right.appendChild(el('h2', texts.counters));
    var list = el('ul', null, 'board-counters');
    board.counters.forEach(function (c) {
      list.appendChild(el('li', texts.counterN.replace('{counter}', c.counter) + ': ' + (c.open ? (c.current || texts.free) : texts.closedCounter)));
    });
    right.appendChild(list);
    main.replaceChildren(left, right);
    var newest = board.calls.length ? board.calls[0].calledAt : '';
    if (newest && newest !== lastCall && board.calls[0].status === 'called') beep();
    lastCall = newest;
  }

  function connect() {
    source = new EventSource(url);
    source.addEventListener('board', function (event) {
      retryMs = 1000;
      if (status) status.textContent = texts.live;
      render(JSON.parse(event.data));
    });
    source.onerror = function () {
      if (status) status.textContent = texts.reconnecting;
      if (source.readyState === EventSource.CLOSED) {
        source = null;
        setTimeout(connect, retryMs);
        retryMs = Math.min(retryMs * 2, 30000);
      }
    };
  }

  if (chimeButton) {
    chimeButton.hidden = false;
    chimeButton.addEventListener('click', function () {
      chime = !chime;
      chimeButton.setAttribute('aria-pressed', String(chime));
      chimeButton.textContent = chime ? texts.chimeOn : texts.chimeOff;
      if (chime) beep();
    });
  }
  connect();
})();
