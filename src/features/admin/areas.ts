import type { FocusArea, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { writeAudit } from '../../kernel/db/audit.js';
import type { PersonWithAgency } from '../../kernel/people/people.js';
import type { Checked } from './agencies.js';
import { NONE as PLAN_DEFAULT } from './choices.js';
import { ids } from './contract.js';
import { type FieldErrors, type FormValues, NAME_LIMIT, requiredText } from './form-values.js';

const CHANNEL = /^[CG][A-Z0-9]{2,31}$/u;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/u;

export interface AreaInput {
  titleNb: string;
  titleEn: string;
  channel: string | null;
  digestWeekday: number | null;
  digestTime: string | null;
}

/** Whether the bot can post in a channel, as conversations.info says: the port the bot fills. */
export type ChannelReach = 'member' | 'not_member' | 'not_found';

/** Pure: the area form, checked field by field. A time like 8:00 is read as 08:00. */
export function checkAreaForm(form: FormValues): Checked<AreaInput> {
  const b = ids.blocks.area;
  const errors: FieldErrors = {};
  const titleNb = requiredText(form, b.titleNb, NAME_LIMIT, errors);
  const titleEn = requiredText(form, b.titleEn, NAME_LIMIT, errors);
  const channel = form.conversation(b.channel);
  if (channel !== null && !CHANNEL.test(channel)) errors[b.channel] = (m) => m.admin.errors.choose;
  const day = form.option(b.weekday);
  const digestWeekday = day === null || day === PLAN_DEFAULT ? null : Number(day);
  if (digestWeekday !== null && !(Number.isInteger(digestWeekday) && digestWeekday >= 1 && digestWeekday <= 7))
    errors[b.weekday] = (m) => m.admin.errors.choose;
  const typedTime = form.text(b.time)?.replace('.', ':') ?? null;
  const digestTime = typedTime === null ? null : typedTime.length === 4 ? `0${typedTime}` : typedTime;
  if (digestTime !== null && !CLOCK.test(digestTime)) errors[b.time] = (m) => m.admin.errors.time;
  if (Object.keys(errors).length > 0 || titleNb === null || titleEn === null) return { ok: false, errors };
  return { ok: true, input: { titleNb, titleEn, channel, digestWeekday, digestTime } };
}

export function findAreaByNumber(prisma: PrismaClient, number: number): Promise<FocusArea | null> {
  return prisma.focusArea.findUnique({ where: { number } });
}

export function listAreas(prisma: PrismaClient): Promise<FocusArea[]> {
  return prisma.focusArea.findMany({ orderBy: { number: 'asc' } });
}

const snapshot = (a: FocusArea): Prisma.InputJsonObject => ({
  number: a.number,
  titleNb: a.titleNb,
  titleEn: a.titleEn,
  channel: a.channel,
  digestWeekday: a.digestWeekday,
  digestTime: a.digestTime,
});

export type AreaSaveResult =
  | { kind: 'saved'; number: number; channel: string | null; reach: ChannelReach | null }
  | { kind: 'invalid'; errors: FieldErrors }
  | { kind: 'gone' };

/**
 * Saves a focus area with its audit line. A new channel is asked about first:
 * one Slack cannot find is a field error; one the bot is not in is saved,
 * and the caller tells the coordinator how to invite the bot.
 */
export async function saveArea(
  prisma: PrismaClient,
  reachOf: (channel: string) => Promise<ChannelReach>,
  actor: PersonWithAgency,
  areaId: number,
  input: AreaInput,
  at: Date,
): Promise<AreaSaveResult> {
  const current = await prisma.focusArea.findUnique({ where: { id: areaId } });
  if (current === null) return { kind: 'gone' };
  const reach = input.channel === null || input.channel === current.channel ? null : await reachOf(input.channel);
  if (reach === 'not_found')
    return {
      kind: 'invalid',
      errors: { [ids.blocks.area.channel]: (m) => m.admin.areas.notFound(input.channel ?? '') },
    };
  return prisma.$transaction(async (tx): Promise<AreaSaveResult> => {
    const before = await tx.focusArea.findUnique({ where: { id: areaId } });
    if (before === null) return { kind: 'gone' };
    const after = await tx.focusArea.update({ where: { id: areaId }, data: input });
    await writeAudit(tx, {
      actor: actor.slackId,
      action: 'focus-area.update',
      entity: 'FocusArea',
      entityId: String(after.id),
      before: snapshot(before),
      after: snapshot(after),
      at,
    });
    return { kind: 'saved', number: after.number, channel: after.channel, reach };
  });
}
