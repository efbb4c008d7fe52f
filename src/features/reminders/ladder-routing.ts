import type { LocalDay } from '../../kernel/calendar/calendar.js';

export interface DirectoryPerson {
  slackId: string;
  name: string;
  agencyId: number | null;
  role: 'CONTACT' | 'TEAM_LEAD' | 'COORDINATOR' | 'ADMIN';
  language: 'nb' | 'en';
}

/** An absence that covers the day being planned. */
export interface ActiveAbsence {
  slackId: string;
  toDay: LocalDay;
  substituteSlackId: string | null;
}

/** Why a message went to someone other than the person it was meant for. */
export interface StandIn {
  absent: string;
  untilDay: LocalDay;
  kind: 'substitute' | 'team_lead';
}

export interface Routed {
  recipient: string;
  /** The absent people this recipient stands in for (empty when it is their own message). */
  standingInFor: StandIn[];
}

/** Who is who on one day: contacts, team leads, coordinators and who is away. */
export class Directory {
  readonly #people = new Map<string, DirectoryPerson>();
  readonly #contacts = new Map<number, string[]>();
  readonly #leads = new Map<number, string>();
  readonly #absent = new Map<string, ActiveAbsence>();
  readonly #coordinators: string[];

  constructor(
    people: readonly DirectoryPerson[],
    agencyLeads: ReadonlyMap<number, string | null>,
    absences: readonly ActiveAbsence[],
  ) {
    for (const p of people) {
      this.#people.set(p.slackId, p);
      if (p.role === 'CONTACT' && p.agencyId !== null)
        this.#contacts.set(p.agencyId, [...(this.#contacts.get(p.agencyId) ?? []), p.slackId]);
      if (p.role === 'TEAM_LEAD' && p.agencyId !== null && !this.#leads.has(p.agencyId))
        this.#leads.set(p.agencyId, p.slackId);
    }
    // The agency's named team lead wins over a person who merely has the role.
    for (const [agencyId, lead] of agencyLeads) if (lead !== null) this.#leads.set(agencyId, lead);
    for (const a of absences) this.#absent.set(a.slackId, a);
    const coordinators = people.filter((p) => p.role === 'COORDINATOR').map((p) => p.slackId);
    this.#coordinators =
      coordinators.length > 0 ? coordinators : people.filter((p) => p.role === 'ADMIN').map((p) => p.slackId);
  }

  person(slackId: string): DirectoryPerson | undefined {
    return this.#people.get(slackId);
  }

  language(slackId: string): 'nb' | 'en' {
    return this.#people.get(slackId)?.language ?? 'nb';
  }

  contacts(agencyId: number): string[] {
    return this.#contacts.get(agencyId) ?? [];
  }

  teamLead(agencyId: number): string | null {
    return this.#leads.get(agencyId) ?? null;
  }

  coordinators(): string[] {
    return this.#coordinators;
  }

  absence(slackId: string): ActiveAbsence | undefined {
    return this.#absent.get(slackId);
  }

  /** Steps 0–2 go to the agency's contacts; with none, to its team lead; with neither, to the coordinators. */
  contactsOrFallback(agencyId: number): string[] {
    const contacts = this.contacts(agencyId);
    if (contacts.length > 0) return contacts;
    return this.teamLeadOrCoordinators(agencyId);
  }

  teamLeadOrCoordinators(agencyId: number): string[] {
    const lead = this.teamLead(agencyId);
    return lead === null ? this.coordinators() : [lead];
  }

  /**
   * Sends each intended person's message to whoever covers for them: the
   * substitute they named, else their agency's team lead, else (nobody to
   * stand in) themselves. Recipients are merged, so one person never gets
   * the same step twice because two colleagues are away.
   */
  route(intended: readonly string[]): Routed[] {
    const byRecipient = new Map<string, Routed>();
    for (const slackId of intended) {
      const { recipient, standIn } = this.#routeOne(slackId, new Set());
      const routed = byRecipient.get(recipient) ?? { recipient, standingInFor: [] };
      if (standIn !== null) routed.standingInFor.push(standIn);
      byRecipient.set(recipient, routed);
    }
    return [...byRecipient.values()];
  }

  #routeOne(slackId: string, seen: Set<string>): { recipient: string; standIn: StandIn | null } {
    const away = this.#absent.get(slackId);
    if (away === undefined || seen.has(slackId)) return { recipient: slackId, standIn: null };
    seen.add(slackId);
    const agencyId = this.#people.get(slackId)?.agencyId ?? null;
    const lead = agencyId === null ? null : this.teamLead(agencyId);
    const cover = away.substituteSlackId ?? (lead !== slackId ? lead : null);
    if (cover === null || seen.has(cover)) return { recipient: slackId, standIn: null };
    const next = this.#routeOne(cover, seen);
    // A chain of absences ends at the first person who is in; the flag names the one this message was for.
    return {
      recipient: next.recipient,
      standIn: {
        absent: slackId,
        untilDay: away.toDay,
        kind: away.substituteSlackId === null ? 'team_lead' : 'substitute',
      },
    };
  }
}
