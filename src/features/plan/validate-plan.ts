import { parse as parseYaml, YAMLParseError } from 'yaml';
import { formatPath, type PlanFile, planFileSchema } from './plan-file.js';

export type PlanValidation = { ok: true; plan: PlanFile } | { ok: false; errors: string[] };

/**
 * Everything that can be wrong with a plan file, found before anything is
 * written: YAML syntax, shape, duplicates and references between sections.
 */
export function validatePlanText(text: string): PlanValidation {
  let raw: unknown;
  try {
    raw = parseYaml(text, { prettyErrors: true, uniqueKeys: true, maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    return { ok: false, errors: [`YAML: ${message}`] };
  }
  const parsed = planFileSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.map((i) => `${formatPath(i.path) || 'file'}: ${i.message}`) };
  }
  const errors = crossCheck(parsed.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, plan: parsed.data };
}

function crossCheck(plan: PlanFile): string[] {
  const errors: string[] = [];
  if (plan.plan.end < plan.plan.start) errors.push('plan.end: must not be before plan.start');
  duplicates(
    plan.focus_areas.map((f) => f.number),
    'focus_areas',
    'number',
    errors,
  );
  duplicates(
    plan.agencies.map((a) => a.code),
    'agencies',
    'code',
    errors,
  );
  duplicates(
    plan.people.map((p) => p.slack_id),
    'people',
    'slack_id',
    errors,
  );
  duplicates(
    plan.people.map((p) => p.email?.toLowerCase()),
    'people',
    'email',
    errors,
  );
  duplicates(
    plan.measures.map((m) => m.number),
    'measures',
    'number',
    errors,
  );

  const areas = new Set(plan.focus_areas.map((f) => f.number));
  const agencies = new Set(plan.agencies.map((a) => a.code));
  const unknownAgency = (code: string) => `unknown agency "${code}"`;
  plan.people.forEach((p, i) => {
    if (p.agency !== undefined && !agencies.has(p.agency))
      errors.push(`people[${i}].agency: ${unknownAgency(p.agency)}`);
    if ((p.role === 'contact' || p.role === 'team_lead') && p.agency === undefined) {
      errors.push(`people[${i}].agency: a ${p.role} must belong to an agency`);
    }
  });
  plan.measures.forEach((m, i) => {
    if (m.focus_area !== undefined && !areas.has(m.focus_area)) {
      errors.push(`measures[${i}].focus_area: unknown focus area ${m.focus_area}`);
    }
    if (m.lead !== undefined && !agencies.has(m.lead)) errors.push(`measures[${i}].lead: ${unknownAgency(m.lead)}`);
    m.partners.forEach((code, j) => {
      if (!agencies.has(code)) errors.push(`measures[${i}].partners[${j}]: ${unknownAgency(code)}`);
      else if (code === m.lead) errors.push(`measures[${i}].partners[${j}]: "${code}" is already the lead`);
    });
    const seen = new Set<string>();
    m.partners.forEach((code, j) => {
      if (seen.has(code)) errors.push(`measures[${i}].partners[${j}]: "${code}" is listed twice`);
      seen.add(code);
    });
  });
  return errors;
}

function duplicates<T>(values: T[], section: string, key: string, errors: string[]): void {
  const first = new Map<T, number>();
  values.forEach((value, i) => {
    if (value === undefined) return;
    const earlier = first.get(value);
    if (earlier !== undefined)
      errors.push(`${section}[${i}].${key}: duplicate of ${section}[${earlier}] (${String(value)})`);
    else first.set(value, i);
  });
}
