// @ts-check
// Work put off until the browser has painted (issue 14 §5): a keystroke's own feedback (the box, what
// was understood, the error) is painted first; the evaluation and the panels run after that paint, in
// steps, one per frame, so that no frame holds the next keystroke long. requestAnimationFrame runs
// before the frame's paint, so each step goes in a task queued from it (after the paint); a hidden tab
// has no frames, so a timer runs it anyway. Many keystrokes before one paint run the work once.

/**
 * @typedef {{raf?: (fn: () => void) => unknown, timeout?: (fn: () => void, ms: number) => unknown, fallbackMs?: number, inputPending?: () => boolean}} Clock
 */

/** Chromium says when input waits to be handled: a step then yields to it first (elsewhere: never). */
const browserInputPending = () => {
  const s = /** @type {any} */ (globalThis.navigator)?.scheduling;
  return !!(s && typeof s.isInputPending === 'function' && s.isInputPending());
};

/**
 * Steps run one per painted frame: `schedule()` (re)starts them from the first, after the next paint
 * (once, however often asked: a new request while steps remain starts again from the first, since
 * they draw the newest state); `flush()` runs what remains now (a reader that needs everything up to
 * date), `flush(k)` only the steps before step k; `cancel()` forgets what remains; `pending()` says whether any step waits. A step never runs
 * twice for one request. A step about to run while input waits lets the input go first (at most
 * three times in a row, so steps cannot starve).
 * @param {(() => void)[]} steps @param {Clock} [clock] injected in tests
 */
export function phases(steps, clock = {}) {
  const raf = clock.raf || ((/** @type {() => void} */ fn) => requestAnimationFrame(fn));
  const timeout = clock.timeout || ((/** @type {() => void} */ fn, /** @type {number} */ ms) => setTimeout(fn, ms));
  const fallbackMs = clock.fallbackMs ?? 100;
  const inputPending = clock.inputPending || browserInputPending;
  let next = steps.length; // the step to run next; steps.length: nothing waits
  let ticket = 0;
  let yielded = 0;
  const queue = () => {
    const t = ++ticket;
    raf(() => timeout(() => run(t), 0));
    timeout(() => run(t), fallbackMs);
  };
  const run = (/** @type {number} */ t) => {
    if (t !== ticket || next >= steps.length) return;
    if (yielded < 3 && inputPending()) {
      yielded++;
      const again = ++ticket;
      timeout(() => run(again), 0);
      return;
    }
    yielded = 0;
    steps[next++]();
    if (next < steps.length) queue();
  };
  return {
    /** @param {number} [from] the first step to run (0: all; the caller ran those before it) */
    schedule(from = 0) {
      if (next === from && from === 0) return; // the first step already waits for the paint
      next = from;
      if (next < steps.length) queue();
    },
    /**
     * Runs the waiting steps before `upTo` now (all by default); the steps after it stay queued.
     * @param {number} [upTo]
     */
    flush(upTo = steps.length) {
      while (next < Math.min(upTo, steps.length)) steps[next++]();
    },
    cancel() {
      ticket++;
      next = steps.length;
    },
    pending: () => next < steps.length,
  };
}

/**
 * One piece of work after the next paint: `schedule()` asks for it (once, however often asked),
 * `flush()` runs it now if it is waiting, `cancel()` forgets it, `pending()` says whether it waits.
 * @param {() => void} work @param {Clock} [clock] injected in tests
 */
export const afterPaint = (work, clock) => phases([work], clock);

/** Resolves once the browser has had a chance to paint (a hidden tab, with no frames: after 50 ms). */
export const painted = () =>
  new Promise((done) => {
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 50);
  });
