#!/usr/bin/env node
/**
 * Draws the add-in's icons (a register table on Excel green) and writes them as PNG files into assets/:
 * icon-16/32/64/80.png for the manifest and logo-filled.png (300 px) for the README and help page.
 * Pure Node (zlib), so the icons are reproducible: `node scripts/make-icons.cjs`.
 */
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

const GREEN = [33, 115, 70];
const DARK_GREEN = [16, 80, 46];
const WHITE = [255, 255, 255];
const LIGHT = [214, 236, 222];

/** Colour of a point in the unit square [0,1]² or null when outside the shape. */
function shade(x, y) {
  const radius = 0.16;
  const dx = Math.max(radius - x, 0, x - (1 - radius));
  const dy = Math.max(radius - y, 0, y - (1 - radius));
  if (dx * dx + dy * dy > radius * radius) return null;
  // The sheet: a white table inset in the green tile, a header band and grid lines.
  const left = 0.18, right = 0.82, top = 0.2, bottom = 0.82;
  if (x >= left && x <= right && y >= top && y <= bottom) {
    const line = 0.045;
    const headerBottom = top + 0.17;
    if (y <= headerBottom) return DARK_GREEN;
    const rowHeight = (bottom - headerBottom) / 3;
    const inRowLine = ((y - headerBottom) % rowHeight) < line && y > headerBottom + line;
    const firstColumnEdge = left + 0.2;
    const inColumnLine = Math.abs(x - firstColumnEdge) < line / 2;
    if (inRowLine || inColumnLine) return GREEN;
    return x < firstColumnEdge ? LIGHT : WHITE;
  }
  return GREEN;
}

function renderRgba(size) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, covered = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0]; g += colour[1]; b += colour[2]; covered++;
        }
      }
      const offset = (py * size + px) * 4;
      if (covered > 0) {
        pixels[offset] = Math.round(r / covered);
        pixels[offset + 1] = Math.round(g / covered);
        pixels[offset + 2] = Math.round(b / covered);
      }
      pixels[offset + 3] = Math.round((covered / (samples * samples)) * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const outputDir = path.join(__dirname, "..", "assets");
fs.mkdirSync(outputDir, { recursive: true });
const files = [
  ["icon-16.png", 16],
  ["icon-32.png", 32],
  ["icon-64.png", 64],
  ["icon-80.png", 80],
  ["logo-filled.png", 300],
];
for (const [name, size] of files) {
  fs.writeFileSync(path.join(outputDir, name), encodePng(size, renderRgba(size)));
  console.log(`assets/${name} ${size}×${size}`);
}
