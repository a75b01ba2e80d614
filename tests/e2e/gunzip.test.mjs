// www/gunzip.js: the single-file build's inflate fallback (for browsers without DecompressionStream)
// gives byte for byte what zlib gives, for every block type zlib writes, and refuses damaged input
// with an Error instead of returning wrong bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
import { gunzip, inflateGzip } from '../../www/gunzip.js';
import { ROOT } from './helpers.mjs';

/** Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced. */
function noise(n, seed = 7) {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const text = new TextEncoder().encode('特别重大事故 Ⅰ级响应 以上包括本数，'.repeat(3000));
const inputs = {
  empty: new Uint8Array(0),
  'one byte': Uint8Array.of(65),
  'repetitive text (long matches)': text,
  'noise (stored blocks)': noise(200_000),
  'noise and text mixed': Uint8Array.from([...noise(40_000, 3), ...text, ...noise(1000, 9)]),
};
const levels = { 'level 0 (stored)': 0, 'level 1': 1, 'level 9': 9, 'fixed codes only': 9 };

for (const [name, bytes] of Object.entries(inputs)) {
  for (const [how, level] of Object.entries(levels)) {
    test(`inflate matches zlib: ${name}, ${how}`, () => {
      const strategy = how === 'fixed codes only' ? constants.Z_FIXED : constants.Z_DEFAULT_STRATEGY;
      const gz = gzipSync(bytes, { level, strategy });
      assert.deepEqual(inflateGzip(gz), bytes);
    });
  }
}

test('inflate matches zlib on the built engine module', { skip: !existsSync(join(ROOT, 'pkg', 'yingji_bg.wasm')) }, async () => {
  const wasm = new Uint8Array(readFileSync(join(ROOT, 'pkg', 'yingji_bg.wasm')));
  const gz = gzipSync(wasm, { level: 9 });
  assert.deepEqual(inflateGzip(gz), wasm);
  // The browser path (DecompressionStream, also in Node) agrees.
  assert.deepEqual(await gunzip(gz), wasm);
});

test('damaged input is refused with a Chinese message, never returned', () => {
  const gz = gzipSync(text, { level: 9 });
  assert.throws(() => inflateGzip(gz.subarray(0, gz.length - 100)), /内嵌的 gzip 数据损坏/);
  assert.throws(() => inflateGzip(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18)), /不是 gzip 格式/);
  const wrongSize = Uint8Array.from(gz);
  wrongSize[wrongSize.length - 4] ^= 1; // the trailer's length
  assert.throws(() => inflateGzip(wrongSize), /内嵌的 gzip 数据损坏/);
  // Flipped bits in the middle: the Chinese error (not a RangeError or a hang), or bytes of exactly
  // the recorded length.
  for (let i = 20; i < gz.length - 8; i += 37) {
    const bad = Uint8Array.from(gz);
    bad[i] ^= 0x5a;
    let out = null;
    try {
      out = inflateGzip(bad);
    } catch (e) {
      assert.match(e.message, /内嵌的 gzip 数据损坏/);
    }
    if (out) assert.equal(out.length, text.length);
  }
});
