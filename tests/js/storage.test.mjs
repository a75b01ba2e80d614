// www/storage.js: a write says whether it worked and why not (full or unavailable), never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PREFIX, createStore } from '../../www/storage.js';

const fake = (setItem) => {
  const m = new Map();
  return { getItem: (k) => (m.has(k) ? m.get(k) : null), setItem: setItem || ((k, v) => m.set(k, v)), removeItem: (k) => m.delete(k), m };
};

test('writes and reads under the page prefix', () => {
  const f = fake();
  const s = createStore(() => f);
  assert.equal(s.set('a', '1'), '');
  assert.equal(f.m.get(`${PREFIX}a`), '1');
  assert.equal(s.get('a'), '1');
  s.remove('a');
  assert.equal(s.get('a'), null);
});

test('full and unavailable storage are told apart; nothing throws', () => {
  const full = createStore(() => fake(() => {
    throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
  }));
  assert.equal(full.set('a', '1'), 'full');
  const denied = createStore(() => {
    throw new Error('SecurityError');
  });
  assert.equal(denied.set('a', '1'), 'unavailable');
  assert.equal(denied.get('a'), null);
  denied.remove('a');
});
