// Browser suite (issue 14.5): every card with a table, in the Microsoft 365 Agents Playground in headless Debian
// Chromium, at a laptop's width and at a phone's (340 px), for the demo municipality, for Askersund (two
// plans numbered 1–8 and 1–10, measures named in whole sentences), Västervik and Norrby (long unit names). What is checked is what a reader sees: no
// word broken inside itself, no text past the card's edge, figures right-aligned in their columns, one
// section per plan. Screenshots go to test-results/browser-tabeller/.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { type Webblasare, kravChromium, oppnaPlayground } from '../support/webblasare.js';
import { REPO_ROOT } from '../../src/cli/playground.js';
import { PlaygroundHarness, normalizeText } from '../support/playground.js';

const SKARMBILDER = join(REPO_ROOT, 'test-results', 'browser-tabeller');
const COMPOSER = '[role=textbox][contenteditable=true]';
const LAPTOP = { width: 1366, height: 900 };
const TELEFON = { width: 340, height: 740 };
/** The Playground's current user (.m365agentsplayground.yml), made a controller where the data has none of its own. */
const PLAYGROUND_ANVANDARE = '00000000-0000-0000-0000-0000000000020';

interface Fall {
  namn: string;
  fraga: string;
  /** the card's heading, as the whole text of a text block */
  rubrik: RegExp;
  /** a table of figures: every figure right-aligned */
  tal: boolean;
  /** text the card must show, in this order */
  visar?: RegExp[];
}

/** What the page finds in one rendered card. */
interface Granskning {
  /** words drawn over more than one line: "Placeringsk|ostnader" */
  brutna: string[];
  /** text blocks wider than the card or reaching past its right edge */
  utanfor: string[];
  /** figures, and how each is aligned */
  tal: Array<{ text: string; justering: string }>;
  text: string;
}

/**
 * Runs in the page. A word is what the line breaker may not split: the text between spaces (a no-break space
 * keeps "1 000 tkr" together), with a break allowed after a hyphen, a dash or a slash ("Hälso-", "övertid/").
 * Each word's boxes (Range.getClientRects) must lie on one line.
 */
function granskaIWebblasaren(kort: unknown): Granskning {
  type Rekt = { top: number; bottom: number; left: number; right: number; width: number; height: number };
  type Nod = { nodeType: number; textContent: string | null; childNodes: ArrayLike<Nod> };
  type Element_ = Nod & {
    getBoundingClientRect(): Rekt;
    scrollWidth: number;
    clientWidth: number;
    querySelectorAll(s: string): ArrayLike<Element_>;
  };
  const g = globalThis as unknown as {
    document: { createRange(): { setStart(n: Nod, i: number): void; setEnd(n: Nod, i: number): void; getClientRects(): ArrayLike<Rekt> } };
    getComputedStyle(e: unknown): { textAlign: string; lineHeight: string; fontSize: string };
  };
  const el = kort as Element_;
  const ram = el.getBoundingClientRect();
  const block = Array.from(el.querySelectorAll('.ac-textBlock'));
  const brutna: string[] = [];
  const utanfor: string[] = [];
  const tal: Array<{ text: string; justering: string }> = [];
  const TAL = /^[−+-]?\d[\d\u00a0\u202f ]*(,\d+)?(\u00a0(tkr|mnkr|%))?$|^–$/;
  for (const b of block) {
    const r = b.getBoundingClientRect();
    if (r.width === 0) continue;
    const text = (b.textContent ?? '').trim();
    if (r.right > ram.right + 1 || b.scrollWidth > b.clientWidth + 1) utanfor.push(text);
    if (TAL.test(text)) tal.push({ text, justering: g.getComputedStyle(b).textAlign });
    // no named helper functions in here: the test runner's transpiler would wrap them in one the page lacks
    const textnoder: Nod[] = [];
    for (const stack: Nod[] = [b]; stack.length;) {
      const n = stack.pop()!;
      if (n.nodeType === 3) textnoder.push(n);
      else stack.push(...Array.from(n.childNodes).reverse());
    }
    for (const n of textnoder) {
      const s = n.textContent ?? '';
      const ord = /[^ \t\n\r‐–—/-]+[‐–—/-]?/g;
      for (let m = ord.exec(s); m; m = ord.exec(s)) {
        if (m[0].length < 2) continue;
        const range = g.document.createRange();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        const rader = new Set<number>();
        for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) rader.add(Math.round(rect.top / 4));
        // boxes on one line share their top (a few pixels apart at most for a bold or smaller run)
        const toppar = [...rader].sort((x, y) => x - y);
        if (toppar.length > 1 && toppar[toppar.length - 1] - toppar[0] > 1) brutna.push(`${m[0]} (i "${text}")`);
      }
    }
  }
  return { brutna, utanfor, tal, text: block.map((b) => (b.textContent ?? '').trim()).join('\n') };
}

