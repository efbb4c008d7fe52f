import * as zlib from 'node:zlib';

/** The CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) of every byte value, for the table-driven fallback. */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let bit = 0; bit < 8; bit++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of `bytes`, continuing from `previous` (0 to start), a byte at a time through the table. */
export function tableCrc32(bytes: Uint8Array, previous = 0): number {
  let c = ~previous;
  for (const byte of bytes) c = (TABLE[(c ^ byte) & 0xff] as number) ^ (c >>> 8);
  return ~c >>> 0;
}

/**
 * zlib's own CRC-32 where the running Node has it (20.15 and 22.2 on), which
 * is many times faster; `engines` allows any Node 20, so older ones get the
 * table. Both continue from `previous`, so a stream is summed chunk by chunk.
 */
export const crc32: (bytes: Uint8Array, previous?: number) => number =
  typeof zlib.crc32 === 'function' ? (bytes, previous = 0) => zlib.crc32(bytes, previous) : tableCrc32;
