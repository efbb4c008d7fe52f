// The demo's made-up workspace around the bundled plan: fictional people,
// a channel per focus area and a coordinator channel. The plan's public facts
// stay as they are; only the people and channels, which the public sources do
// not name, are added, and the page says they are fictional.
import { parse, stringify } from 'yaml';

type DemoRole = 'contact' | 'team_lead' | 'coordinator' | 'admin';

export interface DemoPerson {
  slackId: string;
  name: string;
  agency?: string;
  role: DemoRole;
  language: 'nb' | 'en';
}

export interface DemoChannel {
  id: string;
  name: string;
}

/** Fictional people: none of them exists, and no agency named them. */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { slackId: 'U0DEMOKRD', name: 'Kari Nordmann', agency: 'KRD', role: 'contact', language: 'nb' },
  { slackId: 'U0DEMOBFD', name: 'Ola Hansen', agency: 'BFD', role: 'contact', language: 'nb' },
  { slackId: 'U0DEMOUDI', name: 'Amina Berg', agency: 'UDI', role: 'contact', language: 'en' },
  { slackId: 'U0DEMOJD1', name: 'Per Dahl', agency: 'JD', role: 'contact', language: 'nb' },
  { slackId: 'U0DEMOLED', name: 'Liv Leder', agency: 'KRD', role: 'team_lead', language: 'nb' },
  { slackId: 'U0DEMOKOR', name: 'Kim Koordinator', role: 'coordinator', language: 'nb' },
  { slackId: 'U0DEMOADM', name: 'Anne Admin', role: 'admin', language: 'en' },
];

export const COORDINATOR_CHANNEL: DemoChannel = { id: 'C0DEMOKOORD', name: 'tiltak-koordinering' };

/** Channel of focus area n. */
function areaChannel(area: number): DemoChannel {
  return { id: `C0DEMOAREA${area}`, name: `satsingsområde-${area}` };
}

type PlanDoc = {
  focus_areas: Array<{ number: number } & Record<string, unknown>>;
  agencies: Array<{ code: string } & Record<string, unknown>>;
  people?: unknown[];
};

/**
 * The bundled plan with the demo's people, team leads and area channels
 * added: the plan file is how a real install names them too.
 */
export function demoPlanText(bundledPlan: string): { text: string; channels: DemoChannel[] } {
  const doc = parse(bundledPlan) as PlanDoc;
  const channels: DemoChannel[] = [];
  for (const area of doc.focus_areas) {
    const channel = areaChannel(area.number);
    area.channel = channel.id;
    channels.push(channel);
  }
  for (const agency of doc.agencies) {
    const lead = DEMO_PEOPLE.find((p) => p.role === 'team_lead' && p.agency === agency.code);
    if (lead) agency.team_lead = lead.slackId;
  }
  doc.people = DEMO_PEOPLE.map((p) => ({
    slack_id: p.slackId,
    name: p.name,
    ...(p.agency ? { agency: p.agency } : {}),
    role: p.role,
    language: p.language,
  }));
  return { text: stringify(doc), channels: [...channels, COORDINATOR_CHANNEL] };
}
