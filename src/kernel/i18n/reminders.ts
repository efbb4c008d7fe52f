const days = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const nb = {
  measure: (n: number, title: string) => `Tiltak ${n} – ${title}`,
  dueSoon: (day: string) => `:bell: Neste statusoppdatering er ventet *${day}*.`,
  overdue: (day: string) => `:warning: Statusoppdateringen var ventet *${day}* og er ikke kommet ennå.`,
  teamLead: (agency: string, day: string, late: number) =>
    `:rotating_light: Statusoppdateringen fra *${agency}* var ventet *${day}* og er nå ${days(late, 'arbeidsdag', 'arbeidsdager')} forsinket.`,
  contacts: (list: string) => `Kontaktpersoner: ${list}.`,
  noContacts: 'Etaten har ingen kontaktperson registrert i planen.',
  inRound: (day: string) => `Gjelder rapporteringsrunden med frist ${day}.`,
  lastReport: (day: string) => `Siste rapport: ${day}.`,
  noReport: 'Ingen rapport ennå.',
  repeat: 'Du ba meg minne deg på dette igjen i dag.',
  substituteFor: (who: string, until: string) =>
    `Du får denne som stedfortreder for ${who}, som er borte til og med ${until}.`,
  teamLeadFor: (who: string, until: string) =>
    `Du får denne som teamleder fordi ${who} er borte til og med ${until} og ikke har stedfortreder.`,
  updateNow: 'Oppdater nå',
  snooze: 'Utsett 1 dag',
  waive: 'Ikke aktuelt denne perioden',
  roundTitle: ':clipboard: Rapporteringsrunde',
  roundIntro: (day: string) =>
    `Koordinatorene samler inn status: alle ansvarlige etater rapporterer på sine tiltak innen *${day}*. Du er kontakt for:`,
  roundMore: (n: number) => `… og ${n} tiltak til. Skriv \`/tiltak oppdater <nr>\` for dem.`,
  summaryTitle: (week: number) => `Forfalte statusoppdateringer – uke ${week}`,
  summaryIntro: (n: number, threshold: number) =>
    `${days(n, 'oppdatering', 'oppdateringer')} er minst ${days(threshold, 'arbeidsdag', 'arbeidsdager')} forsinket:`,
  summaryRow: (measure: string, agency: string, late: number, due: string, contacts: string) =>
    `• *${measure}* · ${agency} · ${days(late, 'arbeidsdag', 'arbeidsdager')} (ventet ${due}) · ${contacts}`,
  summaryMore: (n: number) => `… og ${n} til.`,
  nobody: 'ingen kontakt',
  failure: (who: string, what: string, code: string) =>
    `:x: Jeg fikk ikke levert en påminnelse til ${who} (${what}): Slack svarte \`${code}\`. Sjekk at personen fortsatt er med i Slack, og oppdater planfilen. Jeg sier fra bare én gang om denne feilen.`,
  snoozed: (n: number, when: string) => `Greit, jeg minner deg på tiltak ${n} igjen ${when}.`,
  notYours: 'Du kan ikke svare på påminnelser for denne etaten.',
  stale: 'Denne påminnelsen gjelder ikke lenger: perioden er allerede rapportert.',
  notRegistered:
    'Du er ikke registrert i Tiltak, så jeg kan ikke ta imot svaret ditt. Be en koordinator om å legge deg til.',
  waiverTitle: 'Ikke aktuelt',
  waiverSubmit: 'Registrer',
  waiverCancel: 'Avbryt',
  waiverIntro: (measure: string, agency: string) =>
    `*${measure}* (${agency})\nOppdateringen teller som levert for denne perioden.`,
  waiverLabel: 'Hvorfor er tiltaket ikke aktuelt denne perioden?',
  waiverPlaceholder: 'F.eks. «Ingen aktivitet før budsjettet er vedtatt i juni.»',
  waiverRequired: 'Skriv en kort begrunnelse.',
  waiverTooLong: (max: number) => `Begrunnelsen kan være høyst ${max} tegn.`,
  waiverSaved: (measure: string, agency: string, reason: string, next: string) =>
    `:white_check_mark: Registrert: *${measure}* (${agency}) er ikke aktuelt denne perioden.\n> ${reason}\nNeste statusoppdatering er ventet ${next}.`,
  dayAtTime: (day: string, time: string) => `${day} kl. ${time}`,
};

