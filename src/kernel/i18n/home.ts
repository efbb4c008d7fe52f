// The App Home tab.
const nb = {
  title: 'Tiltak',
  greeting: (name: string) => `Hei, ${name}! Her er status for tiltakene dine.`,
  notRegistered: 'Du er ikke registrert i Tiltak ennå. Be en koordinator om å legge deg til i planen.',
  myMeasures: 'Dine tiltak',
  moreMeasures: (count: number) => `… og ${count} til. Skriv \`/tiltak mine\` for hele listen.`,
  overviewTitle: 'Planoversikt',
  overviewIntro: (measures: number, overdue: number) => `${measures} tiltak i planen, ${overdue} med forfalt rapport.`,
  areaOverdue: (count: number) => `${count} med forfalt rapport`,
  recent: 'Siste oppdateringer',
  noRecent: 'Ingen oppdateringer ennå.',
  recentLine: (date: string, number: number, code: string, status: string) =>
    `${date} · tiltak ${number} · ${code} · ${status}`,
  unplaced: 'Ikke plassert i et satsingsområde',
  moreAreas: (count: number, measures: number) =>
    `… og ${count} satsingsområder til med ${measures} tiltak. Se \`/tiltak liste område <n>\`.`,
  footer: 'Skriv `/tiltak hjelp` for alt du kan gjøre.',
};

const en: typeof nb = {
  title: 'Tiltak',
  greeting: (name) => `Hello, ${name}! Here is the status of your measures.`,
  notRegistered: 'You are not registered in Tiltak yet. Ask a coordinator to add you to the plan.',
  myMeasures: 'Your measures',
  moreMeasures: (count) => `… and ${count} more. Type \`/tiltak mine\` for the whole list.`,
  overviewTitle: 'Plan overview',
  overviewIntro: (measures, overdue) => `${measures} measures in the plan, ${overdue} with an overdue report.`,
  areaOverdue: (count) => `${count} with an overdue report`,
  recent: 'Latest updates',
  noRecent: 'No updates yet.',
  recentLine: (date, number, code, status) => `${date} · measure ${number} · ${code} · ${status}`,
  unplaced: 'Not placed in a focus area',
  moreAreas: (count, measures) =>
    `… and ${count} more focus areas with ${measures} measures. See \`/tiltak list area <n>\`.`,
  footer: 'Type `/tiltak help` for everything you can do.',
};

export const home = { nb, en };
