// The demo in a real browser (Debian's Chromium through playwright-core, which
// downloads nothing): the story from issue 12, clicked and typed as a user
// would, with axe-core's WCAG 2.1 AA check on each screen and the README's
// screenshots taken on the way.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoRoutes } from '../../src/demo/routes.js';
import { DemoSession } from '../../src/demo/session.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = 'docs/screenshots';
const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let session: DemoSession;
let browser: Browser;
let page: Page;
let dataDir: string;

type AxeResult = {
  violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }>;
};

/** axe-core in the page: WCAG 2.0/2.1 A and AA rules; serious and critical findings fail. */
async function expectAccessible(where: string): Promise<void> {
  await page.addScriptTag({ path: axeSource });
  // Strings run in the page, whose DOM types this Node project does not load.
  const result = await page.evaluate<AxeResult>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  );
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  expect(bad).toEqual([]);
}

async function viewAs(name: RegExp): Promise<void> {
  const picker = page.locator('#user');
  const value = await picker.locator('option', { hasText: name }).getAttribute('value');
  await picker.selectOption(value ?? '');
}

async function command(text: string): Promise<void> {
  const box = page.locator('#command');
  await box.fill(text);
  await box.press('Enter');
}

describe.skipIf(!existsSync(CHROMIUM))('npm run demo in Chromium', () => {
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tiltak-demo-'));
    session = new DemoSession({
      port: 0,
      dataDir,
      bundledPlan: 'plans/handlingsplan-2003-2005.yaml',
      logLevel: 'warn',
    });
    session.serve(demoRoutes(session));
    await session.start();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=nb-NO'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'nb-NO' });
    // The page checks the Host header: localhost, as the demo prints it.
    await page.goto(session.url.replace('127.0.0.1', 'localhost'));
  });

  afterAll(async () => {
    await browser?.close();
    await session?.stop();
    await session?.standIn.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('a contact updates a measure, another is reminded, the digest comes on Monday, and a coordinator opens Home', async () => {
    await expect.poll(() => page.locator('#user option').count()).toBeGreaterThan(5);
    await expect.poll(() => page.locator('.tagline').textContent()).toMatch(/oppdiktet/);
    await viewAs(/Kari Nordmann/);

    // 1. /tiltak oppdater 1, a wrong spend, the bot's field error, fixed, submitted.
    await command('/tiltak oppdater 1');
    const dialog = page.locator('dialog#modal');
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(true);
    await dialog.locator('select[data-block-id="update_status"]').selectOption('ON_TRACK');
    await dialog
      .locator('textarea[data-block-id="update_done"]')
      .fill('Kriteriene er sendt på høring til berørte etater.');
    await dialog.locator('input[data-block-id="update_spend"]').fill('-500');
    await dialog.locator('#modal-submit').click();
    const spendError = dialog.locator('[data-block="update_spend"] .bk-error');
    await expect.poll(() => spendError.count(), { timeout: 10_000 }).toBe(1);
    expect(await dialog.locator('textarea[data-block-id="update_done"]').inputValue()).toMatch(/høring/);
    expect(await dialog.locator('input[data-block-id="update_spend"]').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible('update modal with a field error');
    await spendError.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/demo-update-modal.png` });
    await dialog.locator('input[data-block-id="update_spend"]').fill('15000');
    await dialog.locator('#modal-submit').click();
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);

    // 2. The card shows the update.
    await command('/tiltak 1');
    const card = page.locator('.ephemeral').last();
    await expect.poll(() => card.textContent(), { timeout: 10_000 }).toMatch(/Kriteriene er sendt på høring/);
    await expectAccessible('measure card');
    await page.screenshot({ path: `${SHOTS}/demo-measure-card.png` });

    // 3. The next reminder time: another agency's contact is overdue and opens the form from the DM.
    await page.getByRole('button', { name: 'Neste påminnelsestid' }).click();
    await expect.poll(() => page.locator('#clock').textContent(), { timeout: 15_000 }).toMatch(/09:00/);
    await viewAs(/Amina Berg/);
    await expect.poll(() => page.locator('#surface').textContent(), { timeout: 10_000 }).toMatch(/has not arrived yet/);
    const overdue = page.locator('.message', { hasText: 'has not arrived yet' }).last();
    await overdue.getByRole('button', { name: 'Update now' }).click();
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(true);
    // A loading view first, then views.update with the form, as the bot does in Slack.
    await expect.poll(() => dialog.locator('#modal-body').textContent(), { timeout: 10_000 }).toMatch(/Measure 3/);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);

    // 4. Monday 08:00: the area's channel has the week's digest with its chart.
    await viewAs(/Kim Koordinator/);
    await page.getByRole('button', { name: 'Neste mandag 08:00' }).click();
    await expect.poll(() => page.locator('#clock').textContent(), { timeout: 20_000 }).toMatch(/08:00/);
    await page.locator('[data-place="C0DEMOAREA1"]').click();
    const chart = page.locator('#surface .file img').last();
    await expect.poll(() => chart.count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const chartLoaded = `[...document.querySelectorAll('#surface .file img')].some((img) => img.complete && img.naturalWidth > 0)`;
    await expect.poll(() => page.evaluate<boolean>(chartLoaded), { timeout: 10_000 }).toBe(true);
    expect(await page.locator('#surface').textContent()).toMatch(/Uke 23/);
    await expectAccessible('area channel with the digest');
    await page
      .locator('#surface .messages > li')
      .last()
      .screenshot({ path: `${SHOTS}/demo-digest.png` });

    // 5. A coordinator opens App Home.
    await page.locator('[data-place="home"]').click();
    await expect.poll(() => page.locator('#surface .home').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.locator('#surface .home .bk-header').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await expectAccessible('App Home');

    expect(session.standIn.violations).toEqual([]);
  });

  it('works with the keyboard alone: Tab reaches the controls, focus is visible, a modal takes and gives back focus', async () => {
    await viewAs(/Kari Nordmann/);
    await page.locator('[data-place="DU0DEMOKRD"]').click();
    await page.locator('#user').focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<{ id: string; outline: string }>(
      `({ id: document.activeElement.id, outline: getComputedStyle(document.activeElement).outlineStyle })`,
    );
    expect(focused.id).toBe('next-reminder');
    expect(focused.outline).not.toBe('none');

    await page.locator('#command').focus();
    await page.keyboard.type('/tiltak hjelp');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.ephemeral').last().textContent(), { timeout: 10_000 }).toMatch(/hjelp/i);

    await page.keyboard.type('/tiltak oppdater 3');
    await page.keyboard.press('Enter');
    const dialog = page.locator('dialog#modal');
    await expect
      .poll(() => dialog.locator('#modal-body').textContent(), { timeout: 10_000 })
      .toMatch(/refleksjonsperiode/);
    await expect
      .poll(() => page.evaluate<boolean>(`document.querySelector('dialog#modal').contains(document.activeElement)`))
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible(), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => page.evaluate<string>('document.activeElement.id')).toBe('command');
  });
});
