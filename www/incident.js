// 应急预案助手 — incidents: what a duty officer keeps through an incident, kept in the browser.
//
// One or more incidents, each with its plan, the facts typed, free-text report fields, the ticks and
// notes of the task checklist, the reports marked done and a log of every change, autosaved in
// localStorage (one versioned key) on every change and restored on reload. An incident exports to a
// JSON file and imports from one; a file that is not valid is refused and nothing changes.
//
// Same rules as app.js: DOM from createElement + textContent only, no inline styles, no code from
// strings, no network. app.js calls the hooks at the bottom (start, values, saveValues, evaluated,
// decorate); everything else stays in here.

import { el } from './dom.js';

export const INCIDENT_FORMAT = 'yingji-incident';
export const INCIDENT_VERSION = 1;
const STORE_KEY = 'incidents:v1';
const LOG_DEBOUNCE_MS = 1200;
const MAX_LOG = 5000;

const $ = (id) => document.getElementById(id);

const p2 = (n) => String(n).padStart(2, '0');
const isObj = (x) => !!x && typeof x === 'object' && !Array.isArray(x);

/** China time (UTC+8) parts of an ISO instant. */
function china(iso) {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return null;
  const d = new Date(t + 8 * 3600_000);
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
}
/** "14:32" (today) or "5月1日 14:32". */
export function clockText(iso, { seconds = false } = {}) {
  const c = china(iso);
  if (!c) return '';
  const today = china(new Date().toISOString());
  const hm = `${p2(c.h)}:${p2(c.mi)}${seconds ? `:${p2(c.s)}` : ''}`;
  return today && today.y === c.y && today.mo === c.mo && today.d === c.d ? hm : `${c.mo}月${c.d}日 ${hm}`;
}
function fullTime(iso) {
  const c = china(iso);
  return c ? `${c.y}年${c.mo}月${c.d}日 ${p2(c.h)}:${p2(c.mi)}` : '';
}
function chinaNowLocal() {
  const c = china(new Date().toISOString());
  return `${c.y}-${p2(c.mo)}-${p2(c.d)}T${p2(c.h)}:${p2(c.mi)}`;
}
function hms(ms) {
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400);
  const core = `${p2(Math.floor((s % 86400) / 3600))}:${p2(Math.floor((s % 3600) / 60))}:${p2(s % 60)}`;
  return d ? `${d}天 ${core}` : core;
}

function newId() {
  const r = Math.floor(Math.random() * 36 ** 4).toString(36).padStart(4, '0');
  return `i-${Date.now().toString(36)}-${r}`;
}

// ---------------------------------------------------------------------------------------------
// The incident record and its validation (also used for imported files)

const INFO_FIELDS = [
  ['title', '事件名称', 'text', '如：某某矿透水事故'],
  ['place', '事发地点', 'text', '县（市、区）、乡镇、具体位置'],
  ['unit', '事发单位及概况', 'text', '单位名称、性质、规模'],
  ['summary', '事故简要经过和现场情况', 'area', '时间顺序写明经过、现场情况'],
  ['measures', '已经采取的措施', 'area', '先期处置、救援力量、疏散等'],
  ['reporter', '报告单位和报告人', 'text', '单位、姓名、联系电话'],
];

function blank(plan) {
  const now = new Date().toISOString();
  return {
    id: newId(),
    plan,
    created: now,
    updated: now,
    info: {},
    // A new incident starts now: the officer corrects the time if the call came later.
    values: { incident_time: chinaNowLocal() },
    ticks: {},
    notes: {},
    reports: {},
    log: [{ t: now, kind: 'create', text: '新建事件' }],
    logged: null,
    changes: null,
  };
}

const strMap = (x) => isObj(x) && Object.values(x).every((v) => typeof v === 'string');
const isTime = (x) => typeof x === 'string' && Number.isFinite(Date.parse(x));

/** Checks an incident object (from storage or a file); returns a message saying what is wrong, or ''. */
export function invalidIncident(x, planIds) {
  if (!isObj(x)) return '内容不是一个事件';
  if (typeof x.id !== 'string' || !x.id) return '缺少事件编号';
  if (typeof x.plan !== 'string' || !planIds.has(x.plan)) return `预案“${String(x.plan)}”不在本工具中`;
  if (!isTime(x.created)) return '创建时间无效';
  if (!strMap(x.values)) return '事件情况（values）格式不对';
  if (x.info != null && !strMap(x.info)) return '事件信息（info）格式不对';
  if (x.notes != null && !strMap(x.notes)) return '任务备注（notes）格式不对';
  for (const k of ['ticks', 'reports']) {
    if (x[k] != null && !(isObj(x[k]) && Object.values(x[k]).every(isTime))) return `${k === 'ticks' ? '任务勾选' : '已报告标记'}格式不对`;
  }
  if (x.log != null && !(Array.isArray(x.log) && x.log.every((e) => isObj(e) && isTime(e.t) && typeof e.text === 'string'))) return '事件记录（log）格式不对';
  return '';
}

