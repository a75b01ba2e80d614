// @ts-check
// <yingji-panel plan="jincheng-noncoal-mine"> — the decision aid as a custom element for portal pages.
//
//   <link rel="modulepreload" href="/yingji/www/yingji-panel.js">   (optional)
//   <script type="module" src="/yingji/www/yingji-panel.js"></script>
//   <yingji-panel plan="jincheng-noncoal-mine"></yingji-panel>
//
// Everything lives in a shadow root: its styles come from yingji-panel.css (a <link> to a same-origin
// file, which `style-src 'self'` allows), nothing leaks out and the portal's CSS does not leak in
// (`:host { all: initial }`). The host carries data-yingji-state = loading | ready | error:<code>,
// and fires `yingji-result` (detail: the result object) after every evaluation.
// Keeps the rules of app.js: DOM from createElement/textContent only, no inline styles.
import { LOAD_ERRORS, LoadError, errText, loadEngine } from './engine.js';
import { unitOf, withYear } from './format.js';
import { readFacts } from './parse.js';

const CSS_URL = new URL('yingji-panel.css', import.meta.url).href;
const PKG_URL = new URL('../pkg/', import.meta.url).href;
const GRADE_CLASS = { 特别重大: 'g1', 重大: 'g2', 较大: 'g3', 一般: 'g4' };

function el(tag, cls, text) {
  const n = document.createElement(tag);
  if (cls) n.className = cls;
  if (text != null) n.textContent = String(text);
  return n;
}

function chinaNow() {
  return new Date().toISOString();
}

