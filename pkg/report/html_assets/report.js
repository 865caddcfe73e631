// apiaudit HTML report: renders the findings embedded as JSON, a batch at a
// time, and filters them. Text from scanned files is only ever set as
// textContent, never parsed as HTML. The filter lives in the URL fragment
// (#sev=error&rule=OAS201&q=...), so a link shows the same view.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var SEVS = ['error', 'warning', 'note'];
  var items = [];
  data.findings.forEach(function (f) { f.suppressed = false; items.push(f); });
  data.suppressed.forEach(function (f) { f.suppressed = true; items.push(f); });

  var $ = function (id) { return document.getElementById(id); };
  var form = $('controls'), list = $('list'), more = $('more');
  var ctl = { family: $('f-family'), rule: $('f-rule'), file: $('f-file'), q: $('f-q'), sup: $('f-sup') };
  var sevBoxes = form.querySelectorAll('input[name=sev]');

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function familyOf(id) { var m = /[0-9]/.exec(id); return m ? m[0] : ''; }
  function fileName(i) { return i >= 0 ? data.files[i] : ''; }
  function loc(fi, l, c) {
    var s = fileName(fi);
    if (l) { s += ':' + l; if (c) s += ':' + c; }
    return s;
  }
  function option(sel, value, label) { var o = el('option', null, label); o.value = value; sel.appendChild(o); }

  // Filter choices: only values that occur.
  (function fillChoices() {
    var fams = {}, rules = {}, files = {};
    items.forEach(function (f) { fams[familyOf(f.r)] = 1; rules[f.r] = 1; if (f.f >= 0) files[f.f] = 1; });
    Object.keys(fams).sort().forEach(function (d) { if (d) option(ctl.family, d, d + ' · ' + (data.families[d] || 'family ' + d)); });
    Object.keys(rules).sort().forEach(function (id) {
      var r = data.rules[id];
      option(ctl.rule, id, r ? id + ' ' + r.name : id);
    });
    Object.keys(files).map(Number).sort(function (a, b) { return data.files[a] < data.files[b] ? -1 : 1; })
      .forEach(function (i) { option(ctl.file, data.files[i], data.files[i]); });
  })();

  var state = { sev: SEVS.slice(), family: '', rule: '', file: '', q: '', sup: false };

  function readHash() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    var sev = p.get('sev');
    state.sev = sev === null ? SEVS.slice() : sev.split(',').filter(function (s) { return SEVS.indexOf(s) >= 0; });
    state.family = p.get('family') || '';
    state.rule = p.get('rule') || '';
    state.file = p.get('file') || '';
    state.q = p.get('q') || '';
    state.sup = p.get('sup') === '1';
  }
  function writeHash() {
    var p = new URLSearchParams();
    if (state.sev.length !== SEVS.length) p.set('sev', state.sev.join(','));
    ['family', 'rule', 'file', 'q'].forEach(function (k) { if (state[k]) p.set(k, state[k]); });
    if (state.sup) p.set('sup', '1');
    var h = p.toString();
    history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
  }
  function setSelect(sel, value) {
    sel.value = value;
    if (sel.value !== value && value) { option(sel, value, value + ' (no findings)'); sel.value = value; }
  }
  function toControls() {
    sevBoxes.forEach(function (b) { b.checked = state.sev.indexOf(b.value) >= 0; });
    setSelect(ctl.family, state.family);
    setSelect(ctl.rule, state.rule);
    setSelect(ctl.file, state.file);
    ctl.q.value = state.q;
    ctl.sup.checked = state.sup;
  }
  function fromControls() {
    state.sev = [];
    sevBoxes.forEach(function (b) { if (b.checked) state.sev.push(b.value); });
    state.family = ctl.family.value;
    state.rule = ctl.rule.value;
    state.file = ctl.file.value;
    state.q = ctl.q.value.trim();
    state.sup = ctl.sup.checked;
  }

  function haystack(f) {
    if (f.hay === undefined) {
      var r = data.rules[f.r];
      var parts = [f.r, r ? r.name : '', r ? r.title : '', f.m, f.x || '', fileName(f.f), f.p || '', f.sup ? f.sup.reason : ''];
      (f.flow || []).forEach(function (s) { parts.push(s.m, fileName(s.f)); });
      f.hay = parts.join('\n').toLowerCase();
    }
    return f.hay;
  }
  function matches(f) {
    if (f.suppressed && !state.sup) return false;
    if (state.sev.indexOf(f.s) < 0) return false;
    if (state.family && familyOf(f.r) !== state.family) return false;
    if (state.rule && f.r !== state.rule) return false;
    if (state.file && fileName(f.f) !== state.file) return false;
    if (state.q) {
      var h = haystack(f), words = state.q.toLowerCase().split(/\s+/);
      for (var i = 0; i < words.length; i++) if (words[i] && h.indexOf(words[i]) < 0) return false;
    }
    return true;
  }

  // Snippets: the lines around a finding's, its own highlighted.
  function snippet(fi, line, ex) {
    var src = data.src[fi];
    if (!src || !line) return null;
    var pre = el('pre', 'snippet');
    pre.tabIndex = 0;
    pre.setAttribute('aria-label', 'Source around ' + loc(fi, line));
    for (var n = line - 3; n <= line + 3; n++) {
      var text = src[n];
      if (n === line && ex) text = (ex.o > 1 ? '…' : '') + ex.t;
      if (text === undefined) continue;
      var row = el('span', n === line ? 'ln hl' : 'ln');
      row.appendChild(el('span', 'no', n));
      row.appendChild(document.createTextNode(text));
      pre.appendChild(row);
    }
    return pre.childNodes.length ? pre : null;
  }

  // Rule documentation: paragraphs of text, `code` spans as code.
  function prose(parent, text) {
    text.split(/\n\s*\n/).forEach(function (para) {
      var p = el('p');
      para.split('`').forEach(function (part, i) {
        p.appendChild(i % 2 ? el('code', null, part) : document.createTextNode(part));
      });
      parent.appendChild(p);
    });
  }
  function ruleDoc(id) {
    var r = data.rules[id];
    if (!r) return null;
    var d = el('details', 'ruledoc');
    d.appendChild(el('summary', null, 'About ' + id + ': ' + r.title));
    d.addEventListener('toggle', function fill() {
      if (!d.open || d.childNodes.length > 1) return;
      var box = el('div', 'doc');
      var meta = r.name + ' · default severity ' + r.severity;
      if (r.cwe.length) meta += ' · ' + r.cwe.map(function (c) { return 'CWE-' + c; }).join(', ');
      if (r.owasp.length) meta += ' · OWASP ' + r.owasp.join(', ');
      box.appendChild(el('p', 'meta', meta));
      prose(box, r.summary);
      box.appendChild(el('h4', null, 'Why it matters'));
      prose(box, r.why);
      box.appendChild(el('h4', null, 'How to fix'));
      prose(box, r.fix);
      box.appendChild(el('h4', null, 'Flagged'));
      box.appendChild(el('pre', null, r.bad));
      box.appendChild(el('h4', null, 'Fixed'));
      box.appendChild(el('pre', null, r.good));
      box.appendChild(el('p', 'meta', 'Full page: ' + r.help));
      d.appendChild(box);
    });
    return d;
  }

  function card(f) {
    var r = data.rules[f.r];
    var a = el('article', 'finding sev-' + f.s + (f.suppressed ? ' suppressed' : ''));
    var head = el('div', 'head');
    head.appendChild(el('span', 'badge sev-' + f.s, f.s));
    if (f.suppressed) head.appendChild(el('span', 'badge sup', 'suppressed'));
    var rule = el('span', 'rule');
    rule.appendChild(el('code', null, f.r));
    if (r) rule.appendChild(el('span', 'name', ' ' + r.name));
    head.appendChild(rule);
    head.appendChild(el('span', 'loc', loc(f.f, f.l, f.c)));
    a.appendChild(head);
    a.appendChild(el('p', 'msg', f.m));
    var fix = f.x || (r ? r.fix : '');
    if (fix) {
      var p = el('p', 'fix');
      p.appendChild(el('b', null, 'Fix: '));
      p.appendChild(document.createTextNode(fix));
      a.appendChild(p);
    }
    if (f.p) a.appendChild(el('p', 'ptr', 'JSON pointer: ' + f.p));
    if (f.sup) {
      var s = el('p', 'supnote');
      s.appendChild(el('b', null, (f.sup.kind === 'inSource' ? 'Suppressed in the source' : 'Suppressed by the baseline') + ': '));
      s.appendChild(document.createTextNode(f.sup.reason + (f.sup.file ? ' (' + f.sup.file + (f.sup.line ? ':' + f.sup.line : '') + ')' : '')));
      a.appendChild(s);
    }
    var snip = snippet(f.f, f.l, f.e);
    if (snip) a.appendChild(snip);
    if (f.flow && f.flow.length) {
      var d = el('details', 'flow');
      d.appendChild(el('summary', null, 'Taint flow: ' + (f.flow.length + 1) + ' steps'));
      var ol = el('ol');
      f.flow.concat([{ f: f.f, l: f.l, c: f.c, m: f.m, e: f.e, last: true }]).forEach(function (st) {
        var li = el('li');
        var t = el('div', 'step');
        t.appendChild(el('code', 'loc', loc(st.f, st.l, st.c)));
        t.appendChild(document.createTextNode(' ' + (st.last ? 'reported here' : st.m)));
        li.appendChild(t);
        var sn = snippet(st.f, st.l, st.e);
        if (sn) li.appendChild(sn);
        ol.appendChild(li);
      });
      d.appendChild(ol);
      a.appendChild(d);
    }
    var doc = ruleDoc(f.r);
    if (doc) a.appendChild(doc);
    return a;
  }

  var matched = [], rendered = 0, group = null, groupFile = null, perFile = {};
  function render(n) {
    var end = Math.min(matched.length, rendered + n);
    var frag = document.createDocumentFragment();
    for (var i = rendered; i < end; i++) {
      var f = matched[i], name = fileName(f.f);
      if (!group || name !== groupFile) {
        groupFile = name;
        group = el('section', 'file-group');
        var h = el('h3', null, name || '(no file)');
        h.appendChild(el('span', 'cnt', ' · ' + perFile[name] + (perFile[name] === 1 ? ' finding' : ' findings')));
        group.appendChild(h);
        frag.appendChild(group);
      }
      group.appendChild(card(f));
    }
    list.appendChild(frag);
    rendered = end;
    more.hidden = rendered >= matched.length;
    more.textContent = 'Show more (' + (matched.length - rendered) + ' not shown)';
  }
  function apply() {
    matched = items.filter(matches);
    if (state.sup) {
      // Reported and suppressed findings of a file side by side.
      matched.sort(function (a, b) {
        var fa = fileName(a.f), fb = fileName(b.f);
        return fa < fb ? -1 : fa > fb ? 1 : (a.l || 0) - (b.l || 0);
      });
    }
    perFile = {};
    matched.forEach(function (f) { var k = fileName(f.f); perFile[k] = (perFile[k] || 0) + 1; });
    list.textContent = '';
    rendered = 0; group = null; groupFile = null;
    if (!matched.length) list.appendChild(el('p', 'empty', 'No finding matches the filter.'));
    render(data.batch);
    $('shown').textContent = matched.length;
    $('total').textContent = data.findings.length + (state.sup ? data.suppressed.length : 0);
  }

  var timer = 0;
  function changed(delay) {
    clearTimeout(timer);
    timer = setTimeout(function () { fromControls(); writeHash(); apply(); }, delay);
  }
  form.addEventListener('change', function () { changed(0); });
  ctl.q.addEventListener('input', function () { changed(150); });
  form.addEventListener('submit', function (e) { e.preventDefault(); changed(0); });
  form.addEventListener('reset', function (e) {
    e.preventDefault();
    state = { sev: SEVS.slice(), family: '', rule: '', file: '', q: '', sup: false };
    toControls(); writeHash(); apply();
  });
  more.addEventListener('click', function () { render(data.batch); });
  if ('IntersectionObserver' in window) {
    new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; }) && !more.hidden) render(data.batch);
    }, { rootMargin: '400px' }).observe(more);
  }
  // A link to a filter (#rule=OAS201 in the overview) applies it and
  // moves to the list; #findings and other fragments are left alone.
  window.addEventListener('hashchange', function () {
    if (!/[=]/.test(location.hash)) return;
    readHash(); toControls(); apply();
    var s = $('findings');
    s.scrollIntoView();
    s.focus({ preventScroll: true });
  });
  window.addEventListener('beforeprint', function () { render(matched.length); });

  if (/[=]/.test(location.hash)) readHash();
  toControls();
  apply();
  document.documentElement.setAttribute('data-ready', '1');
})();
