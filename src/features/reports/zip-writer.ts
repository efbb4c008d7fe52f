import { once } from 'node:events';
import { Writable } from 'node:stream';
import { createDeflateRaw } from 'node:zlib';
import { crc32 } from './crc32.js';

/** The largest size or offset a ZIP field holds without ZIP64, which this writer does not write. */
const ZIP32_MAX = 0xffffffff;
const MAX_ENTRIES = 0xffff;
/** General-purpose flags: bit 3, sizes and CRC in a data descriptor after the data; bit 11, names in UTF-8. */
const FLAGS = 0x0008 | 0x0800;
const DEFLATE = 8;
/** 2.0: deflate and data descriptors. */
const VERSION = 20;

interface Written {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

export interface ZipOptions {
  /** The time every entry is stamped with. */
  modified: Date;
  /** The largest size or offset allowed; only tests make it smaller than ZIP's own limit. */
  limit?: number;
}

/** A date and time in MS-DOS form, local time, as ZIP stores them (two-second steps, 1980 on). */
function dosTime(d: Date): { time: number; date: number } {
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/**
 * A ZIP archive written to a stream one entry after another, each deflated
 * as it is written, so an entry of any length passes through in chunks and
 * never needs to be held whole: its CRC and sizes follow the data (a data
 * descriptor), and the central directory, which repeats them, comes last.
 * Backpressure is respected throughout; `out` is not ended.
 */
export class ZipWriter {
  private offset = 0;
  private readonly written: Written[] = [];
  private open = false;
  private readonly stamp: { time: number; date: number };
  private readonly limit: number;

  constructor(
    private readonly out: Writable,
    options: ZipOptions,
  ) {
    this.stamp = dosTime(options.modified);
    this.limit = options.limit ?? ZIP32_MAX;
  }

  /** A whole entry at once, for the small parts. */
  async add(name: string, content: string): Promise<void> {
    const entry = await this.entry(name);
    entry.end(content);
    await once(entry, 'finish');
  }

  /** A stream for one entry's content; end it, and wait for 'finish', before the next entry begins. */
  async entry(name: string): Promise<Writable> {
    if (this.open) throw new Error('a ZIP entry is still open');
    if (this.written.length >= MAX_ENTRIES) throw new Error('too many ZIP entries for an archive without ZIP64');
    this.open = true;
    const record: Written = { name: Buffer.from(name, 'utf8'), offset: this.offset, crc: 0, compressed: 0, size: 0 };
    await this.put(this.localHeader(record));
    const deflate = createDeflateRaw();
    // Deflated bytes go on as they come; while `out` is full this loop waits, and the deflater's own buffer then holds back the writer.
    const pump = (async () => {
      for await (const chunk of deflate as AsyncIterable<Buffer>) {
        record.compressed += chunk.length;
        await this.put(chunk);
      }
    })();
    pump.catch(() => undefined);
    return new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        record.crc = crc32(chunk, record.crc);
        record.size += chunk.length;
        if (record.size > this.limit) done(new Error(`${name} is larger than a ZIP without ZIP64 can hold`));
        else if (deflate.write(chunk)) done();
        else Promise.race([once(deflate, 'drain'), pump]).then(() => done(), done);
      },
      final: (done) => {
        deflate.end();
        pump
          .then(() => this.put(this.descriptor(record)))
          .then(() => {
            this.written.push(record);
            this.open = false;
            done();
          }, done);
      },
      destroy: (error, done) => {
        deflate.destroy();
        done(error);
      },
    });
  }

  /** The central directory and its end record, after the last entry. */
  async finish(): Promise<void> {
    if (this.open) throw new Error('a ZIP entry is still open');
    const start = this.offset;
    for (const record of this.written) await this.put(this.centralHeader(record));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.put(end);
  }

  private within(value: number, problem: string): void {
    if (value > this.limit) throw new Error(problem);
  }

  private async put(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    this.within(this.offset, 'the archive is larger than a ZIP without ZIP64 can hold');
    if (!this.out.write(bytes)) await once(this.out, 'drain');
  }

  private localHeader(r: Written): Buffer {
    const b = Buffer.alloc(30 + r.name.length);
    b.writeUInt32LE(0x04034b50, 0);
    b.writeUInt16LE(VERSION, 4);
    b.writeUInt16LE(FLAGS, 6);
    b.writeUInt16LE(DEFLATE, 8);
    b.writeUInt16LE(this.stamp.time, 10);
    b.writeUInt16LE(this.stamp.date, 12);
    // CRC and sizes (14–25) stay zero: the data descriptor has them.
    b.writeUInt16LE(r.name.length, 26);
    r.name.copy(b, 30);
    return b;
  }

  private descriptor(r: Written): Buffer {
    this.within(r.compressed, 'a ZIP entry compressed is larger than a ZIP without ZIP64 can hold');
    const b = Buffer.alloc(16);
    b.writeUInt32LE(0x08074b50, 0);
    b.writeUInt32LE(r.crc, 4);
    b.writeUInt32LE(r.compressed, 8);
    b.writeUInt32LE(r.size, 12);
    return b;
  }

  private centralHeader(r: Written): Buffer {
    const b = Buffer.alloc(46 + r.name.length);
    b.writeUInt32LE(0x02014b50, 0);
    b.writeUInt16LE(VERSION, 4);
    b.writeUInt16LE(VERSION, 6);
    b.writeUInt16LE(FLAGS, 8);
    b.writeUInt16LE(DEFLATE, 10);
    b.writeUInt16LE(this.stamp.time, 12);
    b.writeUInt16LE(this.stamp.date, 14);
    b.writeUInt32LE(r.crc, 16);
    b.writeUInt32LE(r.compressed, 20);
    b.writeUInt32LE(r.size, 24);
    b.writeUInt16LE(r.name.length, 28);
    // Extra field, comment, disk, attributes (30–41) stay zero.
    b.writeUInt32LE(r.offset, 42);
    r.name.copy(b, 46);
    return b;
  }
}