function normalise(x) {
  return {
    id: x.id,
    plan: x.plan,
    created: x.created,
    updated: isTime(x.updated) ? x.updated : x.created,
    info: { ...(x.info || {}) },
    values: { ...x.values },
    ticks: { ...(x.ticks || {}) },
    notes: { ...(x.notes || {}) },
    reports: { ...(x.reports || {}) },
    log: (x.log || []).map((e) => ({ t: e.t, kind: typeof e.kind === 'string' ? e.kind : 'note', text: e.text })),
    logged: isObj(x.logged) ? x.logged : null,
    changes: isObj(x.changes) && isTime(x.changes.t) && Array.isArray(x.changes.lines) ? x.changes : null,
  };
}

/** Reads an exported file's text: {incident} or {error: Chinese message}. Never throws. */
export function parseIncidentFile(text, planIds) {
  let obj;
  try {
    obj = JSON.parse(text);
  } catch {
    return { error: '文件不是有效的 JSON 文件（可能已损坏或不完整）' };
  }
  if (!isObj(obj) || obj.format !== INCIDENT_FORMAT) return { error: '这不是本工具导出的事件文件' };
  if (obj.version !== INCIDENT_VERSION) return { error: `事件文件的版本（${String(obj.version)}）本工具不支持，只能导入版本 ${INCIDENT_VERSION}` };
  const bad = invalidIncident(obj.incident, planIds);
  if (bad) return { error: `事件文件内容有误：${bad}` };
  return { incident: normalise(obj.incident) };
}

// ---------------------------------------------------------------------------------------------
// The store of incidents

/**
 * ctx: { store, plans: PlanSummary[], schema(id) → Schema, switchPlan(id) (selects the plan and
 *        rebuilds the form from values()), current() → {planId, facts: Map, values} }
 */
