const nb = {
  title: 'Tiltak – hjelp',
  intro: 'Slik rapporterer du på tiltakene i handlingsplanen:',
  footer: 'Kommandoene finnes også på engelsk, f.eks. `/tiltak help`.',
  grammar:
    'Datoer skrives `2004-05-03`, `3.5.2004` eller `3.5` (i år). Et satsingsområde skrives `område 2`, `area 2` eller bare `2`.',
  helpUsage: '/tiltak hjelp',
  rapportHelpUsage: '/rapport hjelp',
  adminHelpUsage: '/tiltak-admin hjelp',
  helpSummary: 'Viser denne hjelpeteksten.',
};

const en: typeof nb = {
  title: 'Tiltak – help',
  intro: 'How to report on the measures of the action plan:',
  footer: 'Commands also work in Norwegian, e.g. `/tiltak hjelp`.',
  grammar:
    'Dates are written `2004-05-03`, `3.5.2004` or `3.5` (this year). A focus area is written `area 2`, `område 2` or just `2`.',
  helpUsage: '/tiltak help',
  rapportHelpUsage: '/rapport help',
  adminHelpUsage: '/tiltak-admin help',
  helpSummary: 'Shows this help text.',
};

export const help = { nb, en };
