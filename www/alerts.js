// @ts-check
// Alerts you can trust: 10 minutes before a report is due (T-10) and the moment it becomes overdue,
// each once per deadline per kind, never for a report marked as made.
//
// `dueAlerts` is pure (deadlines, marks, now, what already fired → what to fire now; node tests in
// tests/js/alerts.test.mjs). `setupAlerts` is the thin effect layer: a short tone (WebAudio, no
// audio file), a desktop notification when the officer allowed it (asked only on a click of
// 「开启桌面提醒」), and always a visible in-page alert (role=alert) with the duty, the due time and the
// number to call, until 「知道了」. What fired is kept per incident in storage, so a reload does not
// fire a T-10 again.

import { callEl } from './contacts.js';
import { el } from './dom.js';
import { clockText } from './format.js';

/** How long before the due time the first alert fires. */
export const LEAD_MS = 10 * 60_000;
/** In-page alerts shown at once (newest first). */
const MAX_SHOWN = 2;
/** Fired keys kept per incident (oldest dropped first). */
const KEEP = 200;

/** @typedef {{id: string, due?: string | null, who?: string, to?: string, what?: string, limit_text?: string}} DeadlineLike */
/** @typedef {{key: string, kind: 'soon' | 'overdue', d: DeadlineLike, dueMs: number}} Alert */

/**
 * The key of one alert: the deadline, the kind and the due time (a due time that moves because a
 * fact changed is a new clock, with its own alerts).
 * @param {string} id @param {'soon' | 'overdue'} kind @param {number} dueMs
 */
export const alertKey = (id, kind, dueMs) => `${id}|${kind}|${new Date(dueMs).toISOString()}`;

/**
 * The alerts to fire now. A deadline with a clock time, not marked reported: «soon» once when it is
 * due within 10 minutes (not yet due), «overdue» once when the due time has passed. A deadline first
 * seen already overdue fires only «overdue».
 * @param {DeadlineLike[]} deadlines @param {Record<string, unknown>} reports deadline id → when marked
 * @param {number} nowMs @param {Set<string> | Record<string, unknown>} fired keys already fired
 * @returns {Alert[]}
 */
export function dueAlerts(deadlines, reports, nowMs, fired) {
  const has = (/** @type {string} */ k) => (fired instanceof Set ? fired.has(k) : Object.hasOwn(fired, k));
  /** @type {Alert[]} */
  const out = [];
  for (const d of deadlines || []) {
    if (!d || reports[d.id]) continue;
    const dueMs = Date.parse(d.due || '');
    if (!Number.isFinite(dueMs)) continue;
    /** @type {'soon' | 'overdue' | null} */
    const kind = nowMs > dueMs ? 'overdue' : dueMs - nowMs <= LEAD_MS ? 'soon' : null;
    if (!kind) continue;
    const key = alertKey(String(d.id), kind, dueMs);
    if (!has(key)) out.push({ key, kind, d, dueMs });
  }
  return out.sort((a, b) => a.dueMs - b.dueMs);
}

/**
 * The words of one alert: a title and a body, as the notification and the in-page alert show them.
 * @param {Alert} a @param {number} nowMs
 */
export function alertText(a, nowMs) {
  const { d } = a;
  const who = [d.who, d.to && `→ ${d.to}`].filter(Boolean).join(' ');
  const due = clockText(new Date(a.dueMs).toISOString(), nowMs);
  const left = Math.max(1, Math.ceil((a.dueMs - nowMs) / 60_000));
  const title = a.kind === 'soon' ? `报告时限还剩${left}分钟（${due}）` : `报告已超时（时限${due}）`;
  const body = `${who}${d.what ? `：${d.what}` : ''}${d.limit_text ? `（${d.limit_text}）` : ''}`;
  return { title, body, due };
}

/**
 * The alerts another tab of this page just fired (keys in `after` not in `before`) for deadlines
 * shown here and not marked: this tab shows them too, without a second tone or notification. Pure.
 * @param {string[]} before @param {string[]} after @param {DeadlineLike[]} deadlines @param {Record<string, unknown>} reports
 * @returns {Alert[]}
 */
