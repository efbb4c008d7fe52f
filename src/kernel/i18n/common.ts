const nb = {
  unknownUser: (contacts: string) =>
    `Du er ikke registrert i Tiltak ennå. Be en koordinator om å legge deg til i planen${contacts ? ` (${contacts})` : ''}.`,
  noCoordinators: 'koordinatoren for handlingsplanen',
  noAdmin:
    'Planen har ingen administrator ennå. Den som drifter Tiltak, utnevner en ved å starte boten med `TILTAK_ADMINS=<Slack-medlems-ID>` (profilen din → ⋮ → Kopier medlems-ID), flere skilt med komma.',
  unknownSubcommand: (command: string, word: string) =>
    `Jeg kjenner ikke \`${command} ${word}\`. Skriv \`${command} hjelp\` for å se hva du kan gjøre.`,
  usage: (usage: string) => `Bruk: \`${usage}\``,
  somethingWentWrong: 'Noe gikk galt hos oss. Forsøket er logget; prøv igjen om litt.',
  databaseDown: 'Tiltak får ikke kontakt med databasen sin akkurat nå. Prøv igjen om litt.',
  modalFailed: 'Slack ville ikke åpne skjemaet akkurat nå. Prøv å klikke igjen om litt.',
  notAllowed: 'Du har ikke tilgang til dette.',
  appName: 'Tiltak',
  loading: 'Laster …',
  close: 'Lukk',
  slackUnreachable: 'Tiltak starter og får ikke kontakt med Slack ennå. Prøv igjen om noen minutter.',
};

const en: typeof nb = {
  unknownUser: (contacts: string) =>
    `You are not registered in Tiltak yet. Ask a coordinator to add you to the plan${contacts ? ` (${contacts})` : ''}.`,
  noCoordinators: 'the action plan coordinator',
  noAdmin:
    'The plan has no administrator yet. Whoever runs Tiltak names one by starting the bot with `TILTAK_ADMINS=<Slack member ID>` (your profile → ⋮ → Copy member ID), several separated by commas.',
  unknownSubcommand: (command: string, word: string) =>
    `I don't know \`${command} ${word}\`. Type \`${command} help\` to see what you can do.`,
  usage: (usage: string) => `Usage: \`${usage}\``,
  somethingWentWrong: 'Something went wrong on our side. It has been logged; please try again shortly.',
  databaseDown: 'Tiltak cannot reach its database right now. Please try again shortly.',
  modalFailed: 'Slack would not open the form just now. Try clicking again shortly.',
  notAllowed: 'You do not have access to this.',
  appName: 'Tiltak',
  loading: 'Loading …',
  close: 'Close',
  slackUnreachable: 'Tiltak is starting and cannot reach Slack yet. Please try again in a few minutes.',
};

export const common = { nb, en };
