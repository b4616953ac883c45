// Browser suite (issue 6): what a person sees in the Microsoft 365 Agents Playground's web UI, driven
// in headless Debian Chromium through playwright-core, against the real bot with the demo data.
// Assertions read only chat bodies and card text (`p, .ac-textBlock`), never the Log Panel, which
// shows the same words in raw activities (shared/notes/agents-playground.md, pitfall 7).
// A screenshot of every step goes to test-results/browser/.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { type Webblasare, kravChromium, oppnaPlayground } from '../support/webblasare.js';
import { REPO_ROOT } from '../../src/cli/playground.js';
import { PlaygroundHarness, normalizeText } from '../support/playground.js';
import { Expectations, amount, figures, num, percent, periodName, round1, sv, unit } from '../e2e/demodata.js';

const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'browser');
const NOW = '2025-12-10';
const LATEST = '2025-11';
/** Chat bodies and card text; the Log Panel and the chat list use spans. */
const CHAT_TEXT = 'p, .ac-textBlock';
const COMPOSER = '[role=textbox][contenteditable=true]';
/** What the controller types into IFO's November form: a higher outcome and forecast, with a comment. */
const REPORTED = { utfall: '57 200,5', prognos: '62 000', kommentar: 'Två nya externa placeringar i november.' };
const REPORTED_UTFALL = 57200.5;
const REPORTED_PROGNOS = 62000;
/** Then December for IFO, far over its critical limit (103 % in trosklar.csv), which General is alerted to. */
const NEXT = '2025-12';
const RED = { budget: '50 960', utfall: '61 480,5', prognos: '62 300', kommentar: 'Två nya externa placeringar inom Barn och unga.' };

