// @ts-check
// The single-file build (tools/single-file.mjs) carries its two .wasm modules gzip-compressed and then
// base64-encoded: 0.32 × the bytes of plain base64, for a file that is e-mailed and opened from disk,
// where no HTTP compression applies. Only that build loads this file.
//
// The browser's DecompressionStream does the work where it exists (Chromium 80, Firefox 113,
// Safari 16.4); older Firefox ESR builds on domestic desktops lack it, so a small inflate (RFC 1951,
// in a gzip wrapper, RFC 1952) is the fallback. It trusts no length it reads: corrupt input ends in
// an Error, never a hang or an out-of-bounds write. Integrity is the page's CSP hash of the script
// that holds the bytes, so no CRC is checked here.

/** The single file's inlined text (base64 of gzip) → the .wasm bytes. */
export async function unpack(base64) {
  return gunzip(fromBase64(base64));
}

function fromBase64(b64) {
  const U8 = /** @type {any} */ (Uint8Array); // fromBase64: ES2026, not yet in TypeScript's lib
  if (typeof U8.fromBase64 === 'function') return U8.fromBase64(b64);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** gzip bytes → the bytes they hold. */
export async function gunzip(bytes) {
  if (typeof DecompressionStream === 'function') {
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }
  return inflateGzip(bytes);
}

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CODE_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

const corrupt = (why) => new Error(`内嵌的 gzip 数据损坏：${why}`);

/** Canonical Huffman code from code lengths: symbols by length, then by value (as in zlib's puff). */
function huffman(lengths) {
  const count = new Uint16Array(16);
  for (const l of lengths) count[l] += 1;
  count[0] = 0;
  const offset = new Uint16Array(16);
  for (let len = 1; len < 15; len += 1) offset[len + 1] = offset[len] + count[len];
  const symbol = new Uint16Array(lengths.length);
  lengths.forEach((l, s) => {
    if (l) symbol[offset[l]++] = s;
  });
  return { count, symbol };
}

const FIXED_LIT = huffman(Array.from({ length: 288 }, (_, s) => (s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8)));
const FIXED_DIST = huffman(new Array(30).fill(5));

/** A gzip member (header, raw deflate data, trailer) → its content. */
export function inflateGzip(b) {
  if (b.length < 18 || b[0] !== 0x1f || b[1] !== 0x8b || b[2] !== 8) throw corrupt('不是 gzip 格式');
  const flags = b[3];
  let p = 10;
  if (flags & 4) p += 2 + (b[p] | (b[p + 1] << 8)); // FEXTRA
  if (flags & 8) while (p < b.length && b[p++]); // FNAME
  if (flags & 16) while (p < b.length && b[p++]); // FCOMMENT
  if (flags & 2) p += 2; // FHCRC
  const n = b.length;
  const size = (b[n - 4] | (b[n - 3] << 8) | (b[n - 2] << 16) | (b[n - 1] << 24)) >>> 0;
  const out = inflateRaw(b.subarray(p, n - 8), size);
  if (out.length !== size) throw corrupt(`长度应为 ${size} 字节，实得 ${out.length}`);
  return out;
}

/** Raw deflate data → its content; `size` (from the gzip trailer) sizes the output once. */
function inflateRaw(src, size) {
  const out = new Uint8Array(size);
  let o = 0;
  let pos = 0;
  let bitBuf = 0;
  let bitCount = 0;
  const bits = (n) => {
    while (bitCount < n) {
      if (pos >= src.length) throw corrupt('数据不完整');
      bitBuf |= src[pos++] << bitCount;
      bitCount += 8;
    }
    const v = bitBuf & ((1 << n) - 1);
    bitBuf >>>= n;
    bitCount -= n;
    return v;
  };
  const room = (k) => {
    if (o + k > size) throw corrupt('内容比记录的长度长');
  };
  const decode = (h) => {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len < 16; len += 1) {
      code |= bits(1);
      const count = h.count[len];
      if (code - count < first) return h.symbol[index + (code - first)];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw corrupt('无效的霍夫曼编码');
  };

  let last = 0;
  while (!last) {
    last = bits(1);
    const type = bits(2);
    if (type === 0) {
      // Stored: the rest of the current byte is padding (fewer than 8 bits are ever buffered).
      bitBuf = 0;
      bitCount = 0;
      if (pos + 4 > src.length) throw corrupt('数据不完整');
      const len = src[pos] | (src[pos + 1] << 8);
      if (len !== (~(src[pos + 2] | (src[pos + 3] << 8)) & 0xffff)) throw corrupt('存储块长度不符');
      pos += 4;
      if (pos + len > src.length) throw corrupt('数据不完整');
      room(len);
      out.set(src.subarray(pos, pos + len), o);
      o += len;
      pos += len;
      continue;
    }
    let lit = FIXED_LIT;
    let dist = FIXED_DIST;
    if (type === 2) {
      const nLit = bits(5) + 257;
      const nDist = bits(5) + 1;
      const nCode = bits(4) + 4;
      if (nLit > 286 || nDist > 30) throw corrupt('码表过长');
      const codeLengths = new Uint8Array(19);
      for (let i = 0; i < nCode; i += 1) codeLengths[CODE_ORDER[i]] = bits(3);
      const lenCode = huffman(codeLengths);
      const lengths = new Uint8Array(nLit + nDist);
      for (let i = 0; i < lengths.length; ) {
        const sym = decode(lenCode);
        if (sym < 16) {
          lengths[i++] = sym;
          continue;
        }
        let value = 0;
        let repeat;
        if (sym === 16) {
          if (i === 0) throw corrupt('重复码无前值');
          value = lengths[i - 1];
          repeat = 3 + bits(2);
        } else repeat = sym === 17 ? 3 + bits(3) : 11 + bits(7);
        if (i + repeat > lengths.length) throw corrupt('码长越界');
        lengths.fill(value, i, i + repeat);
        i += repeat;
      }
      lit = huffman(lengths.subarray(0, nLit));
      dist = huffman(lengths.subarray(nLit));
    } else if (type !== 1) throw corrupt('无效的块类型');

    for (;;) {
      let sym = decode(lit);
      if (sym < 256) {
        room(1);
        out[o++] = sym;
      } else if (sym === 256) break;
      else {
        sym -= 257;
        if (sym >= 29) throw corrupt('无效的长度码');
        const len = LEN_BASE[sym] + bits(LEN_EXTRA[sym]);
        const d = decode(dist);
        if (d >= 30) throw corrupt('无效的距离码');
        const back = DIST_BASE[d] + bits(DIST_EXTRA[d]);
        if (back > o) throw corrupt('距离超出已解出的数据');
        room(len);
        for (let k = 0; k < len; k += 1, o += 1) out[o] = out[o - back];
      }
    }
  }
  return out.subarray(0, o);
}
