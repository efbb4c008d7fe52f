// /tiltak-admin import and eksport: the plan file in and out of Slack.
const nb = {
  importUsage: '/tiltak-admin import',
  importSummary: 'Leser den nyeste YAML-planfilen du har delt med meg her, og viser endringene før de tas i bruk.',
  exportUsage: '/tiltak-admin eksport',
  exportSummary: 'Laster opp planen slik den er nå, som YAML.',
  noFile:
    'Jeg finner ingen planfil. Del YAML-filen (.yaml eller .yml) i meldingsfanen med meg, og skriv `/tiltak-admin import` igjen.',
  unreadable: (why: string) => `Jeg fikk ikke lest planfilen (${why}). Ingenting er endret.`,
  errorsHeading: (name: string, n: number) =>
    `*${name}* har ${n === 1 ? 'én feil' : `${n} feil`}. Ingenting er endret. Rett filen, del den igjen og skriv \`/tiltak-admin import\`:`,
  previewHeading: (name: string) => `*Endringer fra ${name}*`,
  adds: 'Nye',
  changes: 'Endret',
  removals: 'Fjernet',
  none: 'Ingen endringer: planen er allerede slik filen beskriver den.',
  kept: (n: number) => `${n} oppføringer i planen står ikke i filen. De beholdes.`,
  more: (n: number) => `… og ${n} til`,
  confirm: 'Ta i bruk endringene',
  confirmHint: 'Endringene tas først i bruk når du trykker på knappen. Sjekker du filen på nytt, les den inn på nytt.',
  changed: 'Filen er endret eller slettet etter forhåndsvisningen. Skriv `/tiltak-admin import` for å se den på nytt.',
  imported: (name: string, areas: number, agencies: number, people: number, measures: number) =>
    `${name} er lest inn: ${areas} satsingsområder, ${agencies} etater, ${people} personer og ${measures} tiltak.`,
  exportComment: 'Planen slik den er nå. Rediger og del den med meg, og skriv `/tiltak-admin import`.',
  exportSent: (name: string) => `Planen er lastet opp som ${name} i meldingsfanen med meg.`,
  exportFailed: 'Jeg fikk ikke lastet opp planen. Prøv igjen om litt.',
  noPlan: 'Det er ingen plan å eksportere ennå.',
};

const en: typeof nb = {
  importUsage: '/tiltak-admin import',
  importSummary: 'Reads the newest YAML plan file you shared with me here, and shows the changes before they apply.',
  exportUsage: '/tiltak-admin export',
  exportSummary: 'Uploads the plan as it stands, as YAML.',
  noFile:
    'I find no plan file. Share the YAML file (.yaml or .yml) in the Messages tab with me, then type `/tiltak-admin import` again.',
  unreadable: (why) => `I could not read the plan file (${why}). Nothing was changed.`,
  errorsHeading: (name, n) =>
    `*${name}* has ${n === 1 ? 'one error' : `${n} errors`}. Nothing was changed. Fix the file, share it again and type \`/tiltak-admin import\`:`,
  previewHeading: (name) => `*Changes from ${name}*`,
  adds: 'New',
  changes: 'Changed',
  removals: 'Removed',
  none: 'No changes: the plan already is as the file describes it.',
  kept: (n) => `${n} entries in the plan are not in the file. They are kept.`,
  more: (n) => `… and ${n} more`,
  confirm: 'Apply the changes',
  confirmHint: 'Nothing changes until you press the button. If you change the file, import it again.',
  changed: 'The file was changed or deleted after the preview. Type `/tiltak-admin import` to see it again.',
  imported: (name, areas, agencies, people, measures) =>
    `${name} is imported: ${areas} focus areas, ${agencies} agencies, ${people} people and ${measures} measures.`,
  exportComment: 'The plan as it stands. Edit it, share it with me and type `/tiltak-admin import`.',
  exportSent: (name) => `The plan is uploaded as ${name} in the Messages tab with me.`,
  exportFailed: 'I could not upload the plan. Try again shortly.',
  noPlan: 'There is no plan to export yet.',
};

export const planAdmin = { nb, en };
