const nb = {
  absenceUsage: '/tiltak fravær <fra> <til> [@stedfortreder] | fravær av',
  absenceSummary: 'Registrerer fravær: påminnelsene dine går til stedfortrederen (eller teamlederen) mens du er borte.',
  absenceBadDate: (given: string) => `Jeg forstår ikke datoen «${given}». Skriv f.eks. 2004-05-03, 3.5.2004 eller 3.5.`,
  absenceOrder: 'Fraværet må slutte samme dag som det begynner, eller senere.',
  absencePast: 'Fraværet er allerede over. Skriv en sluttdato i dag eller senere.',
  absenceTooLong: (max: number) => `Et fravær kan vare høyst ${max} dager. Registrer det i flere deler om nødvendig.`,
  absenceSelf: 'Du kan ikke være din egen stedfortreder.',
  absenceUnknownSubstitute: (given: string) =>
    `Jeg finner ingen i Tiltak som heter ${given}. Nevn stedfortrederen med @, f.eks. @Per.`,
  absenceAmbiguous: (given: string, names: string) =>
    `Flere passer til ${given}: ${names}. Nevn stedfortrederen med @.`,
  absenceSaved: (from: string, to: string) => `:palm_tree: Fravær registrert fra ${from} til og med ${to}.`,
  absenceToSubstitute: (who: string) => `Påminnelsene dine går til ${who} i mellomtiden.`,
  absenceToTeamLead: (who: string) => `Du har ingen stedfortreder, så påminnelsene dine går til teamlederen ${who}.`,
  absenceToNobody: 'Du har ingen stedfortreder og ingen teamleder i planen, så påminnelsene venter på deg.',
  absenceEnded: 'Fraværet er avsluttet. Du får påminnelsene dine igjen.',
  absenceNone: 'Du har ikke registrert noe fravær.',
  absenceCurrent: (from: string, to: string, who: string) =>
    `Du har fravær fra ${from} til og med ${to}${who ? `, med ${who} som stedfortreder` : ''}. Skriv \`/tiltak fravær av\` for å avslutte det.`,
  roundUsage: '/rapport runde <frist> [[område] <nr>] | runde status | runde lukk',
  roundSummary: 'Åpner en rapporteringsrunde: alle ansvarlige etater rapporterer innen fristen.',
  roundBadDate: (given: string) =>
    `Jeg forstår ikke fristen «${given}». Skriv f.eks. 2004-04-23, 23.4.2004 eller 23.4.`,
  roundPast: 'Fristen kan ikke ligge før i dag.',
  roundAfterPlan: (end: string) => `Fristen ligger etter planens slutt (${end}).`,
  roundNoArea: (given: string, areas: string) => `Det finnes ikke noe satsingsområde ${given}. Områdene er: ${areas}.`,
  roundOverlap: (deadline: string, scope: string) =>
    `Det er allerede en åpen runde for ${scope} med frist ${deadline}. Lukk den først med \`/rapport runde lukk\`.`,
  roundWholePlan: 'hele planen',
  roundArea: (n: number, title: string) => `satsingsområde ${n} ${title}`,
  roundOpened: (scope: string, deadline: string, measures: number, agencies: number) =>
    `:clipboard: Rapporteringsrunde åpnet for ${scope} med frist ${deadline}: ${measures} tiltak, ${agencies} etater. Kontaktpersonene får melding nå.`,
  roundNoneOpen: 'Det er ingen åpen rapporteringsrunde.',
  roundNone: 'Det har ikke vært noen rapporteringsrunde ennå.',
  roundClosed: (scope: string, deadline: string) =>
    `Rapporteringsrunden for ${scope} med frist ${deadline} er lukket. Påminnelsene følger vanlig frekvens igjen.`,
  roundStatusHead: (scope: string, deadline: string, open: boolean) =>
    `*Rapporteringsrunde for ${scope}* – frist ${deadline}${open ? '' : ' (avsluttet)'}`,
  roundProgress: (reported: number, total: number, missing: number) =>
    `${reported} av ${total} tiltak rapportert${missing > 0 ? `, ${missing} mangler:` : '. Alle har rapportert.'}`,
  roundMissing: (n: number, agencies: string) => `• Tiltak ${n} (${agencies})`,
  roundMissingMore: (n: number) => `… og ${n} til.`,
};

