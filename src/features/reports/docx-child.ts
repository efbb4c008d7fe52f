import { writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Paragraph } from 'docx';
import type { ReportBlock } from './document.js';
import { type DocxMeta, docxParagraphs, packDocx } from './docx.js';

/**
 * The DOCX builder, run as a child process under a heap cap (see
 * docx-in-child.ts): the docx library holds the whole document in memory,
 * so it does that here, where running out of memory ends this process and
 * not the bot. Reads NDJSON on stdin (the document's title and language,
 * then one block a line), writes the .docx to stdout, and on fd 3, when the
 * parent opened it, its peak resident memory.
 */
const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
let meta: DocxMeta | null = null;
const children: Paragraph[] = [];
for await (const line of lines) {
  if (line === '') continue;
  if (meta === null) meta = JSON.parse(line) as DocxMeta;
  else children.push(...docxParagraphs(JSON.parse(line) as ReportBlock));
}
if (meta === null) throw new Error('no document metadata on stdin');
const bytes = await packDocx(children, meta);
await new Promise<void>((resolve, reject) => process.stdout.write(bytes, (e) => (e ? reject(e) : resolve())));
const status = await readFile('/proc/self/status', 'utf8').catch(() => '');
const peakKb = Number(/^VmHWM:\s+(\d+)/m.exec(status)?.[1] ?? Number.NaN);
try {
  writeSync(3, `${JSON.stringify({ peakRssMb: Number.isFinite(peakKb) ? peakKb / 1024 : null })}\n`);
} catch {
  // Run by hand, without the parent's fd 3: nobody asked.
}
