// Browser suite (issue 17): a month's workbook sent to the bot in the Playground's personal chat (as the custom
// activity Teams would send: a file.download.info attachment whose downloadUrl is a loopback server of the
// test), the preview card in headless Chromium, Importera pressed in the page, the receipt, and the next
// answer with the new figures. Screenshots go to test-results/browser-filimport/.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { type Webblasare, kravChromium, oppnaPlayground } from '../support/webblasare.js';
import { REPO_ROOT } from '../../src/cli/playground.js';
import { PlaygroundHarness, normalizeText } from '../support/playground.js';
import { skrivArbetsbok, somExceldatum } from '../support/arbetsbok.js';
import { type Filserver, filmeddelande, filserver } from '../filimport/stod.js';

const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'browser-filimport');
const COMPOSER = '[role=textbox][contenteditable=true]';

describe('browser: en fil till boten i Playground, förhandsvisning och Importera (issue 17)', function () {
  const pg = new PlaygroundHarness();
  let webb: Webblasare | undefined;
  let page: Page;
  let server: Filserver;

  before(async function () {
    kravChromium(this);
    this.timeout(120_000);
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await filserver();
    const { url } = await pg.startDemo('2025-12-10');
    webb = await oppnaPlayground(url, { width: 1366, height: 1400 });
    page = webb.page;
  });

  after(async function () {
    this.timeout(30_000);
    await webb?.stang();
    await pg.stop();
    await server?.stang();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && webb) await page.screenshot({ path: join(SCREENSHOTS, 'fel.png') }).catch(() => undefined);
  });

  const kort = (rubrik: string): Locator =>
    page
      .locator('.ac-adaptiveCard')
      .filter({ has: page.locator('.ac-textBlock', { hasText: rubrik }) })
      .last();
  const text = async (k: Locator) => normalizeText((await k.locator('.ac-textBlock').allInnerTexts()).join('\n'));

  it('filen i personlig chatt ger förhandsvisningen; Importera ger kvittot och nästa svar har december', async function () {
    this.timeout(120_000);
    await page.locator('.ac-textBlock', { hasText: 'Hej! Jag är Budgetkollen' }).first().waitFor({ timeout: 30_000 });
    const bok = await skrivArbetsbok([
      {
        namn: 'Utfall',
        rader: [
          ['Enhet', 'Period', 'Budget ack', 'Utfall ack', 'Budget helår', 'Prognos helår', 'Kommentar'],
          ['bou', somExceldatum('2025-12'), 24000, 31500, 24000, 31100, 'Placeringar'],
          ['vuxen', '2025-12', '6 500', '6 290,5', 6500, 6300, null],
          ['ekbistand', '2025-12', 15000, 18600, 15000, 18550, null],
          ['flykting', '2025-12', 5500, 5480, 5500, 5250, null],
        ],
      },
    ]);
    const url = server.lagg('ifo/december.xlsx', bok);
    const anvandare = pg.currentUser;
    await pg.sendCustomActivity('userAdded', pg.personalChatId, {
      ...filmeddelande('december.xlsx', url),
      from: { id: anvandare.id, name: anvandare.name, aadObjectId: anvandare.aadObjectId },
      membersAdded: undefined,
    });
    const forhandsvisning = kort('Förhandsvisning: december.xlsx');
    await forhandsvisning.waitFor({ timeout: 30_000 });
    await forhandsvisning.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, '01-forhandsvisning.png') });
    await forhandsvisning.screenshot({ path: join(SCREENSHOTS, '02-forhandsvisning-kortet.png') });
    const t = await text(forhandsvisning);
    assert.match(t, /Nya månader \(4\)/);
    assert.match(t, /Barn och unga: december 2025, utfall 31 500 tkr mot budget 24 000 tkr/);
    assert.match(t, /Passerar en larmgräns/);
    assert.deepEqual(server.hamtningar, ['ifo/december.xlsx']);

    await forhandsvisning.getByRole('button', { name: 'Importera' }).click();
    const kvitto = kort('Importerat: december.xlsx');
    await kvitto.waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SCREENSHOTS, '03-kvitto.png') });
    assert.match(await text(kvitto), /Importerat av/);

    await page.locator(COMPOSER).click();
    await page.keyboard.type('hur ligger barn och unga mot budget i december?');
    await page.keyboard.press('Enter');
    await page
      .locator('.ac-textBlock', { hasText: /31\s500/ })
      .first()
      .waitFor({ timeout: 30_000 });
    await page.screenshot({ path: join(SCREENSHOTS, '04-svar.png') });
  });
});