type Kommun = 'demo' | 'askersund' | 'vastervik' | 'norrby';

/** The test municipalities' import folders and clocks (test/kommuner/fragor/*.ts), with the root unit's id. */
const ANDRA: Record<Exclude<Kommun, 'demo'>, { mapp: string; nu: string; rot: string }> = {
  askersund: { mapp: join('test', 'kommuner', 'askersund'), nu: '2025-02-14', rot: 'askersund' },
  vastervik: { mapp: join('test', 'kommuner', 'vastervik'), nu: '2022-02-10', rot: 'vastervik' },
  norrby: { mapp: join('test', 'fixtures', 'norrby'), nu: '2026-04-10', rot: 'N0' },
};

function fallFor(kommun: Kommun): Fall[] {
  if (kommun === 'norrby')
    // "Kommunledningskontoret" as a fact's title in the status card, and in a ranking
    return [
      { namn: 'status', fraga: 'hur ligger kommunstyrelsen', rubrik: /^Kommunstyrelsen t\.o\.m\. mars 2026$/, tal: false },
      { namn: 'rankning', fraga: 'rangordna alla förvaltningar och verksamheter', rubrik: / efter /, tal: true },
      { namn: 'manadsrapport', fraga: 'månadsrapport för kommunen', rubrik: /^Månadsrapport: Norrby kommun$/, tal: true },
    ];
  if (kommun === 'vastervik')
    // the nämnder's names in the monthly report's first column: "Barn- och utbildningsnämnd"
    return [
      { namn: 'manadsrapport', fraga: 'månadsrapport för kommunen', rubrik: /^Månadsrapport: Västerviks kommun$/, tal: true },
      { namn: 'status', fraga: 'hur ligger kommunen', rubrik: /^Västerviks kommun t\.o\.m\. december 2021$/, tal: false },
      { namn: 'atgarder', fraga: 'visa åtgärder', rubrik: /^Åtgärder för Västerviks kommun$/, tal: false },
    ];
  if (kommun === 'askersund')
    return [
      {
        namn: 'atgarder',
        fraga: 'visa åtgärder',
        rubrik: /^Åtgärder$/,
        tal: true,
        visar: [
          /^Socialnämnden$/m,
          /^1\. Aktivt arbete/m,
          /^8\. Genomfört vårdtyngdsmätning$/m,
          /^Äldreomsorg\/LSS$/m,
          /^1\. Minska övertid/m,
        ],
      },
      { namn: 'rankning', fraga: 'rangordna alla verksamheter', rubrik: /^Verksamheter efter/, tal: true, visar: [/^Underskott$/m] },
      // "Sjuksköterskeverksamhet", 23 letters: on a line of its own, in a column or as a fact's title
      {
        namn: 'rankning-enheter',
        fraga: 'rangordna alla enheter inom äldreomsorg/lss',
        rubrik: /inom Äldreomsorg\/LSS efter/,
        tal: true,
        visar: [/Sjuksköterskeverksamhet$/m],
      },
      { namn: 'status', fraga: 'hur ligger äldreomsorg/lss', rubrik: /^Äldreomsorg\/LSS, helåret 2024$/, tal: false },
      {
        namn: 'jamforelse',
        fraga: 'jämför sjuksköterskeverksamhet med bostadsanpassning',
        rubrik: /^Sjuksköterskeverksamhet och Bostadsanpassning/,
        tal: false,
      },
    ];
  return [
    {
      namn: 'atgarder',
      fraga: 'visa åtgärder',
      rubrik: /^Åtgärder$/,
      tal: true,
      visar: [
        /^Vård och stöd$/m,
        /^Realiserat 2025$/m,
        /^5\. Placeringskostnader IFO$/m,
        /^Individ- och familjeomsorg$/m,
        /^1\. Minska externa/m,
      ],
    },
    { namn: 'atgarder-aldreomsorg', fraga: 'visa åtgärder för äldreomsorg', rubrik: /^Åtgärder för Äldreomsorg$/, tal: true },
    {
      namn: 'rankning',
      fraga: 'rangordna alla verksamheter',
      rubrik: /^Verksamheter efter/,
      tal: true,
      visar: [/^Underskott$/m, /^1\. Barn och unga$/m, /^Överskott$/m, /Miljö- och byggavdelningen$/m],
    },
    {
      namn: 'bryt-ned',
      fraga: 'var kommer avvikelsen ifrån i socialnämnden',
      rubrik: /^Socialnämnden t\.o\.m\. .*: underskott/,
      tal: true,
    },
    { namn: 'manadsrapport', fraga: 'månadsrapport för socialnämnden', rubrik: /^Månadsrapport: Socialnämnden$/, tal: true },
    { namn: 'status', fraga: 'hur ligger socialnämnden', rubrik: /^Socialnämnden t\.o\.m\. november 2025$/, tal: false },
    {
      namn: 'rapporteringslage',
      fraga: 'vem har rapporterat för november i socialnämnden',
      rubrik: /^Rapporteringen för november 2025: Socialnämnden$/,
      tal: false,
    },
  ];
}

