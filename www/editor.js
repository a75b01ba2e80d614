// @ts-check
// The plan workbench («编辑预案»): a county turns a plan (an embedded one as template, a plan file, or
// a draft from the plan's text) into its own, in forms, without writing TOML. The plan is kept as its
// TOML text and edited through the import checker's `outline` / `apply_edits` (src/edit: everything
// not touched keeps its formatting and comments); the checker's `check` runs after every edit and its
// errors are shown beside their fields; the source pane checks quotes and turns a selected passage
// into a rule's quote and citation; the try pane imports the plan under a temporary id and evaluates
// both sides of every band edge; the diff compares with the template or the last export; the plan is
// exported (TOML, case table as CSV) and imported under a new id with the page's import.
// A mode of the page: the «编辑预案» button shows this section and hides the cockpit (class `editing` on
// the page's root: www/editor.css); 返回研判 undoes it.

import { el } from './dom.js';
import { NO_GRADE, axesOf, casesCsv, edgeCases } from './editor-cases.js';
import { drawForm, dropRow, placeOf, sectionOf, showFieldError } from './editor-form.js';
import { buildEditor } from './editor-layout.js';
import { keepWork, keptWork } from './editor-store.js';
import { drawCases, drawDiff, drawMarks } from './editor-panes.js';
import { quoteProblem, selectionCite, sourceLines } from './editor-quote.js';
import { download } from './incident-view.js';

export { draftMark } from './draft-mark.js';

/** The id the try pane imports the edited plan under (replaced on every try, forgotten on leaving). */
export const TRY_ID = 'workbench-trial';

/**
 * @param {{root: HTMLElement, engine: any, plans: {id: string, title: string}[], imports: {importText: (name: string, text: string) => Promise<void>, ids: () => string[]}, toggle?: HTMLElement}} opts
 */