export function firedElsewhere(before, after, deadlines, reports) {
  const had = new Set(before);
  /** @type {Alert[]} */
  const out = [];
  for (const key of after) {
    if (had.has(key)) continue;
    const parts = key.split('|');
    if (parts.length < 3) continue;
    const dueMs = Date.parse(/** @type {string} */ (parts.pop()));
    const kind = parts.pop();
    const id = parts.join('|');
    const d = (deadlines || []).find((x) => String(x.id) === id && Date.parse(x.due || '') === dueMs);
    if (d && !reports[id] && (kind === 'soon' || kind === 'overdue')) out.push({ key, kind, d, dueMs });
  }
  return out;
}

/**
 * Adds fired keys to an incident's list, oldest dropped past the limit. Pure.
 * @param {string[]} list @param {string[]} keys
 */
export function remember(list, keys) {
  const next = [...list.filter((k) => !keys.includes(k)), ...keys];
  return next.slice(Math.max(0, next.length - KEEP));
}

// ---------------------------------------------------------------------------------------------
// Effects

const STORE_KEY = 'alerts-fired';

/**
 * ctx: { store (storage.js), deadlines() → the current result's deadlines, reports() → the current
 * incident's marks, incident() → the current incident's id, anchor: the element the alert bar goes
 * before, notifyBox: where the 「开启桌面提醒」 button goes }
 * @param {{store: any, deadlines: () => DeadlineLike[], reports: () => Record<string, unknown>, incident: () => string,
 *   anchor: HTMLElement, notifyBox: HTMLElement}} ctx
 */
export function setupAlerts(ctx) {
  const bar = el('div', { class: 'alerts', id: 'alerts', attrs: { 'aria-label': '报告时限提醒' } });
  ctx.anchor.before(bar);
  setupNotifyButton(ctx.notifyBox);

  /** @returns {Record<string, string[]>} */
  const load = () => {
    try {
      const v = JSON.parse(ctx.store.get(STORE_KEY) || '{}');
      return v && typeof v === 'object' ? v : {};
    } catch {
      return {};
    }
  };

  // Another tab fired (it wrote first): the alert shows here too, so the tab in front always has it.
  let known = load();
  ctx.store.watch(STORE_KEY, (/** @type {string | null} */ raw) => {
    const id = ctx.incident();
    /** @type {Record<string, string[]>} */
    let next = {};
    try {
      next = JSON.parse(raw || '{}') || {};
    } catch {
      // unreadable: nothing to show
    }
    const theirs = firedElsewhere((known[id] || []), /** @type {any} */ (next)[id] || [], ctx.deadlines(), ctx.reports() || {});
    known = next;
    for (const a of theirs) show(bar, a, Date.now());
  });

  return {
    /** Every second: fires what is due. @param {number} nowMs */
    check(nowMs) {
      const id = ctx.incident();
      const list = ctx.deadlines();
      if (!id || !list.length) return;
      const all = load();
      const fired = new Set(all[id] || []);
      const now = dueAlerts(list, ctx.reports() || {}, nowMs, fired);
      if (!now.length) return;
      const keys = remember(all[id] || [], now.map((a) => a.key));
      delete all[id];
      // This incident last (most recent); only the 50 incidents alerted most recently are kept.
      const kept = Object.fromEntries([...Object.entries(all), [id, keys]].slice(-50));
      ctx.store.set(STORE_KEY, JSON.stringify(kept));
      known = kept;
      for (const a of now) show(bar, a, nowMs);
      beep(now.some((a) => a.kind === 'overdue'));
      for (const a of now) notify(a, nowMs);
    },
    /** Takes away the alerts of deadlines now marked reported (or gone). @param {Record<string, unknown>} reports */
    clearMarked(reports) {
      for (const n of /** @type {HTMLElement[]} */ ([...bar.children])) if (reports[n.dataset.deadline || '']) n.remove();
    },
  };
}

/** The in-page alert: always shown, whatever the sound or the notification did. One compact entry per
 * deadline (a newer alert replaces the older one of that deadline), newest first, at most MAX_SHOWN.
 * @param {HTMLElement} bar @param {Alert} a @param {number} nowMs */
