// Personal data in updates: the check on submit, and redaction by an admin.
import type { PersonalDataKind } from '../text/personal-data.js';

type ContactKind = Exclude<PersonalDataKind, 'identity_number'>;

const nb = {
  identityNumber:
    'Teksten ser ut til å inneholde et fødselsnummer eller D-nummer. Det skal ikke stå i en statusrapport, som ikke kan endres etter at den er sendt. Fjern nummeret og send på nytt.',
  kind: { email: 'en e-postadresse', phone: 'et telefonnummer' } satisfies Record<ContactKind, string>,
  contactWarning: (what: string, found: string) =>
    `Teksten ser ut til å inneholde ${what} (${found}). Fjern det hvis det gjelder en privatperson, eller kryss av for «Send likevel» nederst.`,
  warningIntro:
    ':warning: *Personopplysninger?* Skjemaet ser ut til å inneholde en e-postadresse eller et telefonnummer. En rapport kan ikke endres etter at den er sendt. Fjern opplysningene, eller kryss av for «Send likevel» hvis de ikke gjelder en privatperson (for eksempel etatens sentralbord).',
  sendAnywayLabel: 'Personopplysninger',
  sendAnyway: 'Send likevel',
  stillThere: 'Fjern opplysningene over, eller kryss av for «Send likevel».',
  redact: {
    usage: '/tiltak-admin sladd <oppdatering> | sladd tiltak <nr>',
    summary: 'Kun administratorer: sladder personopplysninger i én versjon av en oppdatering.',
    onlyAdmins: 'Bare administratorer kan sladde oppdateringer. Ingenting er endret.',
    badArgs:
      'Skriv `/tiltak-admin sladd <oppdatering>` med oppdateringens nummer, eller `/tiltak-admin sladd tiltak <nr>` for å se tiltakets oppdateringer med nummer.',
    noUpdate: (id: string) => `Fant ingen oppdatering nummer ${id}.`,
    noMeasure: (n: string) => `Fant ikke tiltak ${n}.`,
    listHeading: (n: number) => `*Oppdateringer på tiltak ${n}*, nyeste først. Velg den som skal sladdes.`,
    listEmpty: (n: number) => `Tiltak ${n} har ingen oppdateringer.`,
    listRow: (id: number, date: string, agency: string, version: number, author: string) =>
      `*Nr. ${id}* · ${date} · ${agency} · versjon ${version} · ${author}`,
    button: 'Sladd …',
    title: 'Sladd oppdatering',
    submit: 'Sladd',
    cancel: 'Avbryt',
    intro: (id: number, measure: number, agency: string, version: number, date: string) =>
      `Oppdatering nr. ${id} på tiltak ${measure} fra ${agency}, versjon ${version}, ${date}. Feltene du velger, erstattes med «[sladdet]» i databasen, i revisjonsloggen og i botens meldinger. Det kan ikke angres.`,
    fieldsLabel: 'Felt som skal sladdes',
    reasonLabel: 'Begrunnelse',
    reasonHint: 'Lagres i revisjonsloggen. Ikke gjenta opplysningene som fjernes.',
    chooseField: 'Velg minst ett felt.',
    reasonRequired: 'Skriv en begrunnelse.',
    nothingLeft: 'Oppdateringen har ingen tekst igjen å sladde.',
    notice: 'Sladding',
    done: (id: number, fields: string) => `Oppdatering nr. ${id} er sladdet (${fields}).`,
    messagesUpdated: (n: number) => `${n} av botens meldinger som siterte teksten, er oppdatert.`,
    notUpdated: 'Disse meldingene kunne ikke oppdateres. Slett eller rediger dem i Slack:',
    kinds: { confirmation: 'Bekreftelse', digest: 'Ukesammendrag' },
    filesNote:
      'Statusrapporter som alt er lastet opp som filer, kan ikke endres av boten. Last dem opp på nytt om de inneholdt teksten.',
  },
};

const en: typeof nb = {
  identityNumber:
    'The text seems to hold a Norwegian national identity number or D-number. It must not be in a status report, which cannot be changed once sent. Remove the number and send again.',
  kind: { email: 'an e-mail address', phone: 'a phone number' },
  contactWarning: (what, found) =>
    `The text seems to hold ${what} (${found}). Remove it if it is a private person's, or tick «Send anyway» at the bottom.`,
  warningIntro:
    ":warning: *Personal data?* The form seems to hold an e-mail address or a phone number. A report cannot be changed once sent. Remove them, or tick «Send anyway» if they are not a private person's (an agency's switchboard, say).",
  sendAnywayLabel: 'Personal data',
  sendAnyway: 'Send anyway',
  stillThere: 'Remove the data above, or tick «Send anyway».',
  redact: {
    usage: '/tiltak-admin redact <update> | redact measure <no>',
    summary: 'Admins only: redacts personal data from one version of an update.',
    onlyAdmins: 'Only admins can redact updates. Nothing was changed.',
    badArgs:
      "Type `/tiltak-admin redact <update>` with the update's number, or `/tiltak-admin redact measure <no>` to see a measure's updates with their numbers.",
    noUpdate: (id) => `No update number ${id} was found.`,
    noMeasure: (n) => `Measure ${n} was not found.`,
    listHeading: (n) => `*Updates on measure ${n}*, newest first. Pick the one to redact.`,
    listEmpty: (n) => `Measure ${n} has no updates.`,
    listRow: (id, date, agency, version, author) =>
      `*No. ${id}* · ${date} · ${agency} · version ${version} · ${author}`,
    button: 'Redact …',
    title: 'Redact update',
    submit: 'Redact',
    cancel: 'Cancel',
    intro: (id, measure, agency, version, date) =>
      `Update no. ${id} on measure ${measure} from ${agency}, version ${version}, ${date}. The fields you pick are replaced with «[sladdet]» in the database, in the audit log and in the bot's messages. This cannot be undone.`,
    fieldsLabel: 'Fields to redact',
    reasonLabel: 'Reason',
    reasonHint: 'Kept in the audit log. Do not repeat the data being removed.',
    chooseField: 'Pick at least one field.',
    reasonRequired: 'Give a reason.',
    nothingLeft: 'The update has no text left to redact.',
    notice: 'Redaction',
    done: (id, fields) => `Update no. ${id} is redacted (${fields}).`,
    messagesUpdated: (n) => `${n} of the bot's messages that quoted the text were updated.`,
    notUpdated: 'These messages could not be updated. Delete or edit them in Slack:',
    kinds: { confirmation: 'Confirmation', digest: 'Weekly digest' },
    filesNote:
      'Status reports already uploaded as files cannot be changed by the bot. Upload them again if they held the text.',
  },
};

export const privacy = { nb, en };
