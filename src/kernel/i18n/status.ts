import type { RolledStatus } from '../status.js';

const nb: Record<RolledStatus, string> = {
  NOT_STARTED: 'Ikke startet',
  ON_TRACK: 'I rute',
  AT_RISK: 'Risiko',
  DELAYED: 'Forsinket',
  COMPLETED: 'Fullført',
  CANCELLED: 'Avbrutt',
  NO_REPORT: 'Ikke rapportert',
};

const en: typeof nb = {
  NOT_STARTED: 'Not started',
  ON_TRACK: 'On track',
  AT_RISK: 'At risk',
  DELAYED: 'Delayed',
  COMPLETED: 'Completed',
  CANCELLED: 'Cancelled',
  NO_REPORT: 'Not reported',
};

export const status = { nb, en };