/** A municipality's import folder with the Playground's user as a controller of it all (its own users are not in the Playground). */
function medPlaygroundanvandare(kommun: Exclude<Kommun, 'demo'>): string {
  const mapp = mkdtempSync(join(tmpdir(), `budgetkollen-${kommun}-`));
  cpSync(join(REPO_ROOT, ANDRA[kommun].mapp), mapp, { recursive: true });
  const fil = join(mapp, 'anvandare.csv');
  writeFileSync(fil, `${readFileSync(fil, 'utf-8').trimEnd()}\n${PLAYGROUND_ANVANDARE};Alex Wilber;controller;${ANDRA[kommun].rot}\n`);
  return mapp;
}

for (const kommun of ['demo', 'askersund', 'vastervik', 'norrby'] as const) {
  describe(`browser: tabellerna i korten på en laptop och en telefon, ${kommun} (issue 14.5)`, function () {
    const pg = new PlaygroundHarness();
    let webb: Webblasare | undefined;
    let page: Page;
    let mapp: string | undefined;
    const katalog = join(SKARMBILDER, kommun);

    before(async function () {
      kravChromium(this);
      this.timeout(120_000);
      rmSync(katalog, { recursive: true, force: true });
      mkdirSync(katalog, { recursive: true });
      if (kommun === 'demo') {
        const { url } = await pg.startDemo('2025-12-10');
        webb = await oppnaPlayground(url, LAPTOP);
      } else {
        mapp = medPlaygroundanvandare(kommun);
        await pg.startBot({ storePath: await pg.prepareStore(mapp), now: ANDRA[kommun].nu });
        const { url } = await pg.startPlayground();
        webb = await oppnaPlayground(url, LAPTOP);
      }
      page = webb.page;
      await page.locator('.ac-textBlock', { hasText: 'Hej! Jag är Budgetkollen' }).first().waitFor({ timeout: 20_000 });
    });

    after(async function () {
      this.timeout(30_000);
      await webb?.stang();
      await pg.stop();
      if (mapp) rmSync(mapp, { recursive: true, force: true });
    });

    afterEach(async function () {
      if (this.currentTest?.state === 'failed' && webb) await page.screenshot({ path: join(katalog, 'fel.png') }).catch(() => undefined);
    });

    function kortet(rubrik: RegExp): Locator {
      return page
        .locator('.ac-adaptiveCard')
        .filter({ has: page.locator('.ac-textBlock', { hasText: rubrik }) })
        .last();
    }

    async function fraga(f: Fall): Promise<Locator> {
      await page.setViewportSize(LAPTOP);
      const fore = await kortet(f.rubrik).count();
      await page.locator(COMPOSER).click();
      await page.keyboard.type(f.fraga);
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        ([antal, kalla, flaggor]) => {
          const re = new RegExp(kalla, flaggor);
          const d = (
            globalThis as unknown as {
              document: {
                querySelectorAll(s: string): ArrayLike<{ querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> }>;
              };
            }
          ).document;
          return (
            Array.from(d.querySelectorAll('.ac-adaptiveCard')).filter((k) =>
              Array.from(k.querySelectorAll('.ac-textBlock')).some((b) => re.test((b.textContent ?? '').trim())),
            ).length > antal
          );
        },
        [fore, f.rubrik.source, f.rubrik.flags] as const,
        { timeout: 20_000 },
      );
      return kortet(f.rubrik);
    }

    /** Teams on a phone gives a card the screen's width: the Playground's own rendering, laid out again at 340 px (see manadsrapport.browser.test.ts). */
    async function paTelefon(kort: Locator): Promise<Locator> {
      await page.setViewportSize(TELEFON);
      await kort.evaluate((k) => {
        type Nod = { id: string; style: Record<string, string>; appendChild(n: Nod): void; cloneNode(djup: boolean): Nod };
        const dokument = (globalThis as unknown as { document: { body: Nod; createElement(t: string): Nod } }).document;
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
        const kopia = (k as unknown as Nod).cloneNode(true);
        Object.assign(kopia.style, { width: '332px', boxSizing: 'border-box' });
        skarm.appendChild(kopia);
        dokument.body.appendChild(skarm);
      });
      return page.locator('#telefonskarm .ac-adaptiveCard');
    }

    async function tillbaka(): Promise<void> {
      await page.evaluate(() => {
        const d = (globalThis as unknown as { document: { getElementById(id: string): { remove(): void } | null } }).document;
        d.getElementById('telefonskarm')?.remove();
      });
      await page.setViewportSize(LAPTOP);
    }

    function granska(kort: Locator): Promise<Granskning> {
      return kort.evaluate(granskaIWebblasaren);
    }

    function kravLasbar(f: Fall, g: Granskning, var_: string): void {
      assert.deepEqual(g.brutna, [], `${f.fraga} (${var_}): ord brutna mitt i`);
      assert.deepEqual(g.utanfor, [], `${f.fraga} (${var_}): text utanför kortet`);
      if (f.tal) {
        assert.ok(g.tal.length >= 2, `${f.fraga} (${var_}): tabellens tal (${g.tal.length})\n${g.text}`);
        // the renderer writes Right as text-align: end (the cards are left to right)
        const vanster = g.tal.filter((t) => t.justering !== 'right' && t.justering !== 'end');
        assert.deepEqual(vanster, [], `${f.fraga} (${var_}): tal som inte är högerställda`);
      }
      let fran = 0;
      const text = normalizeText(g.text);
      for (const re of f.visar ?? []) {
        const m = re.exec(text.slice(fran));
        assert.ok(m, `${f.fraga} (${var_}): ${re} efter position ${fran} i\n${text}`);
        fran += m.index + m[0].length;
      }
    }

    fallFor(kommun).forEach((f, i) => {
      it(`${f.fraga}: läsbart på en laptop och på en telefon (340 px)`, async function () {
        this.timeout(60_000);
        const nr = String(i + 1).padStart(2, '0');
        const kort = await fraga(f);
        await kort.scrollIntoViewIfNeeded();
        // the whole card in one picture: a window tall enough that the Playground's header does not cover it
        await page.setViewportSize({ width: LAPTOP.width, height: 2400 });
        await kort.screenshot({ path: join(katalog, `${nr}-${f.namn}-laptop.png`) });
        await page.setViewportSize(LAPTOP);
        kravLasbar(f, await granska(kort), 'laptop');

        const telefon = await paTelefon(kort);
        await page.screenshot({ path: join(katalog, `${nr}-${f.namn}-telefon-skarm.png`) });
        await page.setViewportSize({ width: TELEFON.width, height: 3200 });
        await telefon.screenshot({ path: join(katalog, `${nr}-${f.namn}-telefon.png`) });
        await page.setViewportSize(TELEFON);
        const g = await granska(telefon);
        await tillbaka();
        kravLasbar(f, g, '340 px');
      });
    });
  });
}
