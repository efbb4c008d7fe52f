import type { PlanFile, ResolvedPlanFile } from './plan-file.js';

/** What an import would do to the plan, in lines a coordinator reads before confirming. */
export interface PlanChanges {
  adds: string[];
  changes: string[];
  removals: string[];
  /** Entries in the plan that the file does not name: the import keeps them. */
  kept: number;
}

type Entry = Record<string, unknown>;
type Section = { name: string; entries: Entry[]; key: (e: Entry) => string; label: (e: Entry) => string };

/** The plan's settings that the import fills in when the file leaves them out. */
const PLAN_DEFAULTS = { default_cadence_days: 14, digest_weekday: 1, digest_time: '08:00' };

const show = (value: unknown): string => {
  if (Array.isArray(value)) return value.map(show).join(', ');
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 60 ? `«${text.slice(0, 59)}…»` : `«${text}»`;
};

function sections(plan: PlanFile | ResolvedPlanFile): Section[] {
  const title = (e: Entry) => (typeof e.title_nb === 'string' ? ` ${show(e.title_nb)}` : '');
  return [
    {
      name: 'plan',
      entries: [{ ...PLAN_DEFAULTS, ...plan.plan }],
      key: () => 'plan',
      label: () => 'plan',
    },
    {
      name: 'focus_areas',
      entries: plan.focus_areas,
      key: (e) => String(e.number),
      label: (e) => `focus_areas ${String(e.number)}${title(e)}`,
    },
    {
      name: 'agencies',
      entries: plan.agencies,
      key: (e) => String(e.code),
      label: (e) => `agencies ${String(e.code)}`,
    },
    {
      name: 'people',
      entries: plan.people.map(({ email: _email, ...p }: Entry) => p),
      key: (e) => String(e.slack_id),
      label: (e) => `people ${String(e.slack_id)} (${String(e.name)})`,
    },
    {
      name: 'measures',
      entries: plan.measures,
      key: (e) => String(e.number),
      label: (e) => `measures ${String(e.number)}${title(e)}`,
    },
  ];
}

/** Compares the plan as it stands (null: there is none) with a checked plan file. */
export function planChanges(current: PlanFile | null, next: ResolvedPlanFile): PlanChanges {
  const out: PlanChanges = { adds: [], changes: [], removals: [], kept: 0 };
  const before = current === null ? null : sections(current);
  for (const [i, section] of sections(next).entries()) {
    const old = new Map((before?.[i]?.entries ?? []).map((e) => [section.key(e), e]));
    for (const entry of section.entries) {
      const was = old.get(section.key(entry));
      old.delete(section.key(entry));
      if (was === undefined) out.adds.push(section.label(entry));
      else compare(section.label(entry), was, entry, out);
    }
    out.kept += old.size;
  }
  return out;
}

function compare(label: string, was: Entry, now: Entry, out: PlanChanges): void {
  for (const field of new Set([...Object.keys(was), ...Object.keys(now)])) {
    const a = was[field];
    const b = now[field];
    if (JSON.stringify(a) === JSON.stringify(b)) continue;
    if (Array.isArray(a) || Array.isArray(b)) {
      const from = new Set((Array.isArray(a) ? a : []).map(String));
      const to = new Set((Array.isArray(b) ? b : []).map(String));
      const added = [...to].filter((x) => !from.has(x));
      const gone = [...from].filter((x) => !to.has(x));
      if (added.length > 0) out.changes.push(`${label}: ${field} +${added.join(', +')}`);
      if (gone.length > 0) out.removals.push(`${label}: ${field} −${gone.join(', −')}`);
    } else if (b === undefined || b === null) out.removals.push(`${label}: ${field} ${show(a)} removed`);
    else if (a === undefined || a === null) out.changes.push(`${label}: ${field} set to ${show(b)}`);
    else out.changes.push(`${label}: ${field} ${show(a)} → ${show(b)}`);
  }
}
