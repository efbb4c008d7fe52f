const nb = {
  title: 'Tiltak – hjelp',
  intro: 'Slik rapporterer du på tiltakene i handlingsplanen:',
  footer: 'Kommandoene finnes også på engelsk, f.eks. `/tiltak help`.',
  helpUsage: '/tiltak hjelp',
  rapportHelpUsage: '/rapport hjelp',
  helpSummary: 'Viser denne hjelpeteksten.',
};

const en: typeof nb = {
  title: 'Tiltak – help',
  intro: 'How to report on the measures of the action plan:',
  footer: 'Commands also work in Norwegian, e.g. `/tiltak hjelp`.',
  helpUsage: '/tiltak help',
  rapportHelpUsage: '/rapport help',
  helpSummary: 'Shows this help text.',
};

export const help = { nb, en };
