// www/after-paint.js: a keystroke's evaluation waits for the paint (a frame, then a task), runs once
// however many keystrokes asked, runs at once on flush, and still runs without frames (a hidden tab).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { afterPaint, phases } from '../../www/after-paint.js';
import { redrawer } from '../../www/redraw.js';

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

test('steps run one per painted frame; a new request starts again from the first', () => {
  const c = fakeClock();
  /** @type {string[]} */
  const ran = [];
  const w = phases(['a', 'b', 'c'].map((n) => () => ran.push(n)), c.clock);
  w.schedule();
  c.frame();
  c.timers(0);
  assert.deepEqual(ran, ['a'], 'one step per frame');
  c.frame();
  c.timers(0);
  assert.deepEqual(ran, ['a', 'b']);
  w.schedule(); // a keystroke before the last step: the newest state is drawn from the first step
  c.frame();
  c.timers(0);
  assert.deepEqual(ran, ['a', 'b', 'a']);
  c.frame();
  c.timers(0);
  c.frame();
  c.timers(0);
  assert.deepEqual(ran, ['a', 'b', 'a', 'b', 'c']);
  assert.equal(w.pending(), false);
  c.frame();
  c.timers(100);
  assert.deepEqual(ran, ['a', 'b', 'a', 'b', 'c'], 'nothing more');
});

test('flush(k) runs only the steps before k now; the rest keep their frames', () => {
  const c = fakeClock();
  /** @type {string[]} */
  const ran = [];
  const w = phases(['a', 'b', 'c'].map((n) => () => ran.push(n)), c.clock);
  w.schedule();
  w.flush(1);
  assert.deepEqual(ran, ['a'], 'the first step (the evaluation) at once');
  w.flush(1);
  assert.deepEqual(ran, ['a'], 'not twice');
  c.frame();
  c.timers(0);
  assert.deepEqual(ran, ['a', 'b'], 'the next step after the paint');
  w.flush();
  assert.deepEqual(ran, ['a', 'b', 'c']);
  c.frame();
  c.timers(100);
  assert.deepEqual(ran, ['a', 'b', 'c'], 'the flushed steps do not run again');
});

test('a step waits while input is pending, but not more than three times in a row', () => {
  const c = fakeClock();
  let pending = true;
  let runs = 0;
  const w = phases([() => runs++], { ...c.clock, inputPending: () => pending });
  w.schedule();
  c.frame();
  c.timers(0);
  assert.equal(runs, 0, 'the input goes first');
  c.timers(0);
  c.timers(0);
  assert.equal(runs, 0);
  c.timers(0);
  assert.equal(runs, 1, 'after three yields the step runs anyway');
  pending = false;
  w.schedule();
  c.frame();
  c.timers(0);
  assert.equal(runs, 2, 'no input: no wait');
});

// www/redraw.js: a keystroke's first screen follows it frame by frame; its lists wait for a pause.
const PAUSE = 300;
function drawing(c) {
  c.clock.fallbackMs = 10_000; // the hidden-tab timer out of the way: frames drive the steps here
  /** @type {string[]} */
  const ran = [];
  const step = (/** @type {string} */ n) => () => ran.push(n);
  const r = redrawer({ first: [step('eval'), step('cockpit')], lists: [step('deadlines'), step('done')], clock: c.clock, pauseMs: PAUSE });
  const frame = () => {
    c.frame();
    c.timers(0);
  };
  return { r, ran, frame };
}

test('typing: the first screen in the frames after the keystroke, the lists only after a pause', () => {
  const c = fakeClock();
  const { r, ran, frame } = drawing(c);
  r.schedule(true);
  frame();
  frame();
  assert.deepEqual(ran, ['eval', 'cockpit']);
  frame();
  c.timers(PAUSE - 1);
  assert.deepEqual(ran, ['eval', 'cockpit'], 'no list before the pause');
  r.schedule(true); // the next keystroke
  c.timers(PAUSE);
  assert.deepEqual(ran, ['eval', 'cockpit'], "the first keystroke's pause is void");
  frame();
  frame();
  assert.deepEqual(ran, ['eval', 'cockpit', 'eval', 'cockpit']);
  assert.equal(r.pending(), true, 'the lists still wait');
  c.timers(PAUSE);
  frame();
  assert.deepEqual(ran.slice(4), ['deadlines']);
  frame();
  assert.deepEqual(ran.slice(4), ['deadlines', 'done']);
  assert.equal(r.pending(), false);
});

test('a choice or a switch: the lists right after the first screen; a keystroke mid-way stops them', () => {
  const c = fakeClock();
  const { r, ran, frame } = drawing(c);
  r.schedule(false);
  frame();
  frame();
  frame();
  assert.deepEqual(ran, ['eval', 'cockpit', 'deadlines']);
  r.schedule(true);
  frame();
  frame();
  frame();
  assert.deepEqual(ran, ['eval', 'cockpit', 'deadlines', 'eval', 'cockpit'], 'the old lists did not go on');
});

test('flush draws everything now, the waiting lists too; flush(1) only evaluates', () => {
  const c = fakeClock();
  const { r, ran } = drawing(c);
  r.schedule(true);
  r.flush(1);
  assert.deepEqual(ran, ['eval']);
  r.flush();
  assert.deepEqual(ran, ['eval', 'cockpit', 'deadlines', 'done']);
  assert.equal(r.pending(), false);
  c.frame();
  c.timers(PAUSE);
  c.frame();
  c.timers(0);
  assert.deepEqual(ran, ['eval', 'cockpit', 'deadlines', 'done'], 'nothing runs twice');
});

test('firstNow (the start): the first screen now, its lists after the next paint', () => {
  const c = fakeClock();
  const { r, ran, frame } = drawing(c);
  r.schedule(false);
  r.firstNow();
  assert.deepEqual(ran, ['eval', 'cockpit']);
  assert.equal(r.pending(), true, 'the lists wait for the paint');
  c.timers(0);
  assert.deepEqual(ran, ['eval', 'cockpit'], 'not before a frame');
  frame();
  assert.deepEqual(ran, ['eval', 'cockpit', 'deadlines']);
  frame();
  assert.deepEqual(ran, ['eval', 'cockpit', 'deadlines', 'done']);
  assert.equal(r.pending(), false);
});
