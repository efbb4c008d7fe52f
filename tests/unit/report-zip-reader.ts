import { crc32, inflateRawSync } from 'node:zlib';

/**
 * A small ZIP reader for tests: finds the end-of-central-directory record,
 * walks the central directory and inflates each entry, so a test can show
 * that a DOCX is a valid archive and read its XML. Each entry's CRC-32 is
 * checked with zlib's own, and where the local header defers its sizes to a
 * data descriptor, that descriptor must follow the data and agree with the
 * central directory. Throws on anything else.
 */
export function readZip(bytes: Buffer): Map<string, Buffer> {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < entries; i++) {
    if (bytes.readUInt32LE(offset) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const flags = bytes.readUInt16LE(offset + 8);
    const method = bytes.readUInt16LE(offset + 10);
    const crc = bytes.readUInt32LE(offset + 16);
    const compressed = bytes.readUInt32LE(offset + 20);
    const size = bytes.readUInt32LE(offset + 24);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const local = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    if (bytes.readUInt32LE(local) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
    const dataStart = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(dataStart, dataStart + compressed);
    const data = method === 0 ? Buffer.from(raw) : method === 8 ? inflateRawSync(raw) : null;
    if (data === null) throw new Error(`unsupported compression ${method} for ${name}`);
    if (data.length !== size) throw new Error(`size mismatch for ${name}`);
    if (crc32(data) !== crc) throw new Error(`CRC-32 mismatch for ${name}`);
    if (bytes.readUInt16LE(local + 6) !== flags) throw new Error(`local and central flags differ for ${name}`);
    if (flags & 0x0008) {
      const d = dataStart + compressed;
      const descriptor = [
        bytes.readUInt32LE(d),
        bytes.readUInt32LE(d + 4),
        bytes.readUInt32LE(d + 8),
        bytes.readUInt32LE(d + 12),
      ];
      if (descriptor.join() !== [0x08074b50, crc, compressed, size].join())
        throw new Error(`data descriptor of ${name} disagrees with the central directory`);
    }
    files.set(name, data);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** The text of each paragraph with a given Word style, in order. */
export function paragraphsWithStyle(documentXml: string, style: string): string[] {
  const out: string[] = [];
  for (const p of documentXml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []) {
    if (!p.includes(`<w:pStyle w:val="${style}"/>`)) continue;
    const text = [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    out.push(
      text
        .replace(/&amp;/g, '&')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'"),
    );
  }
  return out;
}
