/* global document, setInterval, clearInterval */
// Streams one more exchange into the demo chat, a few words at a time, so QA can watch the
// extension wait for an answer to finish (data-state="streaming" -> "done") before adding
// its controls.
(function () {
  'use strict';
  var log = document.getElementById('chat-log');
  var button = document.getElementById('stream-next');
  var answer = 'Add a cancel method next to the returned function: it clears the pending timer, '
    + 'so a search that is no longer wanted never fires. Call it when the component unmounts.';
  var code = 'export function debounce<A extends unknown[]>(fn: (...args: A) => void, wait: number) {\n'
    + '  let timer: ReturnType<typeof setTimeout> | undefined;\n'
    + '  const run = (...args: A) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), wait); };\n'
    + '  run.cancel = () => clearTimeout(timer);\n'
    + '  return run;\n}';

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  function turn(role, state) {
    var article = el('article', role === 'assistant' ? { class: 'turn', 'data-role': role, 'data-state': state } : { class: 'turn', 'data-role': role });
    var content = el('div', { class: 'turn-content' });
    article.appendChild(content);
    if (role === 'assistant') article.appendChild(el('div', { class: 'turn-footer' }));
    log.appendChild(article);
    return { article: article, content: content };
  }

  // Feature toggles switch like a chat's settings do, so QA can see a change reach the report.
  Array.prototype.forEach.call(document.querySelectorAll('[data-feature]'), function (toggle) {
    toggle.addEventListener('click', function () {
      toggle.setAttribute('aria-pressed', toggle.getAttribute('aria-pressed') === 'true' ? 'false' : 'true');
    });
  });

  button.addEventListener('click', function () {
    button.disabled = true;
    turn('user').content.appendChild(el('p', {}, 'Can you add a way to cancel a pending call?'));
    var reply = turn('assistant', 'streaming');
    var p = el('p', {});
    reply.content.appendChild(p);
    var words = answer.split(' ');
    var i = 0;
    var timer = setInterval(function () {
      if (i < words.length) {
        p.textContent += (i ? ' ' : '') + words[i];
        i += 1;
        return;
      }
      clearInterval(timer);
      var pre = el('pre', {});
      pre.appendChild(el('code', { class: 'language-ts' }, code));
      reply.content.appendChild(pre);
      reply.article.setAttribute('data-state', 'done');
    }, 60);
  });
})();