export function createIncidents(ctx) {
  // The plans on offer now: the embedded ones and any imported plan files (options of #plan).
  const planIds = () => new Set([...ctx.plans.map((p) => p.id), ...[...$('plan').options].map((o) => o.value)]);
  const titleOf = (id) => (ctx.plans.find((p) => p.id === id) || {}).title || [...$('plan').options].find((o) => o.value === id)?.textContent || id;
  // Stored incidents are kept even if their plan is gone (an imported plan removed): nothing is lost.
  const anyPlan = { has: (id) => typeof id === 'string' && id !== '' };
  let db = { current: null, incidents: [] };
  let saveOk = true;
  let logTimer = null;
  let lastOut = null;

  const cur = () => db.incidents.find((i) => i.id === db.current) || null;

  function persist() {
    const i = cur();
    if (i) i.updated = new Date().toISOString();
    saveOk = ctx.store.set(STORE_KEY, JSON.stringify({ version: INCIDENT_VERSION, current: db.current, incidents: db.incidents }));
    const s = $('save-state');
    if (s) s.textContent = saveOk ? '输入已自动保存在本机浏览器中' : '注意：本浏览器无法保存输入，刷新页面会丢失';
    return saveOk;
  }

  function load() {
    const raw = ctx.store.get(STORE_KEY);
    if (!raw) return false;
    try {
      const obj = JSON.parse(raw);
      if (!isObj(obj) || !Array.isArray(obj.incidents)) return false;
      db.incidents = obj.incidents.filter((x) => !invalidIncident(x, anyPlan)).map(normalise);
      db.current = db.incidents.some((i) => i.id === obj.current) ? obj.current : db.incidents[0]?.id ?? null;
      return db.incidents.length > 0;
    } catch {
      return false;
    }
  }

  /** Fact and result changes waiting for a pause in typing are logged before anything else. */
  function flush() {
    if (logTimer) commitLog();
  }

  function log(kind, text, extra) {
    const i = cur();
    if (!i) return;
    i.log.push({ t: new Date().toISOString(), kind, text, ...(extra || {}) });
    if (i.log.length > MAX_LOG) i.log.splice(0, i.log.length - MAX_LOG);
  }

  // ---- facts and result changes: logged after a short pause in typing ("1" then "12" is one change)

  function factText(f, raw) {
    if (raw == null || raw === '') return '未填';
    if (f.type === 'yesno') return raw === 'yes' ? '是' : '否';
    if (f.type === 'choice') return ((f.options || []).find((o) => o.value === raw) || {}).label || raw;
    if (f.type === 'datetime') return raw.replace('T', ' ');
    const unit = f.unit || { count: '人', money: '万元' }[f.type] || '';
    return `${raw}${unit}`;
  }

  // A support procedure (out.activation) has no grade or level: its "level" is the procedure once started.
  const resultOf = (out) => ({
    support: !!out.activation,
    grade: out.grade || '',
    level: out.response ? out.response.level : out.activation && out.activation.started ? out.activation.name : '',
    rank: out.response ? out.response.rank : null,
    tasks: (out.tasks || []).map((t) => t.title),
  });

  function commitLog() {
    clearTimeout(logTimer);
    logTimer = null;
    const i = cur();
    const c = ctx.current();
    if (!i || !c || c.planId !== i.plan) return;
    const prev = i.logged && i.logged.plan === i.plan ? i.logged : null;
    const now = new Date().toISOString();
    const lines = [];
    let changed = false;
    if (prev) {
      for (const f of c.facts.values()) {
        const a = prev.values[f.id];
        const b = c.values[f.id];
        if ((a ?? '') === (b ?? '')) continue;
        log('fact', `${f.label || f.id}：${factText(f, a)} → ${factText(f, b)}`, { fact: f.id });
        changed = true;
      }
    }
    const r = lastOut ? resultOf(lastOut) : null;
    if (r && prev && prev.result) {
      const p = prev.result;
      if (p.grade !== r.grade) {
        const t = `事故等级由${p.grade || '未达到分级标准'}变为${r.grade || '未达到分级标准'}`;
        log('grade', t);
        lines.push(t);
      }
      if (p.level !== r.level && r.support) {
        const t = r.level ? `启动${r.level}` : `${p.level}不再显示为已启动（收到调拨要求时间已清空）`;
        log('level', t);
        lines.push(t);
      } else if (p.level !== r.level) {
        const dir = p.rank == null ? '启动' : r.rank == null ? '不再满足响应条件' : r.rank < p.rank ? '提高' : '降低';
        const t = r.level
          ? p.level
            ? `响应级别由${p.level}${dir}到${r.level}`
            : `启动${r.level}`
          : `响应级别由${p.level}变为未达到响应条件`;
        log('level', t);
        lines.push(t);
      }
      const added = r.tasks.filter((x) => !p.tasks.includes(x));
      const gone = p.tasks.filter((x) => !r.tasks.includes(x));
      if (added.length) {
        const t = `新增任务：${added.join('、')}`;
        log('tasks', t);
        lines.push(t);
      }
      if (gone.length) {
        const t = `不再列出：${gone.join('、')}`;
        log('tasks', t);
        lines.push(t);
      }
    } else if (r && !prev) {
      if (r.support) log('result', `支持性程序（不分级）：${r.level ? `已启动${r.level}` : '尚未启动'}`);
      else log('result', `研判：${r.grade ? `${r.grade}事故` : '未达到分级标准'}，${r.level || '未达到响应条件'}`);
      changed = true;
    }
    if (lines.length) {
      const kept = Object.keys(i.ticks).length;
      if (kept) lines.push(`已勾选的${kept}项任务保留`);
      i.changes = { t: now, lines };
    }
    if (changed || lines.length || !prev) {
      i.logged = { plan: i.plan, values: { ...c.values }, result: r };
      persist();
      renderChanges();
      renderLog();
    }
  }

  function scheduleLog() {
    clearTimeout(logTimer);
    logTimer = setTimeout(commitLog, LOG_DEBOUNCE_MS);
  }

  // ---- the incident bar

  function optionText(i) {
    const t = (i.info.title || '').trim() || '未命名事件';
    return `${t} · ${titleOf(i.plan).replace(/应急预案$/, '')} · ${clockText(i.created)}`;
  }

  function renderBar() {
    const sel = $('incident');
    sel.replaceChildren();
    for (const i of [...db.incidents].sort((a, b) => b.created.localeCompare(a.created))) {
      sel.append(el('option', { text: optionText(i), attrs: { value: i.id } }));
    }
    sel.value = db.current;
    $('incident-count').textContent = `共${db.incidents.length}个事件`;
    renderInfo();
  }

  function renderInfo() {
    const i = cur();
    for (const [k] of INFO_FIELDS) {
      const input = $(`info-${k}`);
      if (input) input.value = i ? i.info[k] || '' : '';
    }
  }

  function buildInfoFields() {
    const box = $('incident-info');
    box.replaceChildren();
    for (const [k, label, kind, ph] of INFO_FIELDS) {
      const id = `info-${k}`;
      const input = kind === 'area' ? el('textarea', { id, attrs: { rows: 2, placeholder: ph } }) : el('input', { id, attrs: { type: 'text', placeholder: ph, autocomplete: 'off' } });
      input.dataset.info = k;
      box.append(el('div', { class: `info-field info-${kind}` }, el('label', { text: label, attrs: { for: id } }), input));
    }
    box.addEventListener('input', (e) => {
      const k = e.target && e.target.dataset.info;
      const i = cur();
      if (!k || !i) return;
      i.info[k] = e.target.value;
      persist();
      renderReport();
      if (k === 'title') {
        const opt = $('incident').selectedOptions[0];
        if (opt) opt.textContent = optionText(i);
      }
    });
    box.addEventListener('change', (e) => {
      const k = e.target && e.target.dataset.info;
      if (!k || !cur()) return;
    flush();
      const label = (INFO_FIELDS.find((x) => x[0] === k) || [])[1] || k;
      log('info', `${label}：${e.target.value || '（清空）'}`);
      persist();
      renderLog();
    });
  }

  function message(text, kind = 'ok') {
    const m = $('incident-msg');
    m.textContent = text;
    m.dataset.kind = kind;
    m.hidden = !text;
  }

  function open(id) {
    // A fact field still focused saves into the incident being left, not the one being opened.
    if (document.activeElement && $('fields').contains(document.activeElement)) document.activeElement.blur();
    commitLog();
    db.current = id;
    lastOut = null;
    persist();
    renderBar();
    ctx.switchPlan(availablePlan());
    renderChanges();
    renderLog();
  }

  /** The incident's plan, or (said on screen) the first plan when it is not on offer any more. */
  function availablePlan() {
    const i = cur();
    if (planIds().has(i.plan)) return i.plan;
    message(`此事件所用的预案（${i.plan}）已不在预案列表中（导入的预案已移除？）：已改用第一个预案显示，输入的情况都保留；重新导入该预案后可改回。`, 'error');
    return ctx.plans[0].id;
  }

  function create() {
    commitLog();
    const c = ctx.current();
    const i = blank(c ? c.planId : ctx.plans[0].id);
    db.incidents.push(i);
    message('');
    open(i.id);
    $('info-title').focus();
  }

  function remove() {
    const i = cur();
    if (!i) return;
    if (!window.confirm(`确定删除事件“${(i.info.title || '').trim() || '未命名事件'}”吗？删除前可先导出保存。`)) return;
    db.incidents = db.incidents.filter((x) => x.id !== i.id);
    if (!db.incidents.length) db.incidents.push(blank(i.plan));
    message('已删除事件');
    open(db.incidents[0].id);
  }

  function fileName(i) {
    const c = china(i.created);
    const stamp = c ? `${c.y}${p2(c.mo)}${p2(c.d)}-${p2(c.h)}${p2(c.mi)}` : 'incident';
    const t = (i.info.title || '').trim().replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40);
    return `yingji-事件-${stamp}${t ? `-${t}` : ''}`;
  }

  function download(name, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el('a', { attrs: { href: url, download: name } });
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  function exportJson() {
    commitLog();
    const i = cur();
    if (!i) return;
    const file = { format: INCIDENT_FORMAT, version: INCIDENT_VERSION, exported: new Date().toISOString(), plan_title: titleOf(i.plan), incident: i };
    download(`${fileName(i)}.json`, `${JSON.stringify(file, null, 2)}\n`, 'application/json');
    message(`已导出：${fileName(i)}.json`);
  }

  function exportLogText() {
    commitLog();
    const i = cur();
    if (!i) return;
    const lines = [`事件记录 — ${(i.info.title || '').trim() || '未命名事件'}`, `预案：${titleOf(i.plan)}`, `创建：${fullTime(i.created)}`, ''];
    for (const e of i.log) lines.push(`${fullTime(e.t)}  [${LOG_KIND[e.kind] || e.kind}] ${e.text}`);
    download(`${fileName(i)}-记录.txt`, `${lines.join('\n')}\n`, 'text/plain;charset=utf-8');
  }

  async function importFile(file) {
    if (!file) return;
    let text;
    try {
      text = await file.text();
    } catch {
      message(`无法读取文件“${file.name}”，未导入，现有事件没有改动。`, 'error');
      return;
    }
    const r = parseIncidentFile(text, planIds());
    if (r.error) {
      message(`未导入“${file.name}”：${r.error}。现有事件没有改动。`, 'error');
      return;
    }
    commitLog();
    const inc = r.incident;
    if (db.incidents.some((x) => x.id === inc.id)) inc.id = newId();
    inc.log.push({ t: new Date().toISOString(), kind: 'import', text: `从文件“${file.name}”导入` });
    db.incidents.push(inc);
    message(`已导入“${file.name}”：${(inc.info.title || '').trim() || '未命名事件'}`);
    open(inc.id);
  }

  function setupBar() {
    buildInfoFields();
    $('incident').addEventListener('change', (e) => {
      message('');
      open(e.target.value);
    });
    $('incident-new').addEventListener('click', create);
    $('incident-delete').addEventListener('click', remove);
    $('incident-export').addEventListener('click', exportJson);
    $('log-export').addEventListener('click', exportLogText);
    $('incident-print').addEventListener('click', () => {
      commitLog();
      renderReport();
      window.print();
    });
    const file = $('incident-import');
    $('incident-import-btn').addEventListener('click', () => file.click());
    file.addEventListener('change', () => {
      const f = file.files && file.files[0];
      file.value = '';
      importFile(f);
    });
    // Whatever is still waiting to be logged goes in before the page goes away.
    window.addEventListener('pagehide', commitLog);
    document.addEventListener('visibilitychange', () => {
      if (document.hidden) commitLog();
    });
    setInterval(tick, 1000);
  }

  // ---- results: what changed, deadlines, checklist, the log, the printed report

  function renderChanges() {
    const box = $('changes');
    const i = cur();
    const ch = i && i.changes;
    box.hidden = !ch;
    box.replaceChildren();
    if (!ch) return;
    box.append(el('strong', { class: 'changes-time', text: `${clockText(ch.t)} 情况变化：` }));
    const ul = el('ul');
    for (const l of ch.lines) ul.append(el('li', { text: l }));
    box.append(ul);
  }

  const LOG_KIND = { create: '新建', fact: '情况', result: '研判', grade: '等级', level: '响应', tasks: '任务', tick: '勾选', untick: '取消勾选', note: '备注', report: '已报告', unreport: '撤销报告', info: '信息', import: '导入', plan: '预案' };

  function renderLog() {
    const ol = $('log');
    ol.replaceChildren();
    const i = cur();
    if (!i) return;
    for (const e of [...i.log].reverse()) {
      ol.append(
        el('li', { class: `log-entry log-${e.kind}`, data: { kind: e.kind } },
          el('time', { text: clockText(e.t, { seconds: true }), attrs: { datetime: e.t } }),
          el('span', { class: 'tag', text: LOG_KIND[e.kind] || e.kind }),
          el('span', { class: 'log-text', text: e.text })),
      );
    }
  }

  function taskKey(li) {
    const sec = li.closest('.task');
    const title = sec ? sec.querySelector('.task-title')?.textContent || '' : '';
    return `${sec ? sec.dataset.kind : ''}|${title}|${li.querySelector('.item-text')?.textContent || ''}`;
  }

  function decorateTasks() {
    const i = cur();
    let n = 0;
    for (const sec of document.querySelectorAll('#tasks .task')) {
      const items = [...sec.querySelectorAll('ul.items > li')];
      for (const li of items) {
        const key = taskKey(li);
        const id = `tick-${n++}`;
        const text = li.querySelector('.item-text')?.textContent || '';
        const box = el('input', { id, class: 'tick', attrs: { type: 'checkbox', 'aria-label': `完成：${text}` } });
        box.checked = !!(i && i.ticks[key]);
        box.dataset.key = key;
        li.classList.toggle('ticked', box.checked);
        li.classList.add('checkable');
        li.prepend(box);
        const when = el('span', { class: 'tick-time', text: box.checked ? `✔ ${clockText(i.ticks[key])}` : '' });
        li.append(when);
        const note = el('input', { class: 'item-note', attrs: { type: 'text', placeholder: '备注', 'aria-label': `备注：${text}` } });
        note.value = (i && i.notes[key]) || '';
        note.dataset.key = key;
        li.append(note);
      }
      updateCount(sec);
    }
  }

  function updateCount(sec) {
    const all = sec.querySelectorAll('input.tick').length;
    if (!all) return;
    const done = sec.querySelectorAll('input.tick:checked').length;
    let c = sec.querySelector('.task-count');
    if (!c) {
      c = el('span', { class: 'task-count' });
      sec.querySelector('h3')?.append(c);
    }
    c.textContent = `${done}/${all}`;
    sec.classList.toggle('all-done', done === all);
  }

  function onTaskInput(e) {
    const t = e.target;
    const i = cur();
    if (!i || !t.dataset || !t.dataset.key) return;
    const key = t.dataset.key;
    const text = key.split('|').slice(1).join(' · ');
    if (t.classList.contains('tick') && e.type === 'change') {
      flush();
      const li = t.closest('li');
      if (t.checked) {
        i.ticks[key] = new Date().toISOString();
        log('tick', text);
      } else {
        delete i.ticks[key];
        log('untick', text);
      }
      li.classList.toggle('ticked', t.checked);
      const w = li.querySelector('.tick-time');
      if (w) w.textContent = t.checked ? `✔ ${clockText(i.ticks[key])}` : '';
      updateCount(t.closest('.task'));
      persist();
      renderLog();
      renderReport();
    } else if (t.classList.contains('item-note')) {
      if (t.value) i.notes[key] = t.value;
      else delete i.notes[key];
      if (e.type === 'change') {
        flush();
        log('note', `${text}：${t.value || '（删除备注）'}`);
        renderLog();
      }
      persist();
      if (e.type === 'change') renderReport();
    }
  }

  function dueMs(li) {
    const t = Date.parse(li.dataset.due || '');
    return Number.isFinite(t) ? t : null;
  }

  function decorateDeadlines(out) {
    const i = cur();
    const ol = $('deadlines');
    const byId = new Map((out.deadlines || []).map((d) => [String(d.id), d]));
    const lis = [...ol.querySelectorAll('li.deadline')];
    for (const li of lis) {
      const d = byId.get(li.dataset.id) || {};
      if (d.due) li.dataset.due = d.due;
      const actions = el('div', { class: 'deadline-actions' });
      const cd = el('span', { class: 'countdown', attrs: { 'aria-live': 'off' } });
      actions.append(cd);
      const done = i && i.reports[li.dataset.id];
      if (done) {
        actions.append(el('span', { class: 'done-mark', text: `已报告 ${clockText(done)}` }));
        const undo = el('button', { class: 'undo-done', text: '撤销', attrs: { type: 'button', 'aria-label': `撤销已报告：${d.who || ''}→${d.to || ''}` } });
        actions.append(undo);
      } else {
        actions.append(el('button', { class: 'mark-done', text: '标记已报告', attrs: { type: 'button', 'aria-label': `标记已报告：${d.who || ''}→${d.to || ''}（${d.limit_text || ''}）` } }));
      }
      li.classList.toggle('done', !!done);
      const old = li.querySelector('.deadline-actions');
      if (old) old.replaceWith(actions);
      else li.querySelector('.deadline-body')?.append(actions);
    }
    // A timeline: due now first, then by clock time, then those waiting for a time to be entered.
    const rank = (li) => {
      const s = li.dataset.status;
      if (s === 'immediate') return [0, 0];
      const t = dueMs(li);
      if (t != null) return [1, t];
      return [2, 0];
    };
    lis.sort((a, b) => {
      const ra = rank(a);
      const rb = rank(b);
      return ra[0] - rb[0] || ra[1] - rb[1];
    });
    for (const li of lis) ol.append(li);
    tick();
  }

  function onDeadlineClick(e) {
    const btn = e.target.closest && e.target.closest('button.mark-done, button.undo-done');
    const i = cur();
    if (!btn || !i || !lastOut) return;
    const li = btn.closest('li.deadline');
    const id = li.dataset.id;
    const d = (lastOut.deadlines || []).find((x) => String(x.id) === id) || {};
    const what = `${d.who || ''} → ${d.to || ''}（${d.limit_text || ''}）${d.what ? `：${d.what}` : ''}`;
    flush();
    if (btn.classList.contains('mark-done')) {
      i.reports[id] = new Date().toISOString();
      log('report', what);
    } else {
      delete i.reports[id];
      log('unreport', what);
    }
    persist();
    decorateDeadlines(lastOut);
    const again = li.querySelector('button.mark-done, button.undo-done');
    if (again) again.focus();
    renderLog();
    renderReport();
  }

  /** Every second: the countdowns, and overdue the moment a clock passes. */
  function tick() {
    const now = Date.now();
    const i = cur();
    for (const li of document.querySelectorAll('#deadlines li.deadline')) {
      const cd = li.querySelector('.countdown');
      if (!cd) continue;
      const due = dueMs(li);
      const done = !!(i && i.reports[li.dataset.id]);
      let text = '';
      let over = false;
      if (due != null && !done) {
        over = now > due;
        text = over ? `已超时 ${hms(now - due)}` : `倒计时 ${hms(due - now)}`;
      } else if (li.dataset.status === 'immediate' && !done) {
        // A limit with no clock: "立即/及时" means now; others ("2个工作日内", "之后每日") are as written.
        const limit = li.querySelector('.limit')?.textContent || '';
        text = !limit || /^(立即|及时|第一时间|迅速|马上)/.test(limit) ? '应立即报告' : '按原文时限';
      }
      cd.textContent = text;
      li.classList.toggle('is-overdue', over);
    }
  }

  function decorateFields(out) {
    const byFact = new Map();
    for (const c of out.criteria || []) for (const f of c.facts || []) if (!byFact.has(f.id)) byFact.set(f.id, c);
    const c = ctx.current();
    for (const wrap of document.querySelectorAll('#fields .field.type-count, #fields .field.type-money')) {
      const id = wrap.dataset.fact;
      let hint = wrap.querySelector('.reach');
      if (!hint) {
        hint = el('p', { class: 'reach', id: `reach-${id}` });
        wrap.querySelector('.input-row')?.after(hint);
      }
      const raw = c.values[id];
      const crit = byFact.get(id);
      const parts = [];
      const n = Number(raw);
      if (raw != null && raw !== '' && Number.isFinite(n)) {
        if (wrap.classList.contains('type-money')) parts.push(`合 ${Math.round((n / 10000) * 10000) / 10000} 亿元`);
        if (crit) {
          const others = (crit.facts || []).filter((f) => f.id !== id);
          const grade = crit.grade ? `可达${crit.grade}` : '未达到分级标准';
          parts.push(others.length ? `与${others.map((f) => f.label).join('、')}合计 ${crit.value ?? ''}${crit.unit || ''}：${grade}` : `此项单独：${grade}`);
          hint.className = `reach reach-${crit.grade_rank || 0}`;
        }
      }
      hint.textContent = parts.join('；');
      hint.hidden = !parts.length;
    }
  }

  // ---- the written report (shown only when printed)

  function renderReport() {
    const box = $('report');
    if (!box) return;
    box.replaceChildren();
    const i = cur();
    const c = ctx.current();
    const out = lastOut;
    if (!i || !c || !out) return;
    const info = (k) => (i.info[k] || '').trim();
    box.append(el('h2', { text: `${info('title') || '突发事件'}（书面报告）` }));
    box.append(el('p', { class: 'report-plan', text: `依据：${titleOf(i.plan)}${c.schema?.plan?.doc_number ? `（${c.schema.plan.doc_number}）` : ''}` }));
    const dl = el('dl', { class: 'report-fields' });
    const row = (k, v, id) => dl.append(el('div', { data: { field: id } }, el('dt', { text: k }), el('dd', { text: v || '（未填写）' })));
    const inc = c.values.incident_time;
    row('事发时间', inc ? inc.replace('T', ' ') : '', 'time');
    row('事发地点', info('place'), 'place');
    row('事发单位及概况', info('unit'), 'unit');
    row('简要经过和现场情况', info('summary'), 'summary');
    // Casualties and loss: every count and money fact the plan asks for, as entered.
    const nums = [...c.facts.values()].filter((f) => f.type === 'count' || f.type === 'money');
    if (nums.length) row('伤亡人数和直接经济损失', nums.map((f) => `${f.label}：${c.values[f.id] != null ? factText(f, c.values[f.id]) : '未填'}`).join('；'), 'casualties');
    const others = [...c.facts.values()].filter((f) => !(f.type === 'count' || f.type === 'money') && f.id !== 'incident_time' && c.values[f.id] != null);
    if (others.length) row('其他情况', others.map((f) => `${f.label}：${factText(f, c.values[f.id])}`).join('；'), 'other');
    // What was typed, then the checklist items ticked done, with their time.
    const done = Object.entries(i.ticks)
      .sort((x, y) => x[1].localeCompare(y[1]))
      .map(([k, t]) => `${clockText(t)} ${k.split('|').slice(1).join('：')}`);
    row('已经采取的措施', [info('measures'), ...(done.length ? [`已落实的任务：${done.join('；')}`] : [])].filter(Boolean).join('\n'), 'measures');
    row('报告单位和报告人', info('reporter'), 'reporter');
    box.append(dl);

    const r = out.response;
    box.append(el('h3', { text: '研判结论' }));
    const g = el('dl', { class: 'report-fields' });
    const grow = (k, v, id) => g.append(el('div', { data: { field: id } }, el('dt', { text: k }), el('dd', { text: v })));
    const a = out.activation;
    if (a) {
      grow('预案性质', `支持性程序（不分级）：${a.summary}`, 'grade');
      grow('启动情况', a.started ? `已启动${a.name}` : `${a.name}尚未启动：${a.waiting}`, 'level');
      grow('提出 / 启动 / 指挥', [a.proposes, a.starts, a.commands].filter(Boolean).join(' / '), 'who');
    } else {
      grow('事故等级', out.grade ? `${out.grade}事故${(out.provisional || []).length ? '（暂定）' : ''}` : '未达到分级标准', 'grade');
      const basis = (out.grade_basis || []).map((b) => `${b.label} ${b.value ?? ''}${b.unit || ''}（${b.band}）`);
      if (basis.length) grow('定级依据', basis.join('；'), 'basis');
      grow('响应级别', r ? r.level : '未达到响应条件', 'level');
    }
    if (r) {
      grow('理由', (r.reasons || []).map((x) => `${x.level}：${x.text}${x.raised ? '（据此提高）' : ''}`).join('；'), 'reasons');
      grow('提出 / 启动 / 指挥', [r.proposes, r.starts, r.commands].filter(Boolean).join(' / '), 'who');
    }
    box.append(g);

    box.append(el('h3', { text: '报告时限' }));
    const dt = el('table', { class: 'report-table', id: 'report-deadlines' });
    dt.append(el('tr', {}, ...['报告单位', '报告对象', '内容', '时限', '应报时间', '状态'].map((h) => el('th', { text: h }))));
    for (const d of out.deadlines || []) {
      const done = i.reports[d.id];
      const overdue = !done && d.due && Date.parse(d.due) < Date.now();
      dt.append(el('tr', { data: { id: d.id } }, ...[d.who, d.to, d.what, d.limit_text, d.due ? fullTime(d.due) : d.due_display || '—', done ? `已报告 ${fullTime(done)}` : overdue ? '未报告，已超时' : '未报告'].map((x) => el('td', { text: x || '' }))));
    }
    box.append(dt);

    box.append(el('h3', { text: '任务落实情况' }));
    const tl = el('ul', { class: 'report-tasks', id: 'report-tasks' });
    for (const t of out.tasks || []) {
      const li = el('li', {}, el('strong', { text: t.title }), t.lead ? `（牵头：${t.lead}）` : '');
      const ul = el('ul');
      for (const it of t.items || []) {
        const key = `${t.kind}|${t.title}|${it.text}`;
        const when = i.ticks[key];
        const note = i.notes[key];
        ul.append(el('li', { class: when ? 'done' : 'open', text: `${when ? `☑ ${clockText(when)}` : '☐'} ${it.text}${note ? `（备注：${note}）` : ''}` }));
      }
      li.append(ul);
      tl.append(li);
    }
    box.append(tl);
    box.append(el('p', { class: 'report-foot', text: `打印时间：${fullTime(new Date().toISOString())}。结论由应急预案助手按预案原文研判，供参考，以预案原文和领导决定为准。` }));
  }

  // ---- hooks for app.js

  return {
    /** Loads (or starts) the incidents; returns the plan to show. `legacy` = {plan, values} of the old per-plan store. */
    start(legacy) {
      setupBar();
      if (!load()) {
        const plan = legacy && planIds().has(legacy.plan) ? legacy.plan : ctx.plans[0].id;
        const i = blank(plan);
        if (legacy && legacy.values && strMap(legacy.values)) Object.assign(i.values, legacy.values);
        db = { current: i.id, incidents: [i] };
        persist();
      }
      renderBar();
      renderChanges();
      renderLog();
      $('tasks').addEventListener('change', onTaskInput);
      $('tasks').addEventListener('input', onTaskInput);
      $('deadlines').addEventListener('click', onDeadlineClick);
      return availablePlan();
    },
    /** The raw values of the current incident for a plan's facts. */
    values(planId, facts) {
      const i = cur();
      const out = {};
      if (!i) return out;
      if (i.plan !== planId) {
        commitLog();
        log('plan', `预案改为《${titleOf(planId)}》`);
        i.plan = planId;
        i.changes = null;
        lastOut = null;
        persist();
        renderLog();
        renderChanges();
        const opt = $('incident').selectedOptions[0];
        if (opt) opt.textContent = optionText(i);
      }
      for (const [k, v] of Object.entries(i.values)) if (typeof v === 'string' && facts.has(k)) out[k] = v;
      return out;
    },
    /** Saves the current values (facts of other plans typed in this incident are kept). */
    saveValues(values, facts) {
      const i = cur();
      if (!i) return false;
      const next = {};
      for (const [k, v] of Object.entries(i.values)) if (!facts.has(k)) next[k] = v;
      Object.assign(next, values);
      if (JSON.stringify(next) !== JSON.stringify(i.values)) {
        i.values = next;
        scheduleLog();
      }
      return persist();
    },
    /** Called with every good result. */
    evaluated(out) {
      const first = !lastOut;
      lastOut = out;
      if (first && !(cur() && cur().logged && cur().logged.plan === cur().plan)) commitLog();
      else scheduleLog();
    },
    /** Called after the results are drawn: adds the controls and the printed report. */
    decorate(out) {
      lastOut = out;
      decorateFields(out);
      decorateDeadlines(out);
      decorateTasks(out);
      renderReport();
    },
  };
}
