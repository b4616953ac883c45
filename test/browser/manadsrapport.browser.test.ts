// Browser suite (issue 19): the nämnd's monthly report card in the Microsoft 365 Agents Playground, in
// headless Debian Chromium at a laptop's width and at a phone's (340 px). Assertions read only card text
// blocks, never the Log Panel. Screenshots go to test-results/browser-manadsrapport/.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { type Webblasare, kravChromium, oppnaPlayground } from '../support/webblasare.js';
import { REPO_ROOT } from '../../src/cli/playground.js';
import { PlaygroundHarness, normalizeText } from '../support/playground.js';
import { figures, sv } from '../e2e/demodata.js';

const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'browser-manadsrapport');
const COMPOSER = '[role=textbox][contenteditable=true]';
const RUBRIK = 'Månadsrapport: Socialnämnden';
const LAPTOP = { width: 1366, height: 900 };
const TELEFON = { width: 340, height: 740 };

describe('browser: månadsrapportens kort i Playground, på en laptop och en telefon (issue 19)', function () {
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
  });

  after(async function () {
    this.timeout(30_000);
    await webb?.stang();
    await pg.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && webb) await page.screenshot({ path: join(SCREENSHOTS, 'fel.png') }).catch(() => undefined);
  });

  function kortet(): Locator {
    return page
      .locator('.ac-adaptiveCard')
      .filter({ has: page.locator('.ac-textBlock', { hasText: RUBRIK }) })
      .last();
  }

  async function korttext(): Promise<string> {
    return normalizeText((await kortet().locator('.ac-textBlock').allInnerTexts()).join('\n'));
  }

  /** The card's text blocks that are cut off: wider than the card, or reaching past its right edge. */
  async function utanforKortet(): Promise<string[]> {
    return kortet().evaluate((kort) => {
      const ram = kort.getBoundingClientRect();
      return [...kort.querySelectorAll('.ac-textBlock')]
        .filter((b) => {
          const r = b.getBoundingClientRect();
          return r.width > 0 && (r.right > ram.right + 1 || b.scrollWidth > b.clientWidth + 1);
        })
        .map((b) => b.textContent ?? '');
    });
  }

  it('på en laptop: frågan i chatten ger protokollets tabell med nämndens siffror och knapparna Excel och Word', async () => {
    await page.locator('.ac-textBlock', { hasText: 'Hej! Jag är Budgetkollen' }).first().waitFor({ timeout: 20_000 });
    await page.locator(COMPOSER).click();
    await page.keyboard.type('månadsrapport för socialnämnden');
    await page.keyboard.press('Enter');
    await kortet().waitFor({ timeout: 20_000 });
    await kortet().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, '01-laptop.png') });
    // The whole card in one picture: a window tall enough that the Playground's header does not cover it.
    await page.setViewportSize({ width: LAPTOP.width, height: 2000 });
    await kortet().screenshot({ path: join(SCREENSHOTS, '02-laptop-kortet.png') });
    await page.setViewportSize(LAPTOP);
    const text = await korttext();
    for (const id of ['vos', 'ifo', 'sn']) {
      const f = figures(id, '2025-11');
      for (const v of [f.budget, f.utfall, f.avvikelse]) assert.ok(text.includes(sv(v)), `${id}: ${sv(v)} in\n${text}`);
    }
    assert.match(text, /Summa/);
    assert.match(text, /Helår 2025/);
    for (const knapp of ['Excel', 'Word']) assert.ok(await kortet().getByRole('button', { name: knapp }).isVisible(), knapp);
    assert.deepEqual(await utanforKortet(), []);
  });

  it('på en telefon (340 px): samma kort, tabellen ryms och siffrorna går att läsa', async () => {
    await page.setViewportSize(TELEFON);
    // The Playground is a desktop client: its chat column keeps 600 px beside its side panels, and its cards
    // 446 px, at any window size. Teams on a phone gives a card the screen's width, so a copy of the
    // Playground's own rendering of the card is laid out again over the whole screen at that width
    // (4 px margins); the Playground's page underneath is left as it is.
    await kortet().evaluate((kort) => {
      type Nod = { style: Record<string, string>; appendChild(n: Nod): void; cloneNode(djup: boolean): Nod };
      const dokument = (globalThis as unknown as { document: { body: Nod; createElement(t: string): Nod } }).document;
      const skarm = dokument.createElement('div');
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
    await page.screenshot({ path: join(SCREENSHOTS, '03-telefon.png') });
    await page.setViewportSize({ width: TELEFON.width, height: 2400 });
    await kortet().screenshot({ path: join(SCREENSHOTS, '04-telefon-kortet.png') });
    await page.setViewportSize(TELEFON);
    const ram = await kortet().boundingBox();
    assert.ok(ram && ram.x >= 0 && ram.x + ram.width <= TELEFON.width + 1, `the card is inside the screen: ${JSON.stringify(ram)}`);
    assert.deepEqual(await utanforKortet(), [], 'no figure is cut off');
    // Every figure on one line: a number broken over two lines ("−17 795,\n6") cannot be read.
    const tal = await kortet().evaluate((kort) => {
      const fonster = globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string } };
      return [...kort.querySelectorAll('.ac-textBlock')]
        .filter((b) => /^[−-]?\d[\d\u00a0 ]*(,\d)?(\u00a0%)?$/.test((b.textContent ?? '').trim()))
        .map((b) => ({
          text: (b.textContent ?? '').trim(),
          hojd: b.getBoundingClientRect().height,
          storlek: parseFloat(fonster.getComputedStyle(b).fontSize),
        }));
    });
    assert.ok(tal.length >= 20, `the tables' figures (${tal.length})`);
    const brutna = tal.filter((t) => t.hojd >= t.storlek * 2);
    assert.deepEqual(brutna, [], 'no figure broken over two lines');
    assert.ok(
      tal.every((t) => t.storlek >= 11),
      `readable text (${Math.min(...tal.map((t) => t.storlek))} px)`,
    );
    const summa = sv(figures('sn', '2025-11').avvikelse);
    assert.ok(
      tal.some((t) => normalizeText(t.text) === summa),
      `the sum row's avvikelse ${summa}`,
    );
    assert.ok(await kortet().getByRole('button', { name: 'Excel' }).isVisible());
  });
});