const en: typeof nb = {
  absenceUsage: '/tiltak away <from> <to> [@substitute] | away off',
  absenceSummary: 'Registers an absence: your reminders go to your substitute (or your team lead) while you are away.',
  absenceBadDate: (given: string) => `I do not understand the date "${given}". Write e.g. 2004-05-03, 3.5.2004 or 3.5.`,
  absenceOrder: 'The absence must end on the day it starts, or later.',
  absencePast: 'That absence is already over. Give an end date of today or later.',
  absenceTooLong: (max: number) => `An absence can last at most ${max} days. Register it in parts if you need to.`,
  absenceSelf: 'You cannot be your own substitute.',
  absenceUnknownSubstitute: (given: string) =>
    `I cannot find anyone in Tiltak called ${given}. Mention the substitute with @, e.g. @Per.`,
  absenceAmbiguous: (given: string, names: string) =>
    `Several people match ${given}: ${names}. Mention the substitute with @.`,
  absenceSaved: (from: string, to: string) => `:palm_tree: Absence registered from ${from} to ${to}.`,
  absenceToSubstitute: (who: string) => `Your reminders go to ${who} meanwhile.`,
  absenceToTeamLead: (who: string) => `You have no substitute, so your reminders go to your team lead ${who}.`,
  absenceToNobody: 'You have no substitute and no team lead in the plan, so your reminders wait for you.',
  absenceEnded: 'Your absence has ended. You will get your reminders again.',
  absenceNone: 'You have not registered an absence.',
  absenceCurrent: (from: string, to: string, who: string) =>
    `You are away from ${from} to ${to}${who ? `, with ${who} as your substitute` : ''}. Type \`/tiltak away off\` to end it.`,
  roundUsage: '/rapport round <deadline> [[area] <no>] | round status | round close',
  roundSummary: 'Opens a reporting round: every responsible agency reports by the deadline.',
  roundBadDate: (given: string) =>
    `I do not understand the deadline "${given}". Write e.g. 2004-04-23, 23.4.2004 or 23.4.`,
  roundPast: 'The deadline cannot be before today.',
  roundAfterPlan: (end: string) => `The deadline is after the end of the plan (${end}).`,
  roundNoArea: (given: string, areas: string) => `There is no focus area ${given}. The areas are: ${areas}.`,
  roundOverlap: (deadline: string, scope: string) =>
    `A round is already open for ${scope} with deadline ${deadline}. Close it first with \`/rapport round close\`.`,
  roundWholePlan: 'the whole plan',
  roundArea: (n: number, title: string) => `focus area ${n} ${title}`,
  roundOpened: (scope: string, deadline: string, measures: number, agencies: number) =>
    `:clipboard: Reporting round opened for ${scope} with deadline ${deadline}: ${measures} measures, ${agencies} agencies. The contacts are being told now.`,
  roundNoneOpen: 'There is no open reporting round.',
  roundNone: 'There has been no reporting round yet.',
  roundClosed: (scope: string, deadline: string) =>
    `The reporting round for ${scope} with deadline ${deadline} is closed. Reminders follow the usual cadence again.`,
  roundStatusHead: (scope: string, deadline: string, open: boolean) =>
    `*Reporting round for ${scope}* – deadline ${deadline}${open ? '' : ' (ended)'}`,
  roundProgress: (reported: number, total: number, missing: number) =>
    `${reported} of ${total} measures reported${missing > 0 ? `, ${missing} missing:` : '. Everyone has reported.'}`,
  roundMissing: (n: number, agencies: string) => `• Measure ${n} (${agencies})`,
  roundMissingMore: (n: number) => `… and ${n} more.`,
};

export const reminderCommands = { nb, en };
