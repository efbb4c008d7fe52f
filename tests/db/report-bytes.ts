import { Writable } from 'node:stream';
import type { ReportRequest } from '../../src/features/reports/load-outline.js';
import { type ReportFormat, type ReportOptions, writeReport } from '../../src/features/reports/write-report.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';

/** A report written to memory, as the Slack export gathers it; throws unless it was written whole. */
export async function reportBytes(
  prisma: PrismaClient,
  request: ReportRequest,
  format: ReportFormat,
  lang: 'nb' | 'en',
  options: Partial<ReportOptions> = {},
): Promise<{ filename: string; bytes: Buffer }> {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const result = await writeReport(prisma, request, format, lang, out, options);
  if (result.kind !== 'written') throw new Error(`report not written: ${result.kind}`);
  return { filename: result.filename, bytes: Buffer.concat(chunks) };
}
