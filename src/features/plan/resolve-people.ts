import { parseSlackUserId } from '../../kernel/slack/slack-user-id.js';
import type { PlanFile, ResolvedPlanFile } from './plan-file.js';

/** A Slack member ID for an e-mail address, or null when no user has it (users.lookupByEmail). */
export type LookupEmail = (email: string) => Promise<string | null>;

export type Resolution = { ok: true; plan: ResolvedPlanFile } | { ok: false; errors: string[] };

/**
 * Gives every person named by e-mail their Slack member ID. An address no one
 * has, or one that names someone already in the file, is an error by path,
 * like every other import error; without a bot token nothing can be looked up.
 */
export async function resolvePeople(plan: PlanFile, lookup: LookupEmail | null): Promise<Resolution> {
  const errors: string[] = [];
  const people: ResolvedPlanFile['people'] = [];
  const seen = new Map<string, number>(
    plan.people.flatMap((p, i) => (p.slack_id === undefined ? [] : [[p.slack_id, i]])),
  );
  for (const [i, { slack_id: slackId, email, ...rest }] of plan.people.entries()) {
    if (slackId !== undefined) {
      people.push({ ...rest, slack_id: slackId });
      continue;
    }
    if (email === undefined) continue;
    if (lookup === null) {
      errors.push(`people[${i}].email: an address can only be looked up with a Slack bot token (SLACK_BOT_TOKEN)`);
      continue;
    }
    const answer = await lookup(email);
    const found = answer === null ? null : parseSlackUserId(answer);
    if (found === null) {
      errors.push(`people[${i}].email: no one in the Slack workspace has the address ${email}`);
      continue;
    }
    const earlier = seen.get(found);
    if (earlier !== undefined && earlier !== i) {
      errors.push(`people[${i}].email: ${email} is ${found}, already people[${earlier}]`);
      continue;
    }
    seen.set(found, i);
    people.push({ ...rest, slack_id: found });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, plan: { ...plan, people } };
}
