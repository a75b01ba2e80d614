// @ts-check
// Views of one incident: the 情况变化 box, the log (newest first), the conflict notice when two tabs
// changed the same field, and the files it leaves as (export name, the log as text, the download).

import { el } from './dom.js';
import { china, clockText, fullTime, p2 } from './format.js';

/** @typedef {import('./incident-record.js').Incident} Incident */

export const LOG_KIND = /** @type {Record<string, string>} */ ({ create: '新建', fact: '情况', result: '研判', grade: '等级', level: '响应', tasks: '任务', tick: '勾选', untick: '取消勾选', note: '备注', report: '已报告', unreport: '撤销报告', info: '信息', import: '导入', plan: '预案', confirm: '核实', issue: '出具', export: '导出' });

/** "yingji-事件-20261207-0805-某矿透水事故". @param {Incident} i */
export function fileName(i) {
  const c = china(i.created);
  const stamp = c ? `${c.y}${p2(c.mo)}${p2(c.d)}-${p2(c.h)}${p2(c.mi)}` : 'incident';
  const t = (i.info.title || '').trim().replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40);
  return `yingji-事件-${stamp}${t ? `-${t}` : ''}`;
}

/** The log as a text file. @param {Incident} i @param {string} planTitle */
export function logText(i, planTitle) {
  const lines = [`事件记录 — ${(i.info.title || '').trim() || '未命名事件'}`, `预案：${planTitle}`, `创建：${fullTime(i.created)}`, ''];
  for (const e of i.log) lines.push(`${fullTime(e.t)}  [${LOG_KIND[e.kind] || e.kind}] ${e.text}`);
  return `${lines.join('\n')}\n`;
}

/** Saves a text or a Blob as a file (from the page's memory: works with storage full or unavailable). @param {string} name @param {string | Blob} text @param {string} type */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { attrs: { href: url, download: name } });
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** @param {HTMLElement} box @param {Incident | null} i @param {number} nowMs */
export function renderChanges(box, i, nowMs) {
  const ch = i && i.changes;
  box.hidden = !ch;
  box.replaceChildren();
  if (!ch) return;
  box.append(el('strong', { class: 'changes-time', text: `${clockText(ch.t, nowMs)} 情况变化：` }));
  box.append(el('ul', {}, ...ch.lines.map((/** @type {string} */ l) => el('li', { text: l }))));
}

const logShown = new WeakMap();

/**
 * The log, newest first. Entries already shown keep their nodes (a log can hold thousands); a log
 * that changed before its end (another tab's entries merged in by time) is drawn again.
 * @param {HTMLElement} ol @param {Incident | null} i @param {number} nowMs
 */
export function renderLog(ol, i, nowMs) {
  const was = logShown.get(ol);
  const mark = (/** @type {Incident} */ x, /** @type {number} */ n) => (n ? JSON.stringify(x.log[n - 1]) : '');
  let from = 0;
  if (i && was && was.id === i.id && was.count <= i.log.length && was.last === mark(i, was.count)) from = was.count;
  else ol.replaceChildren();
  if (!i) {
    logShown.delete(ol);
    return;
  }
  const fresh = i.log.slice(from).map((e) =>
    el('li', { class: `log-entry log-${e.kind}`, data: { kind: e.kind } },
      el('time', { text: clockText(e.t, nowMs, { seconds: true }), attrs: { datetime: e.t } }),
      el('span', { class: 'tag', text: LOG_KIND[e.kind] || e.kind }),
      el('span', { class: 'log-text', text: e.text })));
  ol.prepend(...fresh.reverse());
  logShown.set(ol, { id: i.id, count: i.log.length, last: mark(i, i.log.length) });
}

/**
 * Two tabs changed the same field: both values, this tab's in use, and a button to take the other's.
 * @param {HTMLElement} box @param {{part: string, key: string, mine?: string, theirs?: string, incident: string}[]} list
 * @param {(key: string) => string} labelOf @param {(c: {part: string, key: string, theirs?: string, incident: string}) => void} take
 */
export function showConflicts(box, list, labelOf, take) {
  const v = (/** @type {string | undefined} */ x) => (x == null || x === '' ? '（空）' : x);
  box.replaceChildren(el('strong', { text: '另一个标签页同时改了同一项：' }));
  const ul = el('ul');
  for (const c of list) {
    const li = el('li', { text: `${c.part === 'values' ? labelOf(c.key) : c.key}：本页为“${v(c.mine)}”，另一页为“${v(c.theirs)}”（现用本页的值）` });
    const btn = el('button', { class: 'take-theirs', text: '改用另一页的值', attrs: { type: 'button' } });
    btn.addEventListener('click', () => {
      take(c);
      li.remove();
      if (!ul.children.length) box.hidden = true;
    });
    li.append(' ', btn);
    ul.append(li);
  }
  box.append(ul);
  box.hidden = false;
}
