import { z } from 'zod';
import type { Update } from '../../generated/prisma/client.js';
import { queryRows } from '../../kernel/db/rows.js';
import type { Deps } from '../../kernel/deps.js';
import type { PersonWithAgency } from '../../kernel/people/people.js';
import { TEXT_FIELDS, type TextField } from '../updates/index.js';
import { REDACTED } from './contract.js';

export interface RedactionRequest {
  actor: PersonWithAgency;
  updateId: number;
  fields: readonly TextField[];
  reason: string;
}

export type RedactionResult =
  | {
      kind: 'redacted';
      update: Update;
      /** The removed text by field, in memory only: to find the bot's messages that quoted it. */
      removed: Partial<Record<TextField, string>>;
    }
  | { kind: 'refused'; reason: 'not_admin' | 'no_update' | 'nothing_to_redact' };

/** Only an admin redacts: a coordinator runs the plan, but removing words from a record is the data controller's call. */
export function mayRedact(person: Pick<PersonWithAgency, 'role'>): boolean {
  return person.role === 'ADMIN';
}

const removedRow = z.object({
  removed: z.object({ done: z.string(), challenges: z.string(), nextSteps: z.string() }).partial(),
});

/**
 * Replaces the chosen text fields of one update version with "[sladdet]",
 * removes the same text from the audit log and audits the redaction, all in
 * the database's redact_update: the only path the append-only triggers let
 * through. The role is read again from the database, whatever the form said.
 */
export async function redactUpdate(deps: Deps, request: RedactionRequest): Promise<RedactionResult> {
  const { prisma, clock } = deps;
  const actor = await prisma.person.findUnique({
    where: { id: request.actor.id },
    select: { role: true, active: true },
  });
  if (actor === null || !actor.active || !mayRedact(actor)) return { kind: 'refused', reason: 'not_admin' };
  const fields = TEXT_FIELDS.filter((f) => request.fields.includes(f));
  if (fields.length === 0) return { kind: 'refused', reason: 'nothing_to_redact' };
  const before = await prisma.update.findUnique({ where: { id: request.updateId } });
  if (before === null) return { kind: 'refused', reason: 'no_update' };
  if (fields.every((f) => before[f] === null || before[f] === REDACTED))
    return { kind: 'refused', reason: 'nothing_to_redact' };
  const [row] = await queryRows(
    prisma,
    removedRow,
    `SELECT "redact_update"($1::int, string_to_array($2, ','), $3, $4, ($5::timestamptz AT TIME ZONE 'UTC')) AS removed`,
    request.updateId,
    fields.join(','),
    request.actor.slackId,
    request.reason,
    clock.now().toISOString(),
  );
  const update = await prisma.update.findUniqueOrThrow({ where: { id: request.updateId } });
  return { kind: 'redacted', update, removed: row?.removed ?? {} };
}
