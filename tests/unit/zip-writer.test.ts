import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, tableCrc32 } from '../../src/features/reports/crc32.js';
import { ZipWriter } from '../../src/features/reports/zip-writer.js';
import { readZip } from './report-zip-reader.js';

const MODIFIED = new Date(2004, 5, 30, 12, 0, 0);

/** A stream that keeps what it is given and takes each chunk a millisecond later: slower than deflate, as a network upload is. */
function slowSink(highWaterMark = 16 * 1024): { out: Writable; bytes(): Buffer; maxBuffered(): number } {
  const chunks: Buffer[] = [];
  let max = 0;
  const out = new Writable({
    highWaterMark,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      max = Math.max(max, out.writableLength);
      setTimeout(done, 1);
    },
  });
  return { out, bytes: () => Buffer.concat(chunks), maxBuffered: () => max };
}

/** Ends the stream, as the writer's caller does, and waits until it has taken everything. */
async function ended(out: Writable): Promise<void> {
  out.end();
  await once(out, 'finish');
}

async function zipOf(files: [string, string | Buffer][]): Promise<Buffer> {
  const sink = slowSink();
  const zip = new ZipWriter(sink.out, { modified: MODIFIED });
  for (const [name, content] of files) {
    const entry = await zip.entry(name);
    entry.end(content);
    await once(entry, 'finish');
  }
  await zip.finish();
  await ended(sink.out);
  return sink.bytes();
}

describe('CRC-32', () => {
  it('gives the standard check value, from the table as from zlib, whole or chunk by chunk', () => {
    const check = Buffer.from('123456789');
    expect(tableCrc32(check)).toBe(0xcbf43926);
    expect(crc32(check)).toBe(0xcbf43926);
    const data = randomBytes(100_000);
    expect(tableCrc32(data.subarray(37_000), tableCrc32(data.subarray(0, 37_000)))).toBe(zlibCrc32(data));
    expect(crc32(data.subarray(37_000), crc32(data.subarray(0, 37_000)))).toBe(zlibCrc32(data));
    expect(tableCrc32(Buffer.alloc(0))).toBe(0);
  });
});

describe('the streaming ZIP writer', () => {
  it('writes entries one after another that read back whole, with CRCs and data descriptors that agree', async () => {
    const bytes = await zipOf([
      ['[Content_Types].xml', '<Types/>'],
      ['word/æøå – ✓.xml', 'Blåbærsyltetøy 🫐'],
      ['empty.txt', ''],
    ]);
    const files = readZip(bytes);
    expect([...files.keys()]).toEqual(['[Content_Types].xml', 'word/æøå – ✓.xml', 'empty.txt']);
    expect(files.get('word/æøå – ✓.xml')?.toString('utf8')).toBe('Blåbærsyltetøy 🫐');
    expect(files.get('empty.txt')).toHaveLength(0);
    // General-purpose flags: a data descriptor follows the data (bit 3), and names are UTF-8 (bit 11).
    expect(bytes.readUInt16LE(6)).toBe(0x0808);
    // Deflated (method 8), stamped with the time given, in MS-DOS form.
    expect(bytes.readUInt16LE(8)).toBe(8);
    expect(bytes.readUInt16LE(12)).toBe(((2004 - 1980) << 9) | (6 << 5) | 30);
  });

  it('passes a long entry through a slow stream in chunks, never holding more than the stream asks for', async () => {
    const sink = slowSink();
    const zip = new ZipWriter(sink.out, { modified: MODIFIED });
    const entry = await zip.entry('random.bin');
    const data = randomBytes(4 * 1024 * 1024);
    for (let at = 0; at < data.length; at += 64 * 1024)
      if (!entry.write(data.subarray(at, at + 64 * 1024))) await once(entry, 'drain');
    entry.end();
    await once(entry, 'finish');
    await zip.finish();
    await ended(sink.out);
    expect(readZip(sink.bytes()).get('random.bin')?.equals(data)).toBe(true);
    // Random bytes do not compress: 4 MB went through a 16 KB stream without piling up in front of it.
    expect(sink.maxBuffered()).toBeLessThan(256 * 1024);
  });

  it('refuses an entry or an archive larger than a ZIP without ZIP64 holds, rather than write wrong sizes', async () => {
    const small = new ZipWriter(slowSink().out, { modified: MODIFIED, limit: 1000 });
    await expect(small.add('big.txt', 'x'.repeat(1001))).rejects.toThrow(
      'big.txt is larger than a ZIP without ZIP64 can hold',
    );
    const archive = new ZipWriter(slowSink().out, { modified: MODIFIED, limit: 1000 });
    await archive.add('a.bin', randomBytes(600).toString('latin1'));
    await expect(archive.add('b.bin', randomBytes(600).toString('latin1'))).rejects.toThrow(
      'larger than a ZIP without ZIP64 can hold',
    );
  });

  it('will not start an entry while another is open, nor end the archive then', async () => {
    const zip = new ZipWriter(slowSink().out, { modified: MODIFIED });
    await zip.entry('open.xml');
    await expect(zip.entry('next.xml')).rejects.toThrow('a ZIP entry is still open');
    await expect(zip.finish()).rejects.toThrow('a ZIP entry is still open');
  });
});
