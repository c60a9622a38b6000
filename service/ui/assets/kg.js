// kg browsing pages: search as you type (ARIA combobox with keyboard
// navigation), the copy-IRI button and expand/collapse of the hierarchy.
// Everything here is an enhancement: without JavaScript the search form
// posts to /search, the hierarchy is <details>, the IRI is selectable text.
(function () {
  'use strict';
  var lang = document.body.getAttribute('data-lang') || 'nl';
  var texts = {
    nl: { copied: 'Gekopieerd', results: ' resultaten', none: 'Geen begrippen gevonden.', fallback: 'Niet beschikbaar in het Nederlands' },
    en: { copied: 'Copied', results: ' results', none: 'No concepts found.', fallback: 'Not available in English' }
  }[lang === 'en' ? 'en' : 'nl'];

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;  // labels are data: never innerHTML
    return e;
  }

  // The page of a concept: its short id under /begrip/, else its IRI.
  function conceptHref(hit) {
    if (hit.id) return '/begrip/' + encodeURIComponent(hit.id);
    return '/begrip?iri=' + encodeURIComponent(hit.iri);
  }

  function setupSearch() {
    var input = document.getElementById('search-input');
    var list = document.getElementById('search-suggestions');
    var status = document.getElementById('search-status');
    if (!input || !list || !window.fetch) return;
    var active = -1, hits = [], controller = null, timer = null, lastQuery = null;

    function close() {
      list.hidden = true;
      list.textContent = '';
      list.removeAttribute('data-query');
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
      hits = [];
    }
    function select(i) {
      var items = list.children;
      if (!items.length) return;
      if (active >= 0 && items[active]) items[active].setAttribute('aria-selected', 'false');
      active = (i + items.length) % items.length;
      items[active].setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', items[active].id);
      items[active].scrollIntoView({ block: 'nearest' });
    }
    function go(i) {
      if (hits[i]) window.location.href = conceptHref(hits[i]);
    }
    // data-query names the text the list answers: a list stays up while
    // the answer to what was typed since is on its way.
    function render(results, q) {
      list.textContent = '';
      list.setAttribute('data-query', q);
      hits = results;
      active = -1;
      results.forEach(function (hit, i) {
        var li = el('li');
        li.id = 'search-option-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.setAttribute('data-href', conceptHref(hit));
        var label = el('span', 'label', hit.label || hit.iri);
        if (hit.fallback) {
          label.className = 'label fallback';
          label.title = texts.fallback;
          label.appendChild(el('span', 'lang-tag', hit.labelLang || ''));
        }
        li.appendChild(label);
        if (hit.matched && hit.matched !== hit.label)
          li.appendChild(el('span', 'match', '\u21b3 ' + hit.matched + (hit.matchedLang ? ' (' + hit.matchedLang + ')' : '')));
        li.addEventListener('mousedown', function (ev) { ev.preventDefault(); go(i); });
        list.appendChild(li);
      });
      list.hidden = results.length === 0;
      input.setAttribute('aria-expanded', results.length ? 'true' : 'false');
      status.textContent = results.length ? results.length + texts.results : texts.none;
    }
    // The concept API's search answer (GET /api/concepts?q=&lang=):
    // {results: [{iri, id, prefLabel: {<lang>: text}, prefLabelFallback,
    // matchedLabel, matchedLanguage, ...}]}.
    function normalise(json) {
      return (json.results || []).map(function (h) {
        var langs = Object.keys(h.prefLabel || {});
        var labelLang = langs[0] || '';
        return {
          iri: h.iri,
          id: h.id || '',
          label: labelLang ? h.prefLabel[labelLang] : h.iri,
          labelLang: labelLang,
          fallback: !!h.prefLabelFallback,
          matched: h.matchedLabel || '',
          matchedLang: h.matchedLanguage || ''
        };
      });
    }
    function query(q) {
      if (controller) controller.abort();
      controller = window.AbortController ? new AbortController() : null;
      var url = '/api/concepts?q=' + encodeURIComponent(q) + '&lang=' + encodeURIComponent(lang) + '&limit=10';
      fetch(url, { headers: { Accept: 'application/json' }, signal: controller ? controller.signal : undefined })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (json) { if (input.value.trim() === q) render(normalise(json), q); })
        .catch(function () { /* aborted or offline: keep the form */ });
    }
    input.addEventListener('input', function () {
      var q = input.value.trim();
      if (q === lastQuery) return;
      lastQuery = q;
      clearTimeout(timer);
      if (Array.from(q).length < 2) { close(); status.textContent = ''; return; }
      timer = setTimeout(function () { query(q); }, 80);
    });
    input.addEventListener('keydown', function (ev) {
      if (ev.key === 'ArrowDown') { if (list.children.length) { ev.preventDefault(); if (list.hidden) { list.hidden = false; input.setAttribute('aria-expanded', 'true'); } select(active + 1); } }
      else if (ev.key === 'ArrowUp') { if (list.children.length) { ev.preventDefault(); select(active - 1); } }
      else if (ev.key === 'Enter') { if (active >= 0) { ev.preventDefault(); go(active); } }
      else if (ev.key === 'Escape') { if (!list.hidden) { ev.preventDefault(); close(); } }
    });
    input.addEventListener('blur', function () { setTimeout(close, 150); });
  }

  function setupCopy() {
    document.querySelectorAll('button[data-copy]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var text = button.getAttribute('data-copy');
        var done = function () {
          var old = button.textContent;
          button.textContent = texts.copied;
          setTimeout(function () { button.textContent = old; }, 1500);
        };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
        } else { fallbackCopy(text); done(); }
      });
    });
  }
  function fallbackCopy(text) {
    var t = el('textarea');
    t.value = text;
    t.setAttribute('readonly', '');
    t.style.position = 'fixed';
    t.style.opacity = '0';
    document.body.appendChild(t);
    t.select();
    try { document.execCommand('copy'); } catch (e) { /* nothing more to do */ }
    document.body.removeChild(t);
  }

  function setupTree() {
    document.querySelectorAll('[data-tree-action]').forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var open = button.getAttribute('data-tree-action') === 'expand';
        document.querySelectorAll('.tree details').forEach(function (d) { d.open = open; });
      });
    });
  }

  function start() { setupSearch(); setupCopy(); setupTree(); }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
