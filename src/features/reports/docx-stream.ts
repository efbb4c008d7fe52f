import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { ChunkedText } from './chunked-text.js';
import type { ReportBlock } from './document.js';
import { DOCUMENT_END, DOCUMENT_START, type DocxMeta, partsAfter, partsBefore } from './docx-parts.js';
import { blockXml } from './docx-xml.js';
import { ZipWriter } from './zip-writer.js';

/**
 * The report as a Word file, written to `out` as the blocks come: a DOCX is
 * a ZIP of XML parts, and its document part is a flat run of paragraphs, so
 * each block is rendered, deflated and passed on before the next is made.
 * Memory holds one chunk of text and the deflater's window, whatever the
 * period. `out` is not ended.
 */
export async function writeDocx(blocks: AsyncIterable<ReportBlock>, meta: DocxMeta, out: Writable): Promise<void> {
  const zip = new ZipWriter(out, { modified: meta.created });
  for (const [name, xml] of partsBefore(meta)) await zip.add(name, xml);
  const document = await zip.entry('word/document.xml');
  try {
    const text = new ChunkedText(document);
    await text.add(DOCUMENT_START);
    for await (const block of blocks) await text.add(blockXml(block));
    await text.add(DOCUMENT_END);
    await text.flush();
  } catch (error) {
    document.destroy();
    throw error;
  }
  document.end();
  await once(document, 'finish');
  for (const [name, xml] of partsAfter(meta)) await zip.add(name, xml);
  await zip.finish();
}
