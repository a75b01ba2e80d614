// @ts-check
// Importing a county's edited plan file (.toml) into the page: read locally (FileReader, nothing is
// sent anywhere), validated by the import checker (a second WebAssembly module, loaded on first use:
// engine.js) and handed to the engine (import_plan), then either every problem is listed (file,
// place — 第L行第C列 or a key path such as grading.axes[0](deaths).bands[2] — and the problem), or the
// plan joins the plan list marked “（导入）” with its file name. Imported files are kept in
// localStorage so a reload keeps them; a stored copy that no longer loads is dropped, with a message.
// An imported plan never replaces an embedded one: the engine renames a clashing id imported-<id>.
// DOM from createElement + textContent only; plan text is never HTML.

import { el } from './dom.js';

const KEY = 'yingji:v1:imported';
const MAX_BYTES = 2 * 1024 * 1024; // as the engine's MAX_IMPORT_BYTES

function readStore() {
  let raw;
  try {
    raw = window.localStorage.getItem(KEY);
  } catch {
    return { entries: [], broken: false };
  }
  if (raw == null) return { entries: [], broken: false };
  try {
    const list = JSON.parse(raw);
    if (!Array.isArray(list)) throw new Error('not a list');
    return { entries: list, broken: false };
  } catch {
    return { entries: [], broken: true };
  }
}

function writeStore(entries) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(entries));
    return true;
  } catch {
    return false;
  }
}

/**
 * Adds the import control after the plan picker and restores stored imports.
 * @param {{engine: object, select: HTMLSelectElement, onSelect: (id: string) => void, fallback: () => string}} opts
 *   onSelect: show this plan; fallback: the plan to show when the shown imported plan is removed.
 */