const en: typeof nb = {
  measure: (n: number, title: string) => `Measure ${n} – ${title}`,
  dueSoon: (day: string) => `:bell: The next status update is due *${day}*.`,
  overdue: (day: string) => `:warning: The status update was due *${day}* and has not arrived yet.`,
  teamLead: (agency: string, day: string, late: number) =>
    `:rotating_light: The status update from *${agency}* was due *${day}* and is now ${days(late, 'working day', 'working days')} late.`,
  contacts: (list: string) => `Contacts: ${list}.`,
  noContacts: 'The agency has no contact registered in the plan.',
  inRound: (day: string) => `Part of the reporting round with deadline ${day}.`,
  lastReport: (day: string) => `Last report: ${day}.`,
  noReport: 'No report yet.',
  repeat: 'You asked me to remind you again today.',
  substituteFor: (who: string, until: string) =>
    `You get this as the substitute for ${who}, who is away until ${until}.`,
  teamLeadFor: (who: string, until: string) =>
    `You get this as team lead because ${who} is away until ${until} without a substitute.`,
  updateNow: 'Update now',
  snooze: 'Snooze 1 day',
  waive: 'Not applicable this period',
  roundTitle: ':clipboard: Reporting round',
  roundIntro: (day: string) =>
    `The coordinators are collecting status: every responsible agency reports on its measures by *${day}*. You are the contact for:`,
  roundMore: (n: number) => `… and ${n} more. Type \`/tiltak update <no>\` for those.`,
  summaryTitle: (week: number) => `Overdue status updates – week ${week}`,
  summaryIntro: (n: number, threshold: number) =>
    `${days(n, 'update is', 'updates are')} at least ${days(threshold, 'working day', 'working days')} late:`,
  summaryRow: (measure: string, agency: string, late: number, due: string, contacts: string) =>
    `• *${measure}* · ${agency} · ${days(late, 'working day', 'working days')} (due ${due}) · ${contacts}`,
  summaryMore: (n: number) => `… and ${n} more.`,
  nobody: 'no contact',
  failure: (who: string, what: string, code: string) =>
    `:x: I could not deliver a reminder to ${who} (${what}): Slack answered \`${code}\`. Check that the person is still in Slack, and update the plan file. I report this failure only once.`,
  snoozed: (n: number, when: string) => `OK, I will remind you about measure ${n} again ${when}.`,
  notYours: 'You cannot answer reminders for this agency.',
  stale: 'This reminder no longer applies: the period has already been reported.',
  notRegistered: 'You are not registered in Tiltak, so I cannot take your answer. Ask a coordinator to add you.',
  waiverTitle: 'Not applicable',
  waiverSubmit: 'Save',
  waiverCancel: 'Cancel',
  waiverIntro: (measure: string, agency: string) =>
    `*${measure}* (${agency})\nThe update counts as delivered for this period.`,
  waiverLabel: 'Why does the measure not apply this period?',
  waiverPlaceholder: 'E.g. "No activity until the budget is adopted in June."',
  waiverRequired: 'Write a short reason.',
  waiverTooLong: (max: number) => `The reason can be at most ${max} characters.`,
  waiverSaved: (measure: string, agency: string, reason: string, next: string) =>
    `:white_check_mark: Saved: *${measure}* (${agency}) does not apply this period.\n> ${reason}\nThe next status update is due ${next}.`,
  dayAtTime: (day: string, time: string) => `${day} at ${time}`,
};

export const reminders = { nb, en };
