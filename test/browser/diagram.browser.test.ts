// Browser suite (issue 14.4): the trend and the forecast history as pictures in the Microsoft 365 Agents Playground,
// in headless Debian Chromium at a laptop's width and at a phone's (340 px). The Playground's renderer
// (adaptivecards 3) shows the card's Image; the assertions read the rendered <img> and the card's text blocks.
// Screenshots go to test-results/browser-diagram/.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { type Webblasare, kravChromium, oppnaPlayground } from '../support/webblasare.js';
import { REPO_ROOT } from '../../src/cli/playground.js';
import { KORTDIAGRAM } from '../../src/usecases/diagrambild.js';
import { PlaygroundHarness, normalizeText } from '../support/playground.js';
import { figures, sv } from '../e2e/demodata.js';

const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'browser-diagram');
const COMPOSER = '[role=textbox][contenteditable=true]';
const LAPTOP = { width: 1366, height: 900 };
const TELEFON = { width: 340, height: 740 };

const FRAGOR = [
  { namn: 'trend', fraga: 'visa trenden för socialnämnden', rubrik: 'Socialnämnden: avvikelse ackumulerat per månad 2025 (tkr)' },
  { namn: 'prognos', fraga: 'vad är helårsprognosen för socialnämnden?', rubrik: 'Helårsprognos 2025: Socialnämnden' },
];

describe('browser: trenden och prognoshistoriken som diagram i Playground, på en laptop och en telefon (issue 14.4)', function () {
  const pg = new PlaygroundHarness();
  let webb: Webblasare | undefined;
  let page: Page;

  before(async function () {
    kravChromium(this);
    this.timeout(120_000);
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const { url } = await pg.startDemo('2025-12-10');
    webb = await oppnaPlayground(url, LAPTOP);
    page = webb.page;
    await page.locator('.ac-textBlock', { hasText: 'Hej! Jag är Budgetkollen' }).first().waitFor({ timeout: 20_000 });
  });

  after(async function () {
    this.timeout(30_000);
    await webb?.stang();
    await pg.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && webb) await page.screenshot({ path: join(SCREENSHOTS, 'fel.png') }).catch(() => undefined);
  });

  function kortet(rubrik: string): Locator {
    return page
      .locator('.ac-adaptiveCard')
      .filter({ has: page.locator('.ac-textBlock', { hasText: rubrik }) })
      .last();
  }

  /** The card's picture as the browser drew it: decoded (natural size) and laid out (shown size). */
  async function bilden(kort: Locator): Promise<{ naturlig: number; visad: number; hojd: number; alt: string; inomKortet: boolean }> {
    const img = kort.locator('img').first();
    await img.waitFor({ timeout: 20_000 });
    await page.waitForFunction((el) => (el as unknown as { complete: boolean }).complete, await img.elementHandle());
    return img.evaluate((el) => {
      const b = el as unknown as {
        naturalWidth: number;
        alt: string;
        getBoundingClientRect(): { width: number; height: number; left: number; right: number };
        closest(s: string): { getBoundingClientRect(): { left: number; right: number } } | null;
      };
      const r = b.getBoundingClientRect();
      const ram = b.closest('.ac-adaptiveCard')!.getBoundingClientRect();
      return {
        naturlig: b.naturalWidth,
        visad: r.width,
        hojd: r.height,
        alt: b.alt,
        inomKortet: r.left >= ram.left - 1 && r.right <= ram.right + 1,
      };
    });
  }

  for (const [i, f] of FRAGOR.entries()) {
    it(`på en laptop: ${f.namn} visar en bild som ritas, och siffrorna som text`, async () => {
      await page.setViewportSize(LAPTOP);
      await page.locator(COMPOSER).click();
      await page.keyboard.type(f.fraga);
      await page.keyboard.press('Enter');
      const kort = kortet(f.rubrik);
      await kort.waitFor({ timeout: 20_000 });
      const bild = await bilden(kort);
      await kort.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SCREENSHOTS, `0${2 * i + 1}-laptop-${f.namn}.png`) });
      await page.setViewportSize({ width: LAPTOP.width, height: 2000 });
      await kort.screenshot({ path: join(SCREENSHOTS, `0${2 * i + 1}-laptop-${f.namn}-kortet.png`) });
      await page.setViewportSize(LAPTOP);
      assert.equal(bild.naturlig, KORTDIAGRAM.bredd, 'PNG:n avkodades i webbläsaren');
      assert.ok(bild.visad > 200 && bild.hojd > 80, `bilden syns: ${JSON.stringify(bild)}`);
      assert.ok(bild.inomKortet, 'bilden ryms i kortet');
      assert.match(normalizeText(bild.alt), /^Stapeldiagram, /);
      const text = normalizeText((await kort.locator('.ac-textBlock').allInnerTexts()).join('\n'));
      const nov = sv(f.namn === 'trend' ? figures('sn', '2025-11').avvikelse : figures('sn', '2025-11').prognosavvikelse);
      assert.ok(text.includes(nov), `novembers ${nov} i\n${text}`);
    });

    it(`på en telefon (340 px): ${f.namn}s bild ryms på skärmen och ritas`, async () => {
      await page.setViewportSize(TELEFON);
      // As in the monthly report's suite: the Playground keeps its desktop layout, so a copy of its own rendering
      // of the card is laid out again over the whole screen at a phone's width (4 px margins).
      await kortet(f.rubrik).evaluate((kort) => {
        type Nod = { id: string; style: Record<string, string>; appendChild(n: Nod): void; cloneNode(djup: boolean): Nod; remove(): void };
        const dokument = (
          globalThis as unknown as { document: { body: Nod; createElement(t: string): Nod; getElementById(id: string): Nod | null } }
        ).document;
        dokument.getElementById('telefonskarm')?.remove();
        const skarm = dokument.createElement('div');
        skarm.id = 'telefonskarm';
        Object.assign(skarm.style, {
          position: 'fixed',
          inset: '0',
          background: '#f5f5f5',
          overflow: 'auto',
          zIndex: '2147483647',
          padding: '4px',
        });
        const kopia = (kort as unknown as Nod).cloneNode(true);
        Object.assign(kopia.style, { width: '332px', boxSizing: 'border-box' });
        skarm.appendChild(kopia);
        dokument.body.appendChild(skarm);
      });
      const kort = page.locator('#telefonskarm .ac-adaptiveCard');
      const bild = await bilden(kort);
      await page.screenshot({ path: join(SCREENSHOTS, `0${2 * i + 2}-telefon-${f.namn}.png`) });
      await page.evaluate(() =>
        (globalThis as unknown as { document: { getElementById(id: string): { remove(): void } | null } }).document
          .getElementById('telefonskarm')
          ?.remove(),
      );
      await page.setViewportSize(LAPTOP);
      assert.equal(bild.naturlig, KORTDIAGRAM.bredd, 'PNG:n avkodades i webbläsaren');
      assert.ok(
        bild.visad > 250 && bild.visad <= TELEFON.width,
        `bilden fyller kortets bredd utan att gå utanför: ${JSON.stringify(bild)}`,
      );
      assert.ok(bild.inomKortet, 'bilden ryms i kortet');
    });
  }
});
