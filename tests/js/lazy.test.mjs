// www/lazy.js: loaders run once, retried after a failure; a module used from synchronous code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { module, once } from '../../www/lazy.js';

test('once: one load for every call; a failed load is tried again on the next call', async () => {
  let calls = 0;
  let fail = true;
  const load = once(async () => {
    calls++;
    if (fail) throw new Error('网络中断');
    return { n: calls };
  });
  await assert.rejects(load(), /网络中断/);
  assert.equal(calls, 1);
  fail = false;
  const a = load();
  const b = load();
  assert.equal(a, b, 'the same promise while loading');
  assert.deepEqual(await a, { n: 2 });
  assert.deepEqual(await load(), { n: 2 });
  assert.equal(calls, 2, 'loaded once after the failure');
});

test('module: before the load the call waits for it; after, it runs at once (synchronously)', async () => {
  let loads = 0;
  const use = module(async () => ({ id: ++loads }));
  const seen = [];
  use((m) => seen.push(['first', m.id]));
  assert.deepEqual(seen, [], 'not loaded yet: nothing ran');
  await use.load();
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(seen, [['first', 1]]);
  use((m) => seen.push(['second', m.id]));
  assert.deepEqual(seen, [['first', 1], ['second', 1]], 'loaded: ran in the same turn');
  assert.equal(loads, 1);
});

test('module: a failed load runs nothing and is tried again on the next use', async () => {
  let fail = true;
  const use = module(async () => {
    if (fail) throw new Error('404');
    return 'ok';
  });
  const seen = [];
  use((m) => seen.push(m));
  await assert.rejects(use.load(), /404/);
  assert.deepEqual(seen, []);
  fail = false;
  use((m) => seen.push(m));
  await use.load();
  await new Promise((r) => setTimeout(r, 0));
  assert.deepEqual(seen, ['ok']);
});
