// Browser suite, issue 18: the reporting round's reminder arrives in the personal chat of the Agents Playground
// when the bot's clock reaches the reminder time, as the form itself; sent from there it saves the figures.
// The bot runs as `npm start` does (src/index.ts) with a clock started at 07:29:15 on Friday 2 January 2026
// (BUDGETKOLLEN_NOW with a time of day runs on from there); Socialnämnden is reminded at 07:30.
// Screenshots go to test-results/browser/ (paminnelse-*.png).
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { type Webblasare, kravChromium, oppnaPlayground } from '../support/webblasare.js';
import { REPO_ROOT } from '../../src/cli/playground.js';
import { PlaygroundHarness, normalizeText } from '../support/playground.js';

const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'browser');
const CHAT_TEXT = 'p, .ac-textBlock';
/** 45 seconds before Socialnämnden's reminder time: enough for the Playground and the page to start. */
const NOW = '2026-01-02T07:29:15+01:00';
const REMINDER = 'Påminnelse: rapportera december 2025 senast onsdag 7 januari.';

describe('browser: påminnelsen i den personliga chatten när klockan når påminnelsetiden (issue 18)', function () {
  const pg = new PlaygroundHarness();
  let data: string | undefined;
  let webb: Webblasare | undefined;
  let page: Page;

  before(async function () {
    kravChromium(this);
    this.timeout(120_000);
    mkdirSync(SCREENSHOTS, { recursive: true });
    // the demo organisation with the municipality's deadline (working day 5) and Socialnämnden's (working day 3, 07:30)
    data = await mkdtemp(join(tmpdir(), 'budgetkollen-runda-'));
    for (const fil of readdirSync(join(REPO_ROOT, 'data', 'demo')).filter((f) => f.endsWith('.csv')))
      copyFileSync(join(REPO_ROOT, 'data', 'demo', fil), join(data, fil));
    writeFileSync(
      join(data, 'rapporteringsplan.csv'),
      'enhet;period;sista_dag;paminn_dagar;klockslag;uppehall\nkommun;;arbetsdag 5;3;08:00;juli\nsn;;arbetsdag 3;;07:30;\n',
    );
    await pg.startBot({ storePath: await pg.prepareStore(data), now: NOW });
    const { url } = await pg.startPlayground();
    webb = await oppnaPlayground(url, { width: 1400, height: 1000 });
    page = webb.page;
  });

  after(async function () {
    this.timeout(30_000);
    await webb?.stang();
    await pg.stop();
    for (const dir of [data]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && webb) await shot(`failed-${this.currentTest.title.slice(0, 20).replace(/\W+/g, '-')}`);
  });

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `paminnelse-${name}.png`), fullPage: false });
  }
  const inChat = (text: string): Locator => page.locator(CHAT_TEXT).filter({ hasText: text });
  const card = (text: string): Locator =>
    page
      .locator('.ac-adaptiveCard')
      .filter({ has: page.locator('.ac-textBlock', { hasText: text }) })
      .last();
  const cardText = async (l: Locator) => normalizeText((await l.locator('.ac-textBlock').allInnerTexts()).join('\n'));

  it('före 07:30 finns bara välkomsthälsningen; kl. 07:30 kommer påminnelsen med formuläret för Hemtjänst', async function () {
    this.timeout(120_000);
    await inChat('Hej! Jag är Budgetkollen').first().waitFor({ timeout: 30_000 });
    assert.equal(await inChat(REMINDER).count(), 0, 'no reminder before the reminder time');
    await shot('1-fore');
    await inChat(REMINDER).first().waitFor({ timeout: 90_000 });
    const reminder = card(REMINDER);
    // the card's top (the reminder's lines and the form's first fields) in view
    await reminder
      .locator('.ac-textBlock')
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await shot('2-paminnelse');
    const text = await cardText(reminder);
    assert.match(text, /^Rapportera siffror: Hemtjänst, december 2025\nPåminnelse: rapportera december 2025 senast onsdag 7 januari\./);
    assert.match(text, /11 enheter har inte rapporterat ännu: Hemtjänst, Särskilt boende/);
    assert.ok(await reminder.getByRole('button', { name: 'Skicka' }).isVisible());
    // one reminder, in the personal chat, sent when the bot's clock said 07:30
    const bubbles = pg.messages.filter(
      (m) => m.conversationId === pg.personalChatId && JSON.stringify(m.attachments).includes('Påminnelse'),
    );
    assert.equal(bubbles.length, 1);
  });

  it('formuläret i påminnelsen fylls i och skickas: kvittot ersätter det', async function () {
    this.timeout(60_000);
    const form = card(REMINDER);
    // December's figures are the year's: the annual budget, and an utfall as large as the forecast (issue 14.1)
    await form.getByLabel('Budget t.o.m. (tkr)').fill('66 000');
    await form.getByLabel('Utfall t.o.m. (tkr)').fill('69 200,5');
    await form.getByLabel('Kommentar').fill('Decembersiffror för hemtjänsten.');
    await form.getByRole('button', { name: 'Skicka' }).click();
    const receipt = 'Sparat: Hemtjänst t.o.m. december 2025';
    await inChat(receipt).first().waitFor({ timeout: 15_000 });
    await card(receipt).scrollIntoViewIfNeeded();
    await shot('3-kvitto');
    assert.match(await cardText(card(receipt)), /Alex Wilber/);
  });
});
