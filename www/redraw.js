// @ts-check
// When a result is drawn (issue 14 §5). After a keystroke in a text box, the evaluation and the first
// screen (the banner: grade, level, who decides; the cockpit: the next report due, whom to call) are
// drawn in the frames just after the keystroke's own paint; the lists (the deadlines and their
// picture, the tab shown, the written report) once typing has paused for PAUSE_MS. Redrawing a
// ten-row list for each digit of «12» is work nobody reads, and it was what held the next keystroke.
// A choice, a click or a plan switch draws the lists right after the first screen. Every step runs in
// a frame of its own (after-paint.js `phases`).

import { phases } from './after-paint.js';

/** How long typing must pause before the lists follow it. */
export const PAUSE_MS = 300;

/**
 * @param {{first: (() => void)[], lists: (() => void)[], clock?: import('./after-paint.js').Clock, pauseMs?: number}} o
 *   `first`: the evaluation and the first screen; `lists`: the rest, the last of which says the result is drawn
 */
export function redrawer(o) {
  const timeout = o.clock?.timeout || ((/** @type {() => void} */ fn, /** @type {number} */ ms) => setTimeout(fn, ms));
  const pauseMs = o.pauseMs ?? PAUSE_MS;
  const lists = phases(o.lists, o.clock);
  let typing = false;
  let pause = 0; // the pause being waited for (a later keystroke starts a new one)
  let waiting = false;
  const afterFirst = () => {
    if (!typing) return lists.schedule();
    const p = ++pause;
    waiting = true;
    timeout(() => {
      if (p !== pause || !waiting) return;
      waiting = false;
      lists.schedule();
    }, pauseMs);
  };
  const last = o.first[o.first.length - 1];
  const first = phases([
    ...o.first.slice(0, -1),
    () => {
      last();
      afterFirst();
    },
  ], o.clock);
  const stopLists = () => {
    waiting = false;
    pause++;
    lists.cancel();
  };
  return {
    /** A new result to draw. @param {boolean} typed a keystroke in a text box: the lists wait for a pause */
    schedule(typed) {
      typing = typed;
      stopLists();
      first.schedule();
    },
    /**
     * Draws now what waits: everything (the page is left, printed, a tab is shown), or with `upTo` only
     * the first steps before it (1: the evaluation, for a reader of the state).
     * @param {number} [upTo]
     */
    flush(upTo) {
      if (upTo !== undefined) return first.flush(upTo);
      first.flush();
      if (waiting) {
        stopLists();
        lists.schedule();
      }
      lists.flush();
    },
    /** The evaluation and the first screen now (the start); the lists after the next paint, as scheduled. */
    firstNow: () => first.flush(),
    cancel() {
      first.cancel();
      stopLists();
    },
    pending: () => first.pending() || waiting || lists.pending(),
  };
}
