import type pg from 'pg';

export interface ScalePlanSize {
  measures: number;
  agencies: number;
  /** Agencies per measure (one lead, the rest partners): measures × this = pairs. */
  agenciesPerMeasure: number;
  updates: number;
}

export const ISSUE_SIZE: ScalePlanSize = { measures: 1_000, agencies: 100, agenciesPerMeasure: 10, updates: 100_000 };

export const describeSize = (s: ScalePlanSize): string =>
  `${s.measures.toLocaleString('en')} measures, ${s.agencies} agencies, ${(s.agencies * 3).toLocaleString('en')} people, ` +
  `${(s.measures * s.agenciesPerMeasure).toLocaleString('en')} measure–agency pairs, ${s.updates.toLocaleString('en')} updates in 2004`;

/**
 * Issue 11's large plan, written with set-based SQL into an empty, migrated
 * schema: ten focus areas; per agency two contacts and a team lead; each
 * measure led by one agency with the next ones as partners; the updates
 * spread evenly over the pairs and over 2004, with text long enough to look
 * like a real report. Each pair reports every 36 days or so, within its
 * 60-day cadence, so that from February on nothing is due: the sweep still
 * weighs every pair, and a quiet tick is really quiet.
 */
export async function writeScalePlan(client: pg.PoolClient, size: ScalePlanSize): Promise<void> {
  const pairs = size.measures * size.agenciesPerMeasure;
  if (size.agenciesPerMeasure > size.agencies) throw new Error('more agencies per measure than agencies');
  await client.query(`
    INSERT INTO "Plan" (id, "titleNb", "titleEn", "startDate", "endDate", "updatedAt") VALUES (1, 'Stor plan', 'Large plan', '2004-01-01', '2004-12-31', now());
    INSERT INTO "FocusArea" (number, "titleNb", "titleEn") SELECT n, 'Område ' || n, 'Area ' || n FROM generate_series(1, 10) n;
    INSERT INTO "Agency" (code, "nameNb", "nameEn", kind, "teamLeadSlackId")
      SELECT 'AG' || n, 'Etat ' || n, 'Agency ' || n, 'DIRECTORATE', 'UL' || lpad(n::text, 6, '0') FROM generate_series(1, ${size.agencies}) n;
    INSERT INTO "Person" ("slackId", name, "agencyId", role)
      SELECT 'UA' || lpad(n::text, 6, '0'), 'Kontakt ' || n, n, 'CONTACT' FROM generate_series(1, ${size.agencies}) n;
    INSERT INTO "Person" ("slackId", name, "agencyId", role)
      SELECT 'UB' || lpad(n::text, 6, '0'), 'Kontakt ' || n || 'b', n, 'CONTACT' FROM generate_series(1, ${size.agencies}) n;
    INSERT INTO "Person" ("slackId", name, "agencyId", role)
      SELECT 'UL' || lpad(n::text, 6, '0'), 'Leder ' || n, n, 'TEAM_LEAD' FROM generate_series(1, ${size.agencies}) n;
    INSERT INTO "Person" ("slackId", name, role) VALUES ('UKOORD0001', 'Koordinator', 'COORDINATOR');
    INSERT INTO "Measure" (number, "focusAreaId", "titleNb", "titleEn", "cadenceDays")
      SELECT n, 1 + (n - 1) / ${Math.ceil(size.measures / 10)}, 'Tiltak ' || n, 'Measure ' || n, 60 FROM generate_series(1, ${size.measures}) n;
    INSERT INTO "MeasureAgency" ("measureId", "agencyId", role)
      SELECT m, 1 + (m + k) % ${size.agencies}, CASE WHEN k = 0 THEN 'LEAD'::"ResponsibilityRole" ELSE 'PARTNER'::"ResponsibilityRole" END
      FROM generate_series(1, ${size.measures}) m, generate_series(0, ${size.agenciesPerMeasure - 1}) k;
  `);
  // Update i goes to pair i mod pairs, at an instant that walks through the year.
  await client.query(`
    WITH pair AS (SELECT row_number() OVER (ORDER BY "measureId", "agencyId") - 1 AS i, "measureId", "agencyId" FROM "MeasureAgency")
    INSERT INTO "Update" ("seriesId", version, "measureId", "agencyId", "authorId", status, progress, done, challenges, "nextSteps", "periodDate", "createdAt")
    SELECT 'bench-' || u, 1, p."measureId", p."agencyId", p."agencyId",
      (ARRAY['NOT_STARTED','ON_TRACK','ON_TRACK','AT_RISK','DELAYED','COMPLETED'])[1 + u % 6]::"Status",
      (u * 7) % 101,
      'Arbeidet i perioden gikk som planlagt; møter med partnere og oppfølging av tiltaket (' || u || ').',
      CASE WHEN u % 3 = 0 THEN 'Forsinkelser hos en samarbeidspartner.' END,
      'Neste steg er å følge opp tiltaket i neste periode.',
      (timestamp '2004-01-01 08:00' + (u::double precision / ${size.updates}) * interval '365 days')::date,
      timestamp '2004-01-01 08:00' + (u::double precision / ${size.updates}) * interval '365 days'
    FROM generate_series(0, ${size.updates - 1}) u JOIN pair p ON p.i = u % ${pairs};
  `);
  // A server's autovacuum analyses rows written in bulk within a minute; without the statistics the planner
  // takes the year's 100,000 rows for 600 and sorts all of them for every page of a report.
  await client.query('ANALYZE');
}