export function setupEditor({ root, engine, plans, imports, toggle: given }) {
  const built = buildEditor(plans);
  const { section, template, source, first, newId, diffBase } = built;
  // editor-lazy.js puts the 编辑预案 button on the page at start and loads this module on its first click.
  const toggle = given || built.toggle;
  const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (section.querySelector(`#${id}`));
  root.append(section);
  const top = root.querySelector('header') || root;
  if (!given) top.append(toggle);

  /** The checker module (outline, apply_edits, check, maybe draft), loaded on opening. */
  let mod = /** @type {any} */ (null);
  const st = { text: '', file: '', base: '', lastExport: /** @type {string | null} */ (null), outline: /** @type {any} */ (null), names: new Map(), cases: /** @type {any[]} */ ([]), open: new Set(['基本信息']), tries: 0, ok: false };
  const say = (/** @type {string} */ text, kind = 'ok') => {
    $('ed-status').textContent = text;
    $('ed-status').dataset.kind = kind;
  };
  const planField = (/** @type {string} */ key) => st.outline?.tables.find((/** @type {any} */ t) => t.name === 'plan')?.fields.find((/** @type {any} */ f) => f.key.join('.') === key)?.value;

  /** @type {Promise<any> | null} */
  let loading = null;
  /** The checker module, loaded once (a failed load is retried on the next call). */
  function checker() {
    if (!loading) {
      loading = engine.workbench().then((/** @type {any} */ m) => (mod = m));
      /** @type {Promise<any>} */ (loading).catch(() => (loading = null));
    }
    return /** @type {Promise<any>} */ (loading);
  }

  async function open() {
    root.classList.add('editing');
    section.hidden = false;
    toggle.setAttribute('aria-pressed', 'true');
    // At once: moved after the checker's load (seconds on a slow laptop), focus was taken from where
    // the user had gone meanwhile (an Enter on «以此为模板» landed on the list).
    template.focus();
    if (!mod) {
      const loadingText = '正在载入预案校验模块……';
      say(loadingText);
      try {
        await checker();
      } catch (e) {
        say(`无法载入预案校验模块，暂时不能编辑：${(e && /** @type {any} */ (e).message) || e}`, 'error');
        return;
      }
      const kept = st.text ? null : keptWork();
      if (kept) {
        await start(kept.text, kept.file, kept.base);
        $('ed-export-status').textContent = `已恢复本机保存的未完成编辑（“${kept.file}”）。`;
      } else if (!st.text && $('ed-status').textContent === loadingText) say('请选择模板并点“以此为模板”，或打开预案文件，或在“原文”中粘贴原文后点“从文本起草”。');
    }
  }
  function close() {
    section.hidden = true;
    root.classList.remove('editing');
    toggle.setAttribute('aria-pressed', 'false');
    toggle.focus();
  }
  toggle.addEventListener('click', () => (section.hidden ? open() : close()));
  $('ed-close').addEventListener('click', close);

  /** Starts editing a text. @param {string} text @param {string} file @param {string} base */
  async function start(text, file, base) {
    try {
      await checker();
    } catch (e) {
      say(`无法载入预案校验模块，暂时不能编辑：${(e && /** @type {any} */ (e).message) || e}`, 'error');
      return;
    }
    st.text = text.replace(/^\uFEFF/, '');
    st.file = file;
    st.base = base;
    st.lastExport = null;
    $('ed-draft-note').hidden = true;
    refresh(true);
    const id = planField('id');
    newId.value = id ? `${String(id).replace(/^imported-/, '')}-local` : '';
  }

  $('ed-use-template').addEventListener('click', async () => {
    const id = template.value;
    say('正在读取模板……');
    try {
      const res = await fetch(new URL(`../pkg/plans/${id}.toml`, import.meta.url));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const text = await res.text();
      start(text, `${id}.toml`, text);
    } catch (e) {
      say(`无法读取模板文件 pkg/plans/${id}.toml（${(e && /** @type {any} */ (e).message) || e}）。单文件版不含模板文件：请改用“打开预案文件”。`, 'error');
    }
  });
  const readFile = (/** @type {HTMLInputElement} */ input, /** @type {(name: string, text: string) => void} */ use) =>
    input.addEventListener('change', () => {
      const f = input.files && input.files[0];
      input.value = '';
      if (!f) return;
      f.text().then((t) => use(f.name, t), () => say(`无法读取文件“${f.name}”。`, 'error'));
    });
  readFile(/** @type {HTMLInputElement} */ ($('ed-open')), (name, text) => start(text, name, text));
  readFile(/** @type {HTMLInputElement} */ ($('ed-source-file')), (_name, text) => {
    source.value = text.replace(/^\uFEFF/, '');
    if (st.outline) checkQuotes();
  });
  source.addEventListener('input', () => st.outline && checkQuotes());
  first.addEventListener('change', () => st.outline && checkQuotes());
  $('ed-draft').addEventListener('click', async () => {
    if (!(await checker().catch(() => null))) return;
    if (typeof mod.draft !== 'function') {
      say('本版本未包含起草功能。', 'warn');
      return;
    }
    if (!source.value.trim()) {
      say('请先在右侧“原文”中打开或粘贴预案原文。', 'warn');
      return;
    }
    const res = mod.draft(source.value);
    const d = res && res.ok ? res.ok : res;
    if (!d || typeof d.toml !== 'string') {
      say(`起草失败：${(res && res.error) || '没有得到预案文本'}`, 'error');
      return;
    }
    await start(d.toml, '起草.toml', d.toml);
    const proposals = Array.isArray(d.proposals) ? d.proposals.length : 0;
    const warnings = Array.isArray(d.warnings) ? d.warnings : [];
    $('ed-draft-note').textContent = `从原文起草：${proposals}条提议，均标“待确认”，各注明所依据的原文行。${warnings.length ? `未能起草的部分：${warnings.join('；')}` : ''}`;
    $('ed-draft-note').hidden = false;
  });

  /** Applies edits to the text; a structural edit redraws the forms. @param {any[]} edits */
  /** @param {any[]} edits @param {boolean} [redraw] redraw the forms (a button whose label follows the text) */
  function edit(edits, redraw = false) {
    const res = mod.apply_edits(st.text, JSON.stringify(edits));
    if (res.error) {
      say(`未能修改：${res.error}`, 'error');
      return;
    }
    // A value set on a key the form has, or a key removed, keeps the form; anything else redraws it.
    const leaf = (/** @type {any} */ e) => e.path.length > 1 && typeof e.path[e.path.length - 1] === 'string';
    const known = (/** @type {any} */ e) => {
      const t = tableOf(e.path);
      return !!t && t.fields.some((/** @type {any} */ f) => f.key.join('.') === e.path.slice(t.path.length).join('.'));
    };
    const structural = redraw || !edits.every((e) => leaf(e) && (e.op === 'remove' || (e.op === 'set' && known(e))));
    st.text = res.ok;
    // Keyboard users keep their place over a redraw: the same control, else its part's heading; an
    // added entry takes the focus.
    const active = /** @type {HTMLElement | null} */ (document.activeElement);
    const was = active && $('ed-form').contains(active) ? { path: active.dataset.path, part: active.closest('details')?.dataset.section } : null;
    refresh(structural);
    for (const e of edits) if (e.op === 'remove' && leaf(e)) dropField(e.path);
    if (!structural) return;
    const added = edits.find((e) => e.op === 'add');
    const entry = added && [...st.outline.tables].reverse().find((/** @type {any} */ t) => JSON.stringify(t.path.slice(0, -1)) === JSON.stringify(added.path));
    if (entry) show(entry);
    else if (was) {
      const same = was.path && [...$('ed-form').querySelectorAll('[data-path]')].find((n) => /** @type {HTMLElement} */ (n).dataset.path === was.path);
      const part = /** @type {HTMLElement | null} */ ($('ed-form').querySelector(`details[data-section="${was.part}"] > summary`));
      (/** @type {HTMLElement | null} */ (same) || part)?.focus();
    }
  }

  /** The table a key path lies in (the longest table path that starts it). @param {any[]} path */
  const tableOf = (path) =>
    st.outline.tables
      .filter((/** @type {any} */ x) => x.path.length < path.length && x.path.every((/** @type {any} */ p, /** @type {number} */ i) => p === path[i]))
      .sort((/** @type {any} */ a, /** @type {any} */ b) => b.path.length - a.path.length)[0];

  /** A removed key's row leaves its fieldset (and a removed «待确认» its mark). @param {any[]} path */
  function dropField(path) {
    const t = tableOf(path);
    const fs = t && st.names.get(t.name);
    if (!fs) return;
    dropRow(fs, path.slice(t.path.length).join('.'));
  }

  function refresh(redraw = false) {
    if (!keepWork(st)) $('ed-export-status').textContent = '注意：本浏览器无法保存编辑中的预案（存储已满或被禁用），请及时导出。';
    const o = mod.outline(st.text);
    if (o.error) {
      say(o.error, 'error');
      return;
    }
    st.outline = o.ok;
    const grades = st.outline.tables.filter((/** @type {any} */ t) => /^grades\[\d+\]/.test(t.name)).map((/** @type {any} */ t) => t.fields.find((/** @type {any} */ f) => f.key[0] === 'name')?.value).filter(Boolean);
    if (redraw || !st.names.size) st.names = drawForm($('ed-form'), st.outline, { grades, open: st.open, onEdit: edit, onCite: cite, onConfirm: confirm });
    const checked = mod.check(st.file || 'plan.toml', st.text);
    const errors = checked && Array.isArray(checked.errors) ? checked.errors : [];
    st.ok = !errors.length;
    showErrors(errors);
    const marks = drawMarks($('ed-marks'), st.outline.tables, confirm, show);
    $('ed-draft-label').hidden = !marks;
    const title = planField('title') || st.file;
    say(`${marks ? '【草稿】' : ''}《${title}》：${errors.length ? `发现${errors.length}处问题，见下方和各字段旁。` : '通过校验。'}${marks ? `还有${marks}条待确认。` : ''}`, errors.length ? 'error' : 'ok');
    checkQuotes();
    drawDiffPane();
    tryPlan();
  }

  /** @param {{path: string, problem: string}[]} errors */
  function showErrors(errors) {
    for (const p of section.querySelectorAll('.ed-table-errors')) {
      p.replaceChildren();
      /** @type {HTMLElement} */ (p).hidden = true;
    }
    for (const i of section.querySelectorAll('#ed-form [aria-invalid]')) showFieldError(/** @type {HTMLElement} */ (i), '');
    $('ed-errors').replaceChildren(
      ...errors.map((e) => {
        const { table, rest } = placeOf(String(e.path), st.names.keys());
        const fs = st.names.get(table);
        // Beside its field when the rest of the path names one, else under the table's title (a
        // pair of bands, `…bands[2]/bands[1]`, is told at the first without the second's path).
        const rows = fs && rest ? /** @type {HTMLElement[]} */ ([...fs.querySelectorAll('.ed-field')]) : [];
        const field =
          rows.find((f) => rest === f.dataset.key || rest.startsWith(`${f.dataset.key}.`)) ||
          rows.find((f) => f.dataset.key === `${rest}.line`) ||
          rows.find((f) => String(f.dataset.key).startsWith(`${rest}.`));
        const input = field && /** @type {HTMLElement} */ (field.querySelector('input, select, textarea'));
        if (input) showFieldError(input, e.problem);
        else if (fs) {
          const p = /** @type {HTMLElement} */ (fs.querySelector('.ed-table-errors'));
          p.append(el('span', { class: 'ed-error', text: `${rest && !/^\w+\[\d+\]$/.test(rest) ? `${rest}：` : ''}${e.problem}` }));
          p.hidden = false;
        }
        const go = el('button', { class: 'ed-goto', text: '定位', attrs: { type: 'button' } });
        go.addEventListener('click', () => fs && showFieldset(fs, table));
        return el('li', { class: 'ed-error-item', data: { path: String(e.path) } }, el('span', { class: 'err-place', text: String(e.path) }), '：', el('span', { class: 'err-problem', text: String(e.problem) }), fs ? ' ' : '', fs ? go : '');
      }),
    );
  }

  /** Opens a fieldset's section and moves focus to its first control. @param {HTMLElement} fs @param {string} name */
  function showFieldset(fs, name) {
    const det = /** @type {HTMLDetailsElement} */ (fs.closest('details'));
    if (det) det.open = true;
    st.open.add(det?.dataset.section || '');
    fs.scrollIntoView({ block: 'center' });
    /** @type {HTMLElement | null} */ (fs.querySelector('input, select, textarea, button'))?.focus();
    return name;
  }
  const show = (/** @type {any} */ t) => {
    const fs = st.names.get(t.name);
    if (fs) showFieldset(fs, t.name);
  };

  /** The value of a table's field by its dotted key. @param {any} t @param {string} key */
  const fieldOf = (t, key) => t.fields.find((/** @type {any} */ f) => f.key.join('.') === key)?.value;
  /** The quote check against the source pane, beside each quote. */
  function checkQuotes() {
    const text = source.value;
    const lines = sourceLines(text);
    const from = Math.max(1, Number(first.value) || 1);
    let good = 0;
    let bad = 0;
    for (const t of st.outline.tables) {
      const quote = fieldOf(t, 'quote');
      const line = fieldOf(t, 'cite.line');
      const fs = st.names.get(t.name);
      const row = fs && fs.querySelector('.ed-field[data-key="quote"]');
      // A table taken from another document (source_file) cites that document, not this source.
      if (!row || typeof quote !== 'string' || fieldOf(t, 'source_file') !== undefined) continue;
      row.querySelector('.ed-quote-check')?.remove();
      if (!text || line == null) continue;
      const problem = quoteProblem(lines, { line, line_end: fieldOf(t, 'cite.line_end'), chars: fieldOf(t, 'cite.chars') }, quote, from);
      if (problem) bad++;
      else good++;
      row.append(el('span', { class: `ed-quote-check ${problem ? 'ed-bad' : 'ed-good'}`, text: problem || '引文与原文相符' }));
    }
    $('ed-quotes').textContent = text ? `引文核对：${good}条相符，${bad}条不符。` : '打开或粘贴原文后，各条引文随时与原文核对。';
  }

  /** 设为依据: the source pane's selection becomes the rule's quote and citation. @param {any} drawn */
  function cite(drawn) {
    // The table as the text has it now (the form may have been drawn before earlier edits).
    const t = st.outline.tables.find((/** @type {any} */ x) => x.name === drawn.name) || drawn;
    const hasChars = fieldOf(t, 'cite.chars') != null;
    const sel = source.value ? selectionCite(source.value, source.selectionStart, source.selectionEnd, Math.max(1, Number(first.value) || 1), hasChars) : null;
    if (!sel) {
      say('请先在右侧“原文”中打开或粘贴预案原文，并选中作为依据的文字，再点“设为依据”。', 'warn');
      return;
    }
    /** @type {{op: string, path: any[], value?: unknown}[]} */
    const edits = [{ op: 'set', path: [...t.path, 'quote'], value: sel.quote }];
    if (fieldOf(t, 'cite.line') === undefined) {
      edits.push({ op: 'set', path: [...t.path, 'cite'], value: { line: sel.line, ...(sel.line_end ? { line_end: sel.line_end } : {}) } });
    } else {
      edits.push({ op: 'set', path: [...t.path, 'cite', 'line'], value: sel.line });
      if (sel.line_end) edits.push({ op: 'set', path: [...t.path, 'cite', 'line_end'], value: sel.line_end });
      else if (fieldOf(t, 'cite.line_end') !== undefined) edits.push({ op: 'remove', path: [...t.path, 'cite', 'line_end'] });
      if (hasChars && sel.chars) edits.push({ op: 'set', path: [...t.path, 'cite', 'chars'], value: sel.chars });
    }
    edit(edits);
    // The forms keep their nodes on a value edit: show the new values in this fieldset.
    const fs = st.names.get(t.name);
    for (const [key, value] of [['quote', sel.quote], ['cite.line', sel.line], ['cite.line_end', sel.line_end]]) {
      const input = /** @type {HTMLInputElement | null} */ (fs?.querySelector(`.ed-field[data-key="${key}"] input, .ed-field[data-key="${key}"] textarea`));
      if (input && value != null) input.value = String(value);
    }
    checkQuotes();
  }
  const confirm = (/** @type {any} */ t) => edit([{ op: 'remove', path: [...t.path, 'review'] }]);

  function drawDiffPane() {
    const against = diffBase.value === 'export' ? st.lastExport : st.base;
    if (against == null) {
      $('ed-diff').replaceChildren(el('p', { class: 'hint', text: '还没有导出过。' }));
      return;
    }
    drawDiff($('ed-diff'), against, st.text, diffBase.value === 'export' ? '上次导出' : '起点');
  }
  diffBase.addEventListener('change', () => st.outline && drawDiffPane());

  /** Imports the edited plan under TRY_ID and evaluates both sides of every band edge. */
  async function tryPlan() {
    const n = ++st.tries;
    const cases = edgeCases(axesOf(st.outline.tables));
    st.cases = cases;
    if (!st.ok) {
      $('ed-try').replaceChildren(el('p', { class: 'ed-bad', text: '预案未通过校验，改正上方问题后再试算。' }));
      return;
    }
    const trial = mod.apply_edits(st.text, JSON.stringify([{ op: 'set', path: ['plan', 'id'], value: TRY_ID }]));
    const res = trial.ok ? await engine.import_plan('编辑中的预案.toml', trial.ok) : { errors: [{ problem: trial.error }] };
    if (n !== st.tries) return;
    if (!(res && res.ok)) {
      $('ed-try').replaceChildren(el('p', { class: 'ed-bad', text: `无法试算：${res?.errors?.map((/** @type {any} */ e) => e.problem).join('；')}` }));
      return;
    }
    const now = new Date().toISOString();
    for (const c of cases) {
      try {
        c.result = engine.evaluate(TRY_ID, { [c.fact]: c.value }, now).grade || NO_GRADE;
      } catch (e) {
        c.result = `出错：${(e && /** @type {any} */ (e).message) || e}`;
      }
    }
    drawCases($('ed-try'), cases);
  }

  $('ed-export-toml').addEventListener('click', () => {
    if (!st.outline) return;
    download(`${planField('id') || 'plan'}.toml`, st.text, 'application/toml;charset=utf-8');
    st.lastExport = st.text;
    $('ed-export-status').textContent = `已导出预案文件“${planField('id') || 'plan'}.toml”。`;
    drawDiffPane();
  });
  $('ed-export-csv').addEventListener('click', () => {
    if (!st.outline) return;
    download(`${planField('id') || 'plan'}-界限用例.csv`, casesCsv(st.cases, { title: String(planField('title') || ''), id: String(planField('id') || '') }), 'text/csv;charset=utf-8');
    $('ed-export-status').textContent = `已导出界限用例表（${st.cases.length}例）。`;
  });
  $('ed-import').addEventListener('click', async () => {
    if (!st.outline) return;
    const id = newId.value.trim();
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || id === TRY_ID) {
      $('ed-export-status').textContent = '请填写新预案编号：小写字母、数字，可用连字符分隔，如 gaoping-noncoal-mine。';
      return;
    }
    if (planField('id') !== id) edit([{ op: 'set', path: ['plan', 'id'], value: id }]);
    if (!st.ok) {
      $('ed-export-status').textContent = '预案未通过校验，不能导入：请先改正上方列出的问题。';
      return;
    }
    engine.forget_plan(TRY_ID);
    await imports.importText(`${id}.toml`, st.text);
    if (imports.ids().includes(id)) close();
    else $('ed-export-status').textContent = '导入未成功，见预案列表下方的提示。';
  });
  return { open, close, start, section: () => section, sectionOf };
}
