const nb = {
  unknownUser: (contacts: string) =>
    `Du er ikke registrert i Tiltak ennå. Be en koordinator om å legge deg til i planen${contacts ? ` (${contacts})` : ''}.`,
  noCoordinators: 'koordinatoren for handlingsplanen',
  unknownSubcommand: (command: string, word: string) =>
    `Jeg kjenner ikke \`${command} ${word}\`. Skriv \`${command} hjelp\` for å se hva du kan gjøre.`,
  usage: (usage: string) => `Bruk: \`${usage}\``,
  somethingWentWrong: 'Noe gikk galt hos oss. Forsøket er logget; prøv igjen om litt.',
  notAllowed: 'Du har ikke tilgang til dette.',
  appName: 'Tiltak',
  loading: 'Laster …',
  close: 'Lukk',
};

const en: typeof nb = {
  unknownUser: (contacts: string) =>
    `You are not registered in Tiltak yet. Ask a coordinator to add you to the plan${contacts ? ` (${contacts})` : ''}.`,
  noCoordinators: 'the action plan coordinator',
  unknownSubcommand: (command: string, word: string) =>
    `I don't know \`${command} ${word}\`. Type \`${command} help\` to see what you can do.`,
  usage: (usage: string) => `Usage: \`${usage}\``,
  somethingWentWrong: 'Something went wrong on our side. It has been logged; please try again shortly.',
  notAllowed: 'You do not have access to this.',
  appName: 'Tiltak',
  loading: 'Loading …',
  close: 'Close',
};

export const common = { nb, en };