export async function setupImport({ engine, select, onSelect, fallback }) {
  const file = /** @type {HTMLInputElement} */ (el('input', { id: 'import-file', attrs: { type: 'file', accept: '.toml,text/plain' } }));
  const status = el('p', { id: 'import-status', class: 'import-status', attrs: { role: 'status' } });
  const errors = el('ul', { id: 'import-errors', class: 'import-errors', attrs: { role: 'alert' } });
  const list = el('ul', { id: 'import-list', class: 'import-list' });
  const box = el(
    'div',
    { class: 'import', id: 'import' },
    el('label', { attrs: { for: 'import-file' }, text: '导入预案文件（.toml）' }),
    file,
    el('p', { class: 'hint', text: '县（区）修订的预案文件在本机校验，不上传；通过校验后加入预案列表，标“（导入）”，保存在本机浏览器中。导入的预案未经本工具审核，以原文为准。' }),
    status,
    errors,
    list,
  );
  const pick = select.closest('.plan-pick') || select.parentElement;
  pick.after(box);

  const group = el('optgroup', { id: 'imported-plans', attrs: { label: '导入的预案' } });
  /** {file, text, id, title} for each imported plan, in import order. */
  let entries = [];

  const say = (text, kind = 'ok') => {
    status.textContent = text;
    status.dataset.kind = kind;
  };

  function redraw() {
    group.replaceChildren(
      ...entries.map((e) => el('option', { attrs: { value: e.id }, text: `（导入）${e.title} — ${e.file}`, data: { imported: e.file } })),
    );
    if (entries.length && !group.parentNode) select.append(group);
    if (!entries.length) group.remove();
    list.replaceChildren(
      ...entries.map((e) => {
        const btn = el('button', { class: 'import-remove', text: '移除', attrs: { type: 'button' } });
        btn.addEventListener('click', () => remove(e.id));
        return el('li', { data: { plan: e.id } }, el('span', { class: 'tag', text: '导入' }), ` ${e.title}（${e.file}） `, btn);
      }),
    );
  }

  function persist() {
    if (!writeStore(entries.map(({ file: f, text }) => ({ file: f, text })))) {
      say('注意：本浏览器无法保存导入的预案（存储已满或被禁用），刷新页面后需重新导入。', 'warn');
      return false;
    }
    return true;
  }

  /** Hands the text to the engine; resolves to the entry, or the list of problems. */
  async function take(name, text) {
    const res = await engine.import_plan(name, text.replace(/^\uFEFF/, ''));
    if (res && res.ok) {
      const s = res.ok.summary;
      const entry = { file: name, text, id: s.id, title: s.title };
      entries = entries.filter((e) => e.id !== entry.id);
      entries.push(entry);
      return { entry, info: res.ok };
    }
    return { problems: Array.isArray(res && res.errors) ? res.errors : [] };
  }

  function showProblems(name, problems) {
    errors.replaceChildren(
      ...problems.map((p) =>
        el(
          'li',
          { class: 'import-error', data: { path: String(p.path) } },
          el('span', { class: 'err-file', text: String(p.file || name) }),
          '：',
          el('span', { class: 'err-place', text: String(p.path) }),
          '：',
          el('span', { class: 'err-problem', text: String(p.problem) }),
        ),
      ),
    );
  }

  function remove(id) {
    engine.forget_plan(id);
    entries = entries.filter((e) => e.id !== id);
    const wasShown = select.value === id;
    redraw();
    persist();
    say('已移除导入的预案。');
    if (wasShown) onSelect(fallback());
  }

  async function importText(name, text) {
    errors.replaceChildren();
    say(`正在校验“${name}”……`);
    const { entry, info, problems } = await take(name, text);
    if (!entry) {
      showProblems(name, problems);
      say(`未导入“${name}”：发现${problems.length}处问题，请按下列位置修改预案文件后重新导入。`, 'error');
      return;
    }
    redraw();
    const saved = persist();
    const notes = [`已导入《${entry.title}》（文件“${name}”），已加入预案列表并选中。`];
    if (info.renamed_from) {
      notes.push(`文件中的预案编号“${info.renamed_from}”与内置预案相同：内置预案保持不变，导入的预案改用编号“${entry.id}”。`);
    }
    if (info.replaced) notes.push('已替换先前导入的同编号预案。');
    if (saved) say(notes.join(''));
    else status.prepend(`${notes.join('')} `);
    onSelect(entry.id);
  }

  file.addEventListener('change', () => {
    const f = file.files && file.files[0];
    file.value = '';
    if (!f) return;
    errors.replaceChildren();
    if (f.size > MAX_BYTES) {
      say(`未导入“${f.name}”：文件过大（${Math.round(f.size / 1024)} KB），预案文件不应超过 ${MAX_BYTES / 1024} KB。`, 'error');
      return;
    }
    const reader = new FileReader();
    reader.addEventListener('load', () => {
      importText(f.name, String(reader.result)).catch((e) => {
        say(`未导入“${f.name}”：${e && e.message ? e.message : e}`, 'error');
      });
    });
    reader.addEventListener('error', () => say(`无法读取文件“${f.name}”。`, 'error'));
    reader.readAsText(f, 'utf-8');
  });

  // Restore what earlier visits imported (this loads the checker only when there is something to
  // restore); drop (and say) whatever no longer loads. If the checker cannot load, keep the stored
  // files untouched for the next visit and say so.
  const stored = readStore();
  const dropped = [];
  let unavailable = null;
  for (const item of stored.entries) {
    const ok = item && typeof item.file === 'string' && typeof item.text === 'string';
    /** @type {{problems?: any[], entry?: any, info?: any}} */
    let got = { problems: [] };
    if (ok) {
      try {
        got = await take(item.file, item.text);
      } catch (e) {
        unavailable = e;
        break;
      }
    }
    if (!got.entry) dropped.push(ok ? item.file : '（无法识别的记录）');
  }
  redraw();
  if (unavailable) {
    say(`本机保存的导入预案暂时无法载入：${unavailable.message || unavailable}（文件仍保存在本机，下次打开时再试）。`, 'warn');
  } else if (stored.broken || dropped.length) {
    persist();
    say(
      stored.broken
        ? '本机保存的导入预案数据已损坏，已删除；请重新导入预案文件。'
        : `本机保存的导入预案${dropped.map((n) => `“${n}”`).join('、')}已无法通过校验，已删除；请重新导入。`,
      'warn',
    );
  }
  return { importText, ids: () => entries.map((e) => e.id) };
}

/**
 * The .toml import box (set up after the plan picker) goes into a closed 导入预案 box in `place`; open
 * when plans were imported earlier, so they are listed, with 移除, in view.
 * @param {HTMLElement} place
 */
export function placeImportBox(place) {
  const box = document.getElementById('import');
  if (!box) return;
  const d = /** @type {HTMLDetailsElement} */ (el('details', { class: 'import-details', id: 'import-details' }, el('summary', { text: '导入县（区）预案文件（.toml）' })));
  place.append(d);
  d.append(box);
  d.open = !!box.querySelector('#import-list li');
}