describe('browser: the Agents Playground in headless Chromium (issue 6)', function () {
  const pg = new PlaygroundHarness();
  let webb: Webblasare | undefined;
  let page: Page;
  let step = 0;

  before(async function () {
    kravChromium(this);
    this.timeout(120_000);
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const { url } = await pg.startDemo(NOW);
    webb = await oppnaPlayground(url, { width: 1400, height: 1000 });
    page = webb.page;
  });

  after(async function () {
    this.timeout(30_000);
    await webb?.stang();
    await pg.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !webb) return;
    const name = `failed-${slug(this.currentTest.title)}`;
    await shot(name);
    writeFileSync(join(SCREENSHOTS, `${String(step).padStart(2, '0')}-${name}.html`), await page.content());
  });

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(SCREENSHOTS, `${String(++step).padStart(2, '0')}-${name}.png`), fullPage: false });
  }

  /** The chat bodies and card text blocks whose text contains `text`. */
  function inChat(text: string): Locator {
    return page.locator(CHAT_TEXT).filter({ hasText: text });
  }

  /**
   * The conversation pane: the innermost element holding both the composer and the cards. The
   * user's own bubbles are spans (like the Log Panel's lines), so they are looked for only here.
   */
  function chatPane(): Locator {
    return page
      .locator('div')
      .filter({ has: page.locator(COMPOSER) })
      .filter({ has: page.locator('.ac-adaptiveCard') })
      .last();
  }

  /** In a channel: the box for starting a new post (each thread has its own reply box below it). */
  function newPostBox(): Locator {
    return page.getByRole('group').filter({ hasText: 'Start a new post' });
  }

  /** The newest card in the chat pane with a text block containing `text`. */
  function card(text: string): Locator {
    return page
      .locator('.ac-adaptiveCard')
      .filter({ has: page.locator('.ac-textBlock', { hasText: text }) })
      .last();
  }

  /** What the card shows, as text: its text blocks (facts are text blocks too), one per line. */
  async function cardText(locator: Locator): Promise<string> {
    const blocks = await locator.locator('.ac-textBlock').allInnerTexts();
    return normalizeText(blocks.join('\n'));
  }

  async function type(text: string): Promise<void> {
    const composer = page.locator(COMPOSER);
    await composer.click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  it('opens the personal chat with the welcome card', async () => {
    await inChat('Hej! Jag är Budgetkollen').first().waitFor({ timeout: 20_000 });
    await page.locator(COMPOSER).waitFor();
    await shot('welcome');
    const text = await cardText(card('Hej! Jag är Budgetkollen'));
    assert.match(text, /Prova en fråga/);
    assert.equal(await chatPane().getByText('Log Panel').count(), 0, 'the chat pane does not include the Log Panel');
  });

  it('answers "hur ligger IFO mot budget?" typed in the composer with IFO\'s figures on a card', async () => {
    await type('hur ligger IFO mot budget?');
    const heading = `${unit('ifo').namn} t.o.m. ${periodName(LATEST)}`;
    await inChat(heading).first().waitFor({ timeout: 15_000 });
    await chatPane().getByText('hur ligger IFO mot budget?', { exact: true }).waitFor();
    await shot('status-ifo');
    const f = figures('ifo', LATEST);
    const e = new Expectations(await cardText(card(heading)))
      .has('verdict', /Underskott/)
      .has('budget to date', amount(f.budget))
      .has('outcome to date', amount(f.utfall))
      .has('deviation', amount(f.avvikelse, { signed: true }))
      .has('% of budget', percent(f.procent))
      .has('annual budget', amount(f.budgetHelar))
      .has('forecast', amount(f.prognosHelar));
    assert.deepEqual(e.missing, [], e.message());
    for (const title of ['Visa trend', 'Bryt ned', 'Visa åtgärder']) {
      assert.ok(await card(heading).getByRole('button', { name: title }).isVisible(), `button ${title}`);
    }
  });

  it('reports figures on the form card from "Rapportera siffror" and shows the receipt in its place (issue 4)', async () => {
    const before = figures('ifo', LATEST);
    const heading = `${unit('ifo').namn} t.o.m. ${periodName(LATEST)}`;
    await card(heading).getByRole('button', { name: 'Rapportera siffror' }).click();
    const formHeading = `Rapportera siffror: ${unit('ifo').namn}, ${periodName(LATEST)}`;
    await inChat(formHeading).first().waitFor({ timeout: 15_000 });
    const form = card(formHeading);
    // The form starts from the figures the status card showed.
    assert.equal(normalizeText(await form.getByLabel('Utfall t.o.m. (tkr)').inputValue()), sv(before.utfall));
    await form.getByLabel('Utfall t.o.m. (tkr)').fill(REPORTED.utfall);
    await form.getByLabel('Helårsprognos (tkr)').fill(REPORTED.prognos);
    await form.getByLabel('Kommentar').fill(REPORTED.kommentar);
    await form.scrollIntoViewIfNeeded();
    await shot('rapportera-ifyllt');
    await form.getByRole('button', { name: 'Skicka' }).click();
    // IFO has units below it: the first press says its own row will replace their sum and saves nothing (issue 14.3)
    const confirm = card(formHeading).getByRole('button', { name: 'Skicka ändå' });
    await confirm.waitFor({ timeout: 15_000 });
    assert.match(await cardText(card(formHeading)), /har \d+ enheter under sig\. Sparar du blir de här siffrorna .* i stället för summan/);
    await card(formHeading).scrollIntoViewIfNeeded();
    await shot('rapportera-bekrafta');
    await confirm.click();

    const receiptHeading = `Sparat: ${unit('ifo').namn} t.o.m. ${periodName(LATEST)}`;
    await inChat(receiptHeading).first().waitFor({ timeout: 15_000 });
    const receipt = card(receiptHeading);
    await receipt.scrollIntoViewIfNeeded();
    await shot('rapportera-kvitto');
    assert.equal(await inChat(formHeading).count(), 0, 'the receipt replaced the form in place');
    const e = new Expectations(await cardText(receipt))
      .has('who', 'Alex Wilber')
      .has('budget to date (unchanged)', amount(before.budget))
      .has('new outcome', amount(REPORTED_UTFALL))
      .has('new deviation', amount(round1(before.budget - REPORTED_UTFALL), { signed: true }))
      .has('new forecast', amount(REPORTED_PROGNOS))
      .has('comment', REPORTED.kommentar);
    assert.deepEqual(e.missing, [], e.message());
  });

  it('then answers "hur ligger IFO mot budget?" with the reported figures', async () => {
    await type('hur ligger IFO mot budget?');
    const heading = `${unit('ifo').namn} t.o.m. ${periodName(LATEST)}`;
    const status = page.locator('.ac-adaptiveCard').filter({ has: page.locator('.ac-textBlock', { hasText: heading }) });
    await status.nth(1).waitFor({ timeout: 15_000 });
    await status.last().scrollIntoViewIfNeeded();
    await shot('status-efter-rapport');
    const e = new Expectations(await cardText(status.last()))
      .has('new outcome', amount(REPORTED_UTFALL))
      .has('new forecast', amount(REPORTED_PROGNOS))
      .has('comment', REPORTED.kommentar);
    assert.deepEqual(e.missing, [], e.message());
  });

  it("in the team installed by custom activities, General subscribes to IFO's alerts by a message that mentions the bot (issue 5)", async () => {
    await pg.sendCustomActivity('install', pg.teamId);
    await pg.sendCustomActivity('botAdded', pg.teamId);
    await page.getByRole('treeitem', { name: /General/ }).click();
    await newPostBox().waitFor({ timeout: 15_000 });
    await inChat('Hej! Jag är Budgetkollen').first().waitFor({ timeout: 15_000 });
    await shot('general');
    // A new post: the composer at the top of the channel (each thread has its own below).
    await newPostBox().locator(COMPOSER).click();
    await page.keyboard.type('@Budg');
    await page.getByRole('menuitem', { name: /Budgetkollen/ }).click();
    await page.keyboard.type(' prenumerera på larm för IFO');
    await shot('general-mention');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await inChat('den här kanalen får nu larm för').first().waitFor({ timeout: 15_000 });
    await shot('general-prenumeration');
    const reply = normalizeText(await inChat('den här kanalen får nu larm för').first().innerText());
    assert.match(reply, new RegExp(unit('ifo').namn));
  });

  it('the controller reports red figures for IFO (December) on the form card in the personal chat', async () => {
    await page.getByRole('treeitem', { name: /Personal Chat/ }).click();
    await newPostBox().waitFor({ state: 'detached' });
    // The month still running is named: the form's default is the latest closed month (issue 13).
    await type(`rapportera siffror för IFO i ${periodName(NEXT).split(' ')[0]}`);
    const formHeading = `Rapportera siffror: ${unit('ifo').namn}, ${periodName(NEXT)}`;
    await inChat(formHeading).first().waitFor({ timeout: 15_000 });
    const form = card(formHeading);
    await form.getByLabel('Budget t.o.m. (tkr)').fill(RED.budget);
    await form.getByLabel('Utfall t.o.m. (tkr)').fill(RED.utfall);
    await form.getByLabel('Helårsprognos (tkr)').fill(RED.prognos);
    await form.getByLabel('Kommentar').fill(RED.kommentar);
    await form.getByRole('button', { name: 'Skicka' }).click();
    const confirm = card(formHeading).getByRole('button', { name: 'Skicka ändå' });
    await confirm.waitFor({ timeout: 15_000 });
    await confirm.click();
    await inChat(`Sparat: ${unit('ifo').namn} t.o.m. ${periodName(NEXT)}`)
      .first()
      .waitFor({ timeout: 15_000 });
    await shot('rapportera-rott');
  });

  it('the alert card appears as a new post in General, with the figures that crossed the limit', async () => {
    await page.getByRole('treeitem', { name: /General/ }).click();
    const alertHeading = `${unit('ifo').namn} t.o.m. ${periodName(NEXT)}`;
    const alert = page
      .locator('.ac-adaptiveCard')
      .filter({ has: page.locator('.ac-textBlock', { hasText: 'KRITISK NIVÅ' }) })
      .filter({ hasText: alertHeading });
    await alert.first().waitFor({ timeout: 15_000 });
    await alert.first().scrollIntoViewIfNeeded();
    await shot('general-larm');
    const budget = num(RED.budget.replace(/ /g, ''));
    const utfall = num(RED.utfall.replace(/ /g, ''));
    const e = new Expectations(await cardText(alert.first()))
      .has('level', 'KRITISK NIVÅ')
      .has('unit and period', alertHeading)
      .has('outcome', amount(utfall))
      .has('budget', amount(budget))
      .has('deviation', amount(round1(budget - utfall), { signed: true }))
      .has('% of budget', percent(Math.round((utfall / budget) * 1000) / 10))
      .has('comment', RED.kommentar);
    assert.deepEqual(e.missing, [], e.message());
  });
});

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9åäö]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}
