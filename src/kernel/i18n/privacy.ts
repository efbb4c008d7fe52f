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
};

export const privacy = { nb, en };
