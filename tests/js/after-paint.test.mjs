// www/after-paint.js: a keystroke's evaluation waits for the paint (a frame, then a task), runs once
// however many keystrokes asked, runs at once on flush, and still runs without frames (a hidden tab).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterPaint } from '../../www/after-paint.js';

/** A hand-driven clock: frames and timers run only when the test says so. */
function fakeClock() {
  /** @type {(() => void)[]} */
  const frames = [];
  /** @type {{fn: () => void, ms: number}[]} */
  const timers = [];
  return {
    clock: { raf: (/** @type {() => void} */ fn) => frames.push(fn), timeout: (/** @type {() => void} */ fn, /** @type {number} */ ms) => timers.push({ fn, ms }), fallbackMs: 100 },
    frame: () => frames.splice(0).forEach((f) => f()),
    timers: (/** @type {number} */ upTo) => {
      const due = timers.filter((t) => t.ms <= upTo);
      for (const t of due) timers.splice(timers.indexOf(t), 1);
      due.forEach((t) => t.fn());
    },
  };
}

test('the work runs after the frame, in a task of its own, and once for many requests', () => {
  const c = fakeClock();
  let runs = 0;
  const w = afterPaint(() => runs++, c.clock);
  w.schedule();
  w.schedule();
  w.schedule();
  assert.equal(runs, 0, 'nothing runs in the event');
  assert.equal(w.pending(), true);
  c.timers(0);
  assert.equal(runs, 0, 'not before the frame has been painted');
  c.frame();
  assert.equal(runs, 0, 'not inside the frame (requestAnimationFrame runs before its paint)');
  c.timers(0);
  assert.equal(runs, 1);
  assert.equal(w.pending(), false);
  c.timers(100);
  assert.equal(runs, 1, 'the fallback timer of a request already served does nothing');
});

test('without frames (a hidden tab) the fallback timer runs it', () => {
  const c = fakeClock();
  let runs = 0;
  const w = afterPaint(() => runs++, c.clock);
  w.schedule();
  c.timers(99);
  assert.equal(runs, 0);
  c.timers(100);
  assert.equal(runs, 1);
});

test('flush runs the waiting work now, only if it waits; cancel forgets it', () => {
  const c = fakeClock();
  let runs = 0;
  const w = afterPaint(() => runs++, c.clock);
  w.flush();
  assert.equal(runs, 0, 'nothing waits: nothing runs');
  w.schedule();
  w.flush();
  assert.equal(runs, 1);
  c.frame();
  c.timers(100);
  assert.equal(runs, 1, 'the flushed request does not run again');
  w.schedule();
  w.cancel();
  c.frame();
  c.timers(100);
  assert.equal(runs, 1, 'a cancelled request does not run');
  w.schedule();
  c.frame();
  c.timers(0);
  assert.equal(runs, 2, 'a new request after a cancel runs');
});
