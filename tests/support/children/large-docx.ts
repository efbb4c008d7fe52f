// A child process for tests/unit/docx-stream.test.ts: a DOCX of `count` quotes written to stdout, run
// under a small heap cap, so that it can finish only if the document is streamed and never held whole.
import type { ReportBlock } from '../../../src/features/reports/document.js';
import { writeDocx } from '../../../src/features/reports/docx-stream.js';

const count = Number(process.argv[2]);

async function* quotes(): AsyncGenerator<ReportBlock> {
  yield { kind: 'title', text: 'Statusrapport: Stor plan' };
  for (let n = 1; n <= count; n++)
    yield {
      kind: 'quote',
      text: `${'Arbeidet gikk som planlagt, med møter og høringer. '.repeat(6)}${n}`,
      attribution: `JD, Kari Nordmann, ${n}. januar 2004`,
    };
}

const meta = { title: 'Statusrapport: Stor plan', language: 'nb-NO', created: new Date('2004-12-31T12:00:00Z') };
await writeDocx(quotes(), meta, process.stdout);
