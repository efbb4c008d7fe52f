// A few weeks of made-up updates before the demo's first day, written through
// the same service the update modal uses, each at its own instant on the clock.
import { randomUUID } from 'node:crypto';
import { findMeasureByNumber } from '../features/plan/index.js';
import { submitUpdate } from '../features/updates/index.js';
import type { ManualClock } from '../kernel/clock.js';
import type { Deps } from '../kernel/deps.js';
import { findPerson } from '../kernel/people/people.js';
import { parseSlackUserId } from '../kernel/slack/slack-user-id.js';
import type { Status } from '../kernel/status.js';

interface SeedUpdate {
  by: string;
  measure: number;
  /** Local date and time in the plan's zone (Oslo, summer time in May). */
  at: string;
  status: Status;
  progress: number | null;
  done: string;
  challenges?: string;
  nextSteps?: string;
  spendNok?: bigint;
}

/** Made up for the demo: no agency reported any of this. */
const UPDATES: readonly SeedUpdate[] = [
  {
    by: 'U0DEMOUDI',
    measure: 3,
    at: '2004-05-03T10:15',
    status: 'ON_TRACK',
    progress: 30,
    done: 'Circular on the reflection period sent to the regional offices.',
  },
  {
    by: 'U0DEMOKRD',
    measure: 1,
    at: '2004-05-10T13:40',
    status: 'ON_TRACK',
    progress: 20,
    done: 'Innhentet praksis fra Sverige og Danmark om flyktningstatus.',
    nextSteps: 'Utkast til kriterier.',
  },
  {
    by: 'U0DEMOBFD',
    measure: 2,
    at: '2004-05-12T09:30',
    status: 'ON_TRACK',
    progress: 40,
    done: 'Møte med Krisesentersekretariatet om plasser for ofre.',
    spendNok: 45000n,
  },
  {
    by: 'U0DEMOUDI',
    measure: 3,
    at: '2004-05-14T11:00',
    status: 'ON_TRACK',
    progress: 45,
    done: 'First cases handled under the 45-day reflection period.',
  },
  {
    by: 'U0DEMOJD1',
    measure: 2,
    at: '2004-05-19T14:20',
    status: 'NOT_STARTED',
    progress: 0,
    done: 'Ansvar for oppfølging avklart internt.',
  },
  {
    by: 'U0DEMOKRD',
    measure: 3,
    at: '2004-05-21T10:05',
    status: 'AT_RISK',
    progress: 25,
    done: 'Høringsutkast skrevet.',
    challenges: 'Uavklart hvem som dekker utgiftene til bolig i perioden.',
  },
  {
    by: 'U0DEMOKRD',
    measure: 1,
    at: '2004-05-24T15:10',
    status: 'ON_TRACK',
    progress: 35,
    done: 'Utkast til kriterier sendt på intern høring.',
    spendNok: 12000n,
  },
  {
    by: 'U0DEMOBFD',
    measure: 4,
    at: '2004-05-25T09:45',
    status: 'DELAYED',
    progress: 10,
    done: 'Kontakt med Pro Sentret om returprogram.',
    challenges: 'Venter på svar fra partnere i opprinnelseslandene.',
  },
  {
    by: 'U0DEMOBFD',
    measure: 2,
    at: '2004-05-26T12:00',
    status: 'ON_TRACK',
    progress: 50,
    done: 'Avtale om ti plasser på krisesentre.',
    spendNok: 120000n,
  },
];

/** Oslo is UTC+2 all of May 2004. */
function osloSummer(local: string): Date {
  return new Date(`${local}:00+02:00`);
}

export async function seedUpdates(deps: Deps, clock: ManualClock): Promise<number> {
  let written = 0;
  for (const u of UPDATES) {
    const slackId = parseSlackUserId(u.by);
    const actor = slackId === null ? null : await findPerson(deps, slackId);
    const measure = await findMeasureByNumber(deps.prisma, u.measure);
    if (actor === null || measure === null) throw new Error(`demo seed: no person ${u.by} or measure ${u.measure}`);
    clock.set(osloSummer(u.at));
    const result = await submitUpdate(deps, {
      actor,
      measureId: measure.id,
      agencyId: null,
      seriesId: randomUUID(),
      baseVersion: 0,
      draft: {
        status: u.status,
        progress: u.progress,
        done: u.done,
        challenges: u.challenges ?? null,
        nextSteps: u.nextSteps ?? null,
        spendNok: u.spendNok ?? null,
        periodDate: u.at.slice(0, 10),
      },
    });
    if (result.kind !== 'saved') throw new Error(`demo seed: update ${u.measure} by ${u.by} refused: ${result.reason}`);
    written += 1;
  }
  return written;
}
