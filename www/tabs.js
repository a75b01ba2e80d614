// @ts-check
// The result's tabs (报告时限 · 任务 · 预警 · 依据 · 通讯录 · 后期处置 · 事件记录): WAI-ARIA tabs with
// arrow-key navigation. Only the active panel is laid out (the others are `hidden`), and a panel that
// is hidden is not redrawn on each keystroke: its drawing waits, marked dirty, until its tab is shown.
// The chosen tab is kept here (the page's state for it), never read back from the DOM.

/**
 * The tab a key moves to among the tabs shown: ←/→ wrap around, Home/End go to the ends; null for
 * any other key. Pure (tested in tests/js/tabs.test.mjs).
 * @param {string[]} names the tabs shown, in order @param {string} current @param {string} key
 * @returns {string | null}
 */
export function tabAfter(names, current, key) {
  if (!names.length) return null;
  const i = Math.max(0, names.indexOf(current));
  if (key === 'ArrowRight' || key === 'ArrowDown') return names[(i + 1) % names.length];
  if (key === 'ArrowLeft' || key === 'ArrowUp') return names[(i - 1 + names.length) % names.length];
  if (key === 'Home') return names[0];
  if (key === 'End') return names[names.length - 1];
  return null;
}

/**
 * The tab to show when the chosen one is not offered (a plan without warnings): the chosen one when
 * it is offered, else the first. Pure.
 * @param {string[]} names @param {string} chosen
 */
export const tabShown = (names, chosen) => (names.includes(chosen) ? chosen : names[0] || chosen);

/**
 * Wires the tab list. `draw(name, fn)` runs `fn` now when `name` is the tab shown, else keeps the
 * latest `fn` for when it is shown (the panel is dirty). `offer(name, yes)` shows or hides a tab.
 * @param {HTMLElement} list the element with role=tablist; its buttons carry data-tab and aria-controls
 * @param {{onShow?: (name: string) => void, beforeShow?: () => void}} [opts] beforeShow: brings the
 *   state up to date before a tab is shown (a result still being drawn step by step)
 */
export function setupTabs(list, opts = {}) {
  const tabs = /** @type {HTMLButtonElement[]} */ ([...list.querySelectorAll('[role="tab"]')]);
  const byName = new Map(tabs.map((t) => [String(t.dataset.tab), t]));
  const paneOf = (/** @type {HTMLElement} */ t) => /** @type {HTMLElement} */ (document.getElementById(String(t.getAttribute('aria-controls'))));
  const state = { chosen: String(tabs[0]?.dataset.tab || ''), shown: String(tabs[0]?.dataset.tab || ''), offered: new Set(tabs.filter((t) => !t.hidden).map((t) => String(t.dataset.tab))) };
  /** @type {Map<string, () => void>} */
  const dirty = new Map();
  const names = () => tabs.map((t) => String(t.dataset.tab)).filter((n) => state.offered.has(n));

  function apply() {
    const shown = tabShown(names(), state.chosen);
    const changed = shown !== state.shown;
    state.shown = shown;
    for (const t of tabs) {
      const on = t.dataset.tab === shown;
      t.hidden = !state.offered.has(String(t.dataset.tab));
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      paneOf(t).hidden = !on;
    }
    flush(shown);
    if (changed && opts.onShow) opts.onShow(shown);
  }

  /** @param {string} name */
  function flush(name) {
    const fn = dirty.get(name);
    if (!fn) return;
    dirty.delete(name);
    fn();
  }

  /** @param {string} name @param {boolean} [focus] */
  function choose(name, focus = false) {
    if (!byName.has(name)) return;
    if (opts.beforeShow) opts.beforeShow();
    state.chosen = name;
    apply();
    if (focus) byName.get(state.shown)?.focus();
  }

  list.addEventListener('click', (e) => {
    const t = /** @type {HTMLElement} */ (e.target).closest('[role="tab"]');
    if (t instanceof HTMLElement && t.dataset.tab) choose(t.dataset.tab);
  });
  list.addEventListener('keydown', (e) => {
    const next = tabAfter(names(), state.shown, e.key);
    if (!next) return;
    e.preventDefault();
    choose(next, true);
  });
  apply();

  return {
    choose,
    /** The tab shown now. */
    shown: () => state.shown,
    /** @param {string} name @param {() => void} fn */
    draw(name, fn) {
      if (name === state.shown) {
        dirty.delete(name);
        fn();
      } else dirty.set(name, fn);
    },
    /** Whether a panel waits to be drawn. @param {string} name */
    isDirty: (name) => dirty.has(name),
    /** @param {string} name @param {boolean} yes */
    offer(name, yes) {
      if (state.offered.has(name) === yes) return;
      if (yes) state.offered.add(name);
      else state.offered.delete(name);
      apply();
    },
    /** Draws every dirty panel (before printing). */
    flushAll() {
      for (const name of [...dirty.keys()]) flush(name);
    },
  };
}
