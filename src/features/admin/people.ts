import type { Person, Prisma, PrismaClient } from '../../generated/prisma/client.js';
import type { Role } from '../../generated/prisma/enums.js';
import { writeAudit } from '../../kernel/db/audit.js';
import type { PersonWithAgency } from '../../kernel/people/people.js';
import { parseSlackUserId, type SlackUserId } from '../../kernel/slack/slack-user-id.js';
import type { Checked } from './agencies.js';
import { NONE as NO_AGENCY, ROLES } from './choices.js';
import { ids } from './contract.js';
import type { FieldErrors, FormValues } from './form-values.js';
import { NAME_LIMIT } from './form-values.js';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;

/** Who a Slack user is, as the workspace says: the port the bot fills with users.info and users.lookupByEmail. */
export interface SlackDirectory {
  byId(slackId: SlackUserId): Promise<DirectoryUser | null>;
  byEmail(email: string): Promise<DirectoryUser | null>;
}

export interface DirectoryUser {
  slackId: SlackUserId;
  name: string;
  isBot: boolean;
}

export interface PersonInput {
  /** The user, when the form names one (a new link); an edit keeps its person. */
  who: { kind: 'user'; slackId: SlackUserId } | { kind: 'email'; email: string } | null;
  name: string | null;
  agencyId: number | null;
  role: Role;
}

/** Pure: the person form, checked field by field; `editing` forms have no user or e-mail field. */
export function checkPersonForm(form: FormValues, editing: boolean): Checked<PersonInput> {
  const b = ids.blocks.person;
  const errors: FieldErrors = {};
  let who: PersonInput['who'] = null;
  if (!editing) {
    const picked = form.user(b.user);
    const email = form.text(b.email);
    const slackId = picked === null ? null : parseSlackUserId(picked);
    if (picked !== null && slackId === null) errors[b.user] = (m) => m.admin.errors.userUnknown;
    else if (slackId !== null) who = { kind: 'user', slackId };
    else if (email === null) errors[b.user] = (m) => m.admin.errors.userOrEmail;
    else if (!EMAIL.test(email)) errors[b.email] = (m) => m.admin.errors.emailFormat;
    else who = { kind: 'email', email };
  }
  const name = form.text(b.name);
  if (name !== null && name.length > NAME_LIMIT) errors[b.name] = (m) => m.admin.errors.tooLong(NAME_LIMIT);
  const agencyText = form.option(b.agency);
  const agencyId = agencyText === null || agencyText === NO_AGENCY ? null : Number.parseInt(agencyText, 10);
  if (agencyId !== null && !(Number.isSafeInteger(agencyId) && agencyId > 0 && String(agencyId) === agencyText))
    errors[b.agency] = (m) => m.admin.errors.choose;
  const role = ROLES.find((r) => r === form.option(b.role));
  if (role === undefined) errors[b.role] = (m) => m.admin.errors.choose;
  else if ((role === 'CONTACT' || role === 'TEAM_LEAD') && agencyId === null)
    errors[b.agency] = (m) => m.admin.errors.agencyNeeded;
  if (Object.keys(errors).length > 0 || role === undefined) return { ok: false, errors };
  return { ok: true, input: { who, name, agencyId, role } };
}

export function listPeople(prisma: PrismaClient) {
  return prisma.person.findMany({
    include: { agency: true },
    orderBy: [{ active: 'desc' }, { agency: { code: 'asc' } }, { name: 'asc' }],
  });
}

export function findPersonRow(prisma: PrismaClient, where: { id: number } | { slackId: SlackUserId }) {
  return prisma.person.findUnique({ where, include: { agency: true } });
}

const snapshot = (p: Person): Prisma.InputJsonObject => ({
  slackId: p.slackId,
  name: p.name,
  agencyId: p.agencyId,
  role: p.role,
  active: p.active,
});

