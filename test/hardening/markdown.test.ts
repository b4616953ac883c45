// Promise 4, the echo part: text a user typed (a comment, a unit name) is shown as typed, never as markdown,
// a mention or a template. Teams renders message text and every TextBlock and fact as markdown, so wherever
// user text is echoed there, its markup must be escaped. (The reporting cards' own echoes: see
// markdown-rapportering.test.ts.)
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { somSkrivet } from '../../src/domain/markdown.js';
import type { Store } from '../../src/store/store.js';
import { type LokalAvsandare, LokalKanal } from '../../src/teams/lokalt.js';
import { ADMIN, CHEF_IFO, CONTROLLER_SN, testbot } from '../support/testbot.js';
import { DEMO_NU, demoStore } from '../support/demo.js';
import { kortvarningar } from '../support/kortvalidering.js';
import { SENTINELLER, kortI, raMarkdown } from './stod.js';

const ALLT = SENTINELLER.join(' ');
const alex: LokalAvsandare = { anvandare: CONTROLLER_SN };
const megan: LokalAvsandare = { anvandare: CHEF_IFO };

describe('härdning 4: användartext visas som den skrevs, inte som markdown', function () {
  this.timeout(60000);
  let store: Store;
  let kanal: LokalKanal;

  before(async () => {
    store = await demoStore();
    kanal = (await testbot({ store })).kanal;
    // A controller's comment on December's figures and on a measure, written the way every change is.
    await store.ändra({ vem: CONTROLLER_SN, kalla: 'kort' }, (tx) => {
      tx.lagg('utfall', {
        enhet: 'bou',
        period: '2025-12',
        budget_ack: 24000,
        utfall_ack: 31000,
        budget_helar: 24000,
        prognos_helar: 31500,
        kommentar: `Placeringar ${ALLT}`,
        kalla: 'kort',
        version: 1,
        rapporterad_av: CONTROLLER_SN,
        rapporterad: DEMO_NU.toISOString(),
      });
      const a = tx.register.atgarder('ifo').find((x) => x.nr === 1)!;
      tx.sätt('atgarder', {
        ...a,
        kommentar: `Läget ${ALLT}`,
        version: a.version + 1,
        andrad_av: CONTROLLER_SN,
        andrad: DEMO_NU.toISOString(),
      });
    });
  });

  const fall: Array<[string, () => Promise<Array<Partial<Activity>>>]> = [
    ['ett okänt enhetsnamn i en fråga', () => kanal.fraga(`hur ligger ${ALLT} mot budget?`, megan)],
    ['ett okänt enhetsnamn i en rapportbegäran', () => kanal.fraga(`rapportera för ${ALLT}`, alex)],
    ['statussvaret som visar kommentaren', () => kanal.fraga('hur ligger barn och unga mot budget i december?', megan)],
    [
      'statussvaret för föräldern, där kommentaren står vid största avvikelsen',
      () => kanal.fraga('hur ligger IFO mot budget i december?', megan),
    ],
    ['en åtgärd med kommentar', () => kanal.fraga('visa åtgärd 1 för IFO', megan)],
    ['åtgärdslistan', () => kanal.fraga('visa åtgärder för IFO', megan)],
    [
      'prenumeration på en okänd enhet',
      () => kanal.fraga(`prenumerera på larm för ${ALLT}`, { anvandare: ADMIN, konversation: '19:kanal@thread.tacv2' }),
    ],
    ['tröskel med ett ogiltigt värde', () => kanal.fraga(`sätt varningströskel för IFO till ${ALLT} %`, { anvandare: ADMIN })],
  ];

  for (const [namn, gor] of fall) {
    it(namn, async () => {
      const aktiviteter = await gor();
      assert.ok(
        aktiviteter.some((a) => a.type === 'message'),
        'inget svar',
      );
      for (const k of kortI(aktiviteter)) assert.deepEqual(kortvarningar(k), [], 'kortet ger varningar');
      assert.deepEqual(raMarkdown(aktiviteter), [], 'användartext visas som markdown');
    });
  }

  it('kontroll: kommentaren syns, med sina tecken, i svaret', async () => {
    const text = JSON.stringify(await kanal.fraga('hur ligger barn och unga mot budget i december?', megan));
    assert.ok(text.includes(JSON.stringify(somSkrivet(`Placeringar ${ALLT}`)).slice(1, -1)), 'kommentaren saknas');
  });

  it('somSkrivet: markup escapas, vanlig text och svenska tal lämnas orörda', () => {
    assert.equal(somSkrivet('Sena fakturor (ca 300 tkr), −1 651,4 tkr; 107 %.'), 'Sena fakturor (ca 300 tkr), −1 651,4 tkr; 107 %.');
    assert.equal(
      somSkrivet('**fet** _k_ `c` [a](b) <at>x</at> ${y} ~~s~~ \\'),
      '\\*\\*fet\\*\\* \\_k\\_ \\`c\\` \\[a\\](b) \\<at\\>x\\</at\\> $\\{y\\} \\~\\~s\\~\\~ \\\\',
    );
    assert.equal(somSkrivet('rad\n- punkt\n  # rubrik\n1. ett\n-5 tkr'), 'rad\n\\- punkt\n  \\# rubrik\n1\\. ett\n-5 tkr');
  });
});
