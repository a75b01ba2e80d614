// @ts-check
// Work put off until the browser has painted (issue 14 §5): a keystroke's own feedback (the box, what
// was understood, the error) is painted first; the evaluation and the panels run just after that
// paint, so the keystroke's frame is not held by the result. requestAnimationFrame runs before the
// frame's paint, so the work goes in a task queued from it (after the paint); a hidden tab has no
// frames, so a timer runs it anyway. Many keystrokes before one paint run the work once.

/**
 * @typedef {{raf?: (fn: () => void) => unknown, timeout?: (fn: () => void, ms: number) => unknown, fallbackMs?: number}} Clock
 */

/**
 * A scheduler for one piece of work: `schedule()` asks for it after the next paint (once, however
 * often asked), `flush()` runs it now if it is waiting (a reader that needs the state up to date),
 * `pending()` says whether it waits. The work never runs twice for one request.
 * @param {() => void} work @param {Clock} [clock] injected in tests
 */
export function afterPaint(work, clock = {}) {
  const raf = clock.raf || ((/** @type {() => void} */ fn) => requestAnimationFrame(fn));
  const timeout = clock.timeout || ((/** @type {() => void} */ fn, /** @type {number} */ ms) => setTimeout(fn, ms));
  const fallbackMs = clock.fallbackMs ?? 100;
  let waiting = false;
  let ticket = 0;
  const run = (/** @type {number} */ t) => {
    if (!waiting || t !== ticket) return;
    waiting = false;
    work();
  };
  return {
    schedule() {
      if (waiting) return;
      waiting = true;
      const t = ++ticket;
      raf(() => timeout(() => run(t), 0));
      timeout(() => run(t), fallbackMs);
    },
    flush() {
      if (waiting) run(ticket);
    },
    /** Forgets the request (the work is being done now by its caller). */
    cancel() {
      waiting = false;
    },
    pending: () => waiting,
  };
}

/** Resolves once the browser has had a chance to paint (a hidden tab, with no frames: after 50 ms). */
export const painted = () =>
  new Promise((done) => {
    requestAnimationFrame(() => setTimeout(done, 0));
    setTimeout(done, 50);
  });