class YingjiPanel extends HTMLElement {
  static get observedAttributes() {
    return ['plan'];
  }

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    const link = el('link');
    link.rel = 'stylesheet';
    link.href = CSS_URL;
    this.root = el('div', 'panel');
    this.root.setAttribute('part', 'panel');
    this.shadowRoot.append(link, this.root);
    this.values = {};
    this.engine = null;
  }

  connectedCallback() {
    if (this.started) return;
    this.started = true;
    this.setState('loading');
    this.root.replaceChildren(el('p', 'status', '正在加载预案引擎……'));
    loadEngine({ base: PKG_URL }).then(
      (engine) => {
        this.engine = engine;
        this.render();
      },
      (e) => this.fail(e instanceof LoadError ? e.code : 'init', e),
    );
  }

  attributeChangedCallback() {
    if (this.engine) this.render();
  }

  setState(s) {
    this.dataset.yingjiState = s;
  }

  fail(code, err) {
    this.setState(`error:${code}`);
    const box = el('div', 'status status-error');
    box.setAttribute('role', 'alert');
    box.append(el('p', 'status-text', err instanceof LoadError ? err.message : LOAD_ERRORS[code] || LOAD_ERRORS.init));
    const detail = errText(err);
    if (detail) box.append(el('p', 'hint', `技术信息：${detail}`));
    this.root.replaceChildren(box);
  }

  render() {
    const id = this.getAttribute('plan') || this.engine.list[0].id;
    let sch;
    try {
      sch = this.engine.schema(id);
    } catch (e) {
      return this.fail('plan', new LoadError('plan', `${LOAD_ERRORS.plan}（plan="${id}"）`, e));
    }
    this.planId = id;
    this.values = {};
    this.facts = (sch.facts || []).filter((f) => f.type !== 'series');
    const title = el('h2', 'title', sch.plan.title);
    const meta = el('p', 'meta', [sch.plan.doc_number, sch.plan.date].filter(Boolean).join(' · '));
    const form = el('form', 'facts');
    form.noValidate = true;
    form.addEventListener('submit', (e) => e.preventDefault());
    for (const f of sch.facts || []) {
      // A day-by-day forecast needs the full page's day boxes; say so rather than drop the field.
      form.append(f.type === 'series' ? el('p', 'hint', `${f.label || f.id}：逐日预报请在完整页面（index.html）中填写。`) : this.field(f));
    }
    // After the field's own listener has put the value in this.values.
    form.addEventListener('input', () => this.update());
    form.addEventListener('change', () => this.update());
    this.out = el('div', 'result');
    this.out.setAttribute('aria-live', 'polite');
    this.root.replaceChildren(title, meta, this.out, form);
    this.update();
    this.setState('ready');
  }

  field(f) {
    const wrap = el('label', `field type-${f.type}`);
    wrap.append(el('span', 'label', f.label || f.id));
    let input;
    if (f.type === 'yesno' || f.type === 'choice') {
      input = el('select');
      const opts = f.type === 'yesno' ? [{ value: 'no', label: '否' }, { value: 'yes', label: '是' }] : f.options || [];
      for (const o of opts) {
        const opt = el('option', null, o.label);
        opt.value = o.value;
        input.append(opt);
      }
    } else {
      input = el('input');
      if (f.type === 'datetime') input.type = 'datetime-local';
      else {
        // Text, read by parse.js as the full page reads it: "1.2亿", "１２", "1,013万".
        input.type = 'text';
        input.inputMode = f.type === 'count' ? 'numeric' : 'decimal';
        input.placeholder = '未填';
      }
    }
    input.name = f.id;
    input.dataset.type = f.type;
    const report = () => {
      // The first option of a choice (否 of a yes/no) is the default: sent once the user picks.
      this.values[f.id] = input.value === '' ? undefined : input.value;
      if (this.values[f.id] === undefined) delete this.values[f.id];
    };
    input.addEventListener('input', report);
    input.addEventListener('change', report);
    wrap.append(input);
    const unit = unitOf(f);
    if (unit && (f.type === 'count' || f.type === 'money' || f.type === 'number')) wrap.append(el('span', 'unit', unit));
    const note = el('span', 'understood');
    note.dataset.fact = f.id;
    wrap.append(note);
    return wrap;
  }

  update() {
    let r;
    const box = this.out;
    const read = readFacts(this.values, this.facts);
    for (const note of this.root.querySelectorAll('.understood')) note.textContent = read.understood[note.dataset.fact] || '';
    const errors = Object.values(read.errors);
    try {
      // Anything not understood is refused with the text quoted, never dropped.
      if (errors.length) throw new Error(errors.join('；'));
      r = this.engine.evaluate(this.planId, read.facts, chinaNow());
    } catch (e) {
      box.replaceChildren(el('p', 'error', e && e.message ? e.message : String(e)));
      box.firstChild.setAttribute('role', 'alert');
      return;
    }
    const banner = el('div', `banner ${GRADE_CLASS[r.grade] || 'g0'}`);
    const a = r.activation;
    const g = el('p', 'grade');
    const l = el('p', 'level');
    if (a) {
      // A support procedure (no grades, no response levels): what it is and whether it has started.
      g.append(el('span', 'caption', '预案性质'), el('strong', null, '支持性程序（不分级）'));
      l.append(el('span', 'caption', '启动情况'), el('strong', null, a.started ? `已启动${a.name}` : `${a.name}尚未启动`));
    } else {
      g.append(el('span', 'caption', '事故等级'), el('strong', null, r.grade ? `${r.grade}事故` : '未达到分级标准'));
      l.append(el('span', 'caption', '响应级别'), el('strong', null, r.response ? r.response.level : '—'));
    }
    banner.append(g, l);
    const parts = [banner];
    const who = r.response || a;
    if (who) {
      const dl = el('dl', 'who');
      for (const [k, v] of [['提出', who.proposes], ['启动', who.starts], ['指挥', who.commands]]) {
        if (!v) continue;
        dl.append(el('dt', null, k), el('dd', null, v));
      }
      parts.push(dl);
    }
    const due = (r.deadlines || []).filter((d) => d.status !== 'awaiting_anchor');
    if (due.length) {
      const ul = el('ul', 'deadlines');
      for (const d of due) ul.append(el('li', `deadline status-${d.status}`, `${(d.due_display && withYear(d.due_display, d.due, Date.now())) || d.limit_text}　${d.who}→${d.to}`));
      parts.push(ul);
    }
    box.replaceChildren(...parts);
    this.dispatchEvent(new CustomEvent('yingji-result', { detail: r, bubbles: true, composed: true }));
  }
}

if (!customElements.get('yingji-panel')) customElements.define('yingji-panel', YingjiPanel);
