// Progressive enhancement of the question form (/{agency}/jautajums): while the client types, shows
// matching knowledge-base answers in a polite live region. The form works fully without this script.
(function () {
  'use strict';
  var form = document.getElementById('question-form');
  if (!form || !window.fetch || !window.DOMParser) return;
  var summary = document.getElementById('error-summary');
  if (summary) summary.focus();

  var textarea = document.getElementById('field-text');
  var region = document.getElementById('question-suggestions');
  var hint = document.getElementById('question-suggest-hint');
  var step = document.getElementById('question-step');
  var url = form.getAttribute('data-suggest-url');
  var lang = form.getAttribute('data-lang') || 'lv';
  var title = form.getAttribute('data-suggest-title') || '';
  var readMore = form.getAttribute('data-read-more') || '';
  var faqUrl = form.getAttribute('data-faq-url') || '';
  if (!textarea || !region || !url) return;
  if (hint) hint.hidden = false;

  var MIN_CHARS = 8;
  var DEBOUNCE_MS = 450;
  var timer = null;
  var lastQuery = '';
  var controller = null;

  // The knowledge base sends escaped text with <mark> around matches; keep text and <mark> only.
  function appendSafe(target, html) {
    var doc = new DOMParser().parseFromString('<div>' + String(html || '') + '</div>', 'text/html');
    var root = doc.body.firstChild;
    (function copy(from, to) {
      for (var node = from.firstChild; node; node = node.nextSibling) {
        if (node.nodeType === 3) to.appendChild(document.createTextNode(node.nodeValue));
        else if (node.nodeType === 1) {
          if (node.nodeName === 'MARK') {
            var mark = document.createElement('mark');
            copy(node, mark);
            to.appendChild(mark);
          } else copy(node, to);
        }
      }
    })(root, target);
  }

  function clear() {
    while (region.firstChild) region.removeChild(region.firstChild);
  }

  function render(items) {
    clear();
    if (!items.length) return;
    var heading = document.createElement('h2');
    heading.textContent = title;
    region.appendChild(heading);
    var list = document.createElement('ul');
    list.className = 'card-list';
    items.slice(0, 5).forEach(function (item) {
      var li = document.createElement('li');
      li.className = 'card';
      var question = document.createElement('h3');
      appendSafe(question, item.questionHighlighted || escapeText(item.question));
      var answer = document.createElement('p');
      appendSafe(answer, item.answerSnippet || escapeText(item.answer));
      li.appendChild(question);
      li.appendChild(answer);
      if (faqUrl && readMore && item.id) {
        var more = document.createElement('p');
        var link = document.createElement('a');
        link.href = faqUrl + '#faq-' + encodeURIComponent(String(item.id));
        link.textContent = readMore;
        more.appendChild(link);
        li.appendChild(more);
      }
      list.appendChild(li);
    });
    region.appendChild(list);
    // The client has seen the answers: sending the form files the question without the extra step.
    if (step) step.value = 'file';
  }

  function escapeText(text) {
    var div = document.createElement('div');
    div.textContent = String(text || '');
    return div.innerHTML;
  }

  function search() {
    var query = textarea.value.trim().slice(0, 500);
    if (query === lastQuery) return;
    lastQuery = query;
    if (query.length < MIN_CHARS) {
      clear();
      return;
    }
    if (controller) controller.abort();
    controller = window.AbortController ? new AbortController() : null;
    var address = url + '?q=' + encodeURIComponent(query) + '&lang=' + encodeURIComponent(lang) + '&limit=5';
    fetch(address, { headers: { accept: 'application/json' }, signal: controller ? controller.signal : undefined })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (data) {
        if (!data) return;
        // With q the knowledge-base API answers in `hits` (and an empty `entries`).
        var items = data.hits && data.hits.length ? data.hits : data.entries || [];
        render(Array.isArray(items) ? items : []);
      })
      .catch(function () {
        // Suggestions are a help only: the form goes on without them.
      });
  }

  textarea.addEventListener('input', function () {
    if (timer) clearTimeout(timer);
    timer = setTimeout(search, DEBOUNCE_MS);
  });
})();