export type PersonSaveResult =
  | { kind: 'saved'; label: string }
  | { kind: 'invalid'; errors: FieldErrors }
  | { kind: 'gone' };

const adminOnly = (): PersonSaveResult => ({
  kind: 'invalid',
  errors: { [ids.blocks.person.role]: (m) => m.admin.errors.notAdminRole },
});

/**
 * Links a Slack user to the plan (personId 0), or changes a link, with its
 * audit line in the same transaction. A user found by e-mail goes through the
 * directory; someone removed earlier comes back on their old row, so their
 * history stays theirs. Only an admin may give or take the admin role.
 */
export async function savePerson(
  prisma: PrismaClient,
  directory: SlackDirectory,
  actor: PersonWithAgency,
  personId: number,
  input: PersonInput,
  at: Date,
): Promise<PersonSaveResult> {
  const b = ids.blocks.person;
  let found: DirectoryUser | null = null;
  if (input.who !== null) {
    found =
      input.who.kind === 'user' ? await directory.byId(input.who.slackId) : await directory.byEmail(input.who.email);
    const field = input.who.kind === 'user' ? b.user : b.email;
    if (found === null)
      return {
        kind: 'invalid',
        errors: {
          [field]: (m) => (input.who?.kind === 'email' ? m.admin.errors.emailUnknown : m.admin.errors.userUnknown),
        },
      };
    if (found.isBot) return { kind: 'invalid', errors: { [field]: (m) => m.admin.errors.bot } };
  }
  return prisma.$transaction(async (tx): Promise<PersonSaveResult> => {
    const before =
      personId !== 0
        ? await tx.person.findUnique({ where: { id: personId } })
        : found === null
          ? null
          : await tx.person.findUnique({ where: { slackId: found.slackId } });
    if (personId !== 0 && before === null) return { kind: 'gone' };
    const touchesAdmin = input.role === 'ADMIN' || before?.role === 'ADMIN';
    if (
      touchesAdmin &&
      actor.role !== 'ADMIN' &&
      !(before?.role === 'ADMIN' && input.role === 'ADMIN' && before.active)
    )
      return adminOnly();
    if (input.agencyId !== null && (await tx.agency.findUnique({ where: { id: input.agencyId } })) === null)
      return { kind: 'invalid', errors: { [b.agency]: (m) => m.admin.errors.choose } };
    const data = { agencyId: input.agencyId, role: input.role, active: true };
    const after =
      before === null
        ? await tx.person.create({
            data: { ...data, slackId: found?.slackId as string, name: input.name ?? found?.name ?? '' },
          })
        : await tx.person.update({ where: { id: before.id }, data: { ...data, name: input.name ?? before.name } });
    await writeAudit(tx, {
      actor: actor.slackId,
      action: before === null ? 'person.create' : 'person.update',
      entity: 'Person',
      entityId: String(after.id),
      before: before === null ? null : snapshot(before),
      after: snapshot(after),
      at,
    });
    return { kind: 'saved', label: after.name };
  });
}

export type RemoveResult = { kind: 'removed'; name: string } | { kind: 'adminOnly' } | { kind: 'gone' };

/** Removing keeps the row and its history: the person is marked inactive, with the audit line. */
export async function removePerson(
  prisma: PrismaClient,
  actor: PersonWithAgency,
  personId: number,
  at: Date,
): Promise<RemoveResult> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.person.findUnique({ where: { id: personId } });
    if (before === null || !before.active) return { kind: 'gone' };
    if (before.role === 'ADMIN' && actor.role !== 'ADMIN') return { kind: 'adminOnly' };
    const after = await tx.person.update({ where: { id: personId }, data: { active: false } });
    await writeAudit(tx, {
      actor: actor.slackId,
      action: 'person.deactivate',
      entity: 'Person',
      entityId: String(after.id),
      before: snapshot(before),
      after: snapshot(after),
      at,
    });
    return { kind: 'removed', name: after.name };
  });
}