function show(bar, a, nowMs) {
  const t = alertText(a, nowMs);
  const old = bar.querySelector(`[data-deadline="${CSS.escape(String(a.d.id))}"]`);
  if (old) old.remove();
  const box = el('div', { class: `alert alert-${a.kind}`, attrs: { role: 'alert' }, data: { deadline: a.d.id, kind: a.kind } });
  box.append(el('p', { class: 'alert-title' }, el('strong', { text: t.title })));
  box.append(el('p', { class: 'alert-body', text: t.body }));
  const call = callEl(a.d.to);
  if (call) box.append(el('p', { class: 'alert-call' }, call));
  const ok = el('button', { class: 'alert-dismiss', text: '知道了', attrs: { type: 'button', 'aria-label': `知道了：${t.title}` } });
  ok.addEventListener('click', () => box.remove());
  // Marked from the alert as from its row (the row's own button: one place records the mark).
  const row = () => /** @type {HTMLElement | null} */ (document.querySelector(`#deadlines li[data-id="${CSS.escape(String(a.d.id))}"] button.mark-done`));
  const mark = el('button', { class: 'alert-mark', text: '标记已报告', attrs: { type: 'button', 'aria-label': `标记已报告：${t.body}` } });
  mark.addEventListener('click', () => {
    row()?.click();
    box.remove();
  });
  box.append(ok, ' ', mark);
  bar.prepend(box);
  // The oldest go first: the deadline list, the title and the timeline still show every overdue report.
  while (bar.children.length > MAX_SHOWN) /** @type {Element} */ (bar.lastElementChild).remove();
}

/** 「开启桌面提醒」: asks for permission only when clicked; says where it stands. @param {HTMLElement} box */
function setupNotifyButton(box) {
  const N = typeof Notification === 'function' ? Notification : null;
  const wrap = el('p', { class: 'notify-setting' });
  const state = el('span', { class: 'hint notify-state' });
  const say = () => {
    const p = N ? N.permission : 'unsupported';
    btn.hidden = p !== 'default';
    state.textContent = { granted: '桌面提醒已开启：到期前10分钟和超时时提醒。', denied: '浏览器已禁止本页的桌面提醒：仍在页面内提醒并响铃。', unsupported: '本浏览器不支持桌面提醒：在页面内提醒并响铃。' }[p] || '开启后，到期前10分钟和超时时，即使本页不在前台也会提醒。';
  };
  const btn = el('button', { class: 'notify-enable', text: '开启桌面提醒', attrs: { type: 'button' } });
  btn.addEventListener('click', async () => {
    if (!N) return;
    try {
      await N.requestPermission();
    } catch {
      // an old browser without the promise form: the state below says what it is
    }
    say();
  });
  wrap.append(btn, ' ', state);
  box.before(wrap);
  say();
}

/** @param {Alert} a @param {number} nowMs */
function notify(a, nowMs) {
  if (typeof Notification !== 'function' || Notification.permission !== 'granted') return;
  const t = alertText(a, nowMs);
  try {
    new Notification(t.title, { body: t.body, tag: a.key, requireInteraction: a.kind === 'overdue' });
  } catch {
    // some browsers allow notifications only from a service worker: the in-page alert is shown anyway
  }
}

/** @type {AudioContext | null} */
let audio = null;

/**
 * The audio context, made at the first beep, not at the first key or click: making it costs ~60 ms at
 * 4× CPU throttle, which held the first keystrokes' paint (issue 14 §5). Browsers let a page sound
 * once the user has interacted with it (sticky activation), so a beep minutes later may start it;
 * before any interaction none is made (the in-page alert shows anyway, the next alert tries again).
 */
function audioContext() {
  if (audio) return audio;
  const A = window.AudioContext || /** @type {any} */ (window).webkitAudioContext;
  if (!A || navigator.userActivation?.hasBeenActive === false) return null;
  try {
    audio = new A();
  } catch {
    audio = null;
  }
  return audio;
}

/** A short tone: two beeps, three when overdue. @param {boolean} urgent */
function beep(urgent) {
  const sound = audioContext();
  if (!sound) return;
  try {
    if (sound.state === 'suspended') sound.resume();
    const t0 = sound.currentTime;
    for (let i = 0; i < (urgent ? 3 : 2); i++) {
      const osc = sound.createOscillator();
      const gain = sound.createGain();
      osc.type = 'sine';
      osc.frequency.value = urgent ? 880 : 660;
      gain.gain.setValueAtTime(0.0001, t0 + i * 0.3);
      gain.gain.exponentialRampToValueAtTime(0.2, t0 + i * 0.3 + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + i * 0.3 + 0.2);
      osc.connect(gain).connect(sound.destination);
      osc.start(t0 + i * 0.3);
      osc.stop(t0 + i * 0.3 + 0.22);
    }
  } catch {
    // no sound: the in-page alert is the fallback
  }
}
