#!/usr/bin/env node
// Draws the app icons for the web app manifest (www/manifest.webmanifest) as PNG, with no dependency
// and no network: the favicon's design (www/favicon.svg: a red rounded square, a white warning
// triangle, a red exclamation mark) rasterised here with 4×4 supersampling, written with node:zlib.
//
//   node tools/make-icons.mjs      → www/icons/icon-192.png, icon-512.png, maskable-192.png, maskable-512.png
//
// The "any" icons keep the favicon's rounded corners (transparent outside them); the maskable ones
// fill the whole square with the red and draw the triangle inside the central 80% circle, the safe
// zone a platform's mask never cuts. The PNGs are committed; run this again after changing the design.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const RED = [0xb7, 0x1c, 0x1c];
const WHITE = [0xff, 0xff, 0xff];

/** The favicon in its 32×32 coordinates: the colour at (x, y), or null outside the icon. */
function favicon(x, y, maskable) {
  if (!maskable) {
    // rect rx=6
    const r = 6;
    const cx = Math.min(Math.max(x, r), 32 - r);
    const cy = Math.min(Math.max(y, r), 32 - r);
    if (x < 0 || y < 0 || x > 32 || y > 32 || (x - cx) ** 2 + (y - cy) ** 2 > r * r) return null;
  }
  // Maskable: the same drawing scaled to 70% about the centre, so the triangle stays in the safe zone.
  if (maskable) {
    x = 16 + (x - 16) / 0.7;
    y = 16 + (y - 16) / 0.7;
  }
  // Exclamation mark: the bar x 15..17, y 12..19 and the dot y 20.5..22.5.
  if (x >= 15 && x <= 17 && ((y >= 12 && y <= 19) || (y >= 20.5 && y <= 22.5))) return RED;
  // Triangle M16 6 l10 18 H6 z: apex (16, 6), base y = 24 from x 6 to 26.
  if (y >= 6 && y <= 24 && Math.abs(x - 16) <= ((y - 6) * 10) / 18) return WHITE;
  return RED;
}

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** An RGBA PNG of `size`×`size` pixels. */
export function png(size, maskable) {
  const S = 4; // samples per pixel side
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let py = 0; py < size; py++) {
    raw[py * (size * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = favicon(((px + (sx + 0.5) / S) * 32) / size, ((py + (sy + 0.5) / S) * 32) / size, maskable);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = py * (size * 4 + 1) + 1 + px * 4;
      // Colour averaged over the covered samples (no dark fringe at the transparent corners).
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((a * 255) / (S * S));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const dir = fileURLToPath(new URL('../www/icons/', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const size of [192, 512]) {
  writeFileSync(`${dir}icon-${size}.png`, png(size, false));
  writeFileSync(`${dir}maskable-${size}.png`, png(size, true));
}
process.stderr.write('[icons] www/icons/{icon,maskable}-{192,512}.png\n');
