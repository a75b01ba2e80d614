// @ts-check
// The page's one-second tick: whatever counts down (deadline rows, the cockpit, the alerts), the
// 北京时间 clock in the header, and the nearest deadline in the tab's title (so a deadline shows even
// when the tab is behind another).

import { china, p2 } from './format.js';
import { nextTitle } from './render-deadlines.js';

/**
 * Starts the tick and returns it, to be called at once when something it shows changed.
 * @param {((now: number) => void)[]} tickers
 */
export function startTicker(tickers) {
  const base = document.title;
  const clockBox = /** @type {HTMLElement} */ (document.getElementById('clock'));
  const everySecond = () => {
    const now = Date.now();
    for (const t of tickers) t(now);
    const c = /** @type {NonNullable<ReturnType<typeof china>>} */ (china(now));
    const clock = `北京时间 ${c.y}年${c.mo}月${c.d}日 ${p2(c.h)}:${p2(c.mi)}:${p2(c.s)}`;
    if (clockBox.textContent !== clock) clockBox.textContent = clock;
    const lead = nextTitle(now);
    const title = lead ? `${lead} · ${base}` : base;
    if (document.title !== title) document.title = title;
  };
  everySecond();
  setInterval(everySecond, 1000);
  return everySecond;
}
