import assert from 'node:assert/strict';
// @ts-expect-error the package's dist build has no typings of its own
import * as AdaptiveCardsModul from 'adaptivecards/dist/adaptivecards.js';
import { atgardshistorikSvar, historikSvar } from '../../src/answers/historik.js';
import { atgardsformular, meddelande, utfallsformular } from '../../src/answers/formular.js';
import { atgardskonflikt, atgardskvitto, utfallskonflikt, utfallskvitto } from '../../src/answers/kvitto.js';
import type { Svar, Svarsmiljo } from '../../src/answers/svar.js';
import { bindKort } from '../../src/cards/binda.js';
import type { Utfall } from '../../src/domain/schema.js';
import type { Store } from '../../src/store/store.js';
import { DEMO_NU, demoStore, läsbar } from '../support/demo.js';
import { ALEX } from '../support/testbot.js';
import { inmatningar, kontrolleraKort, läsbartKort } from '../support/kort.js';
import { somSkrivet } from '../../src/domain/markdown.js';
import { Miljofabrik } from '../../src/answers/svarsmiljo.js';

interface AC {
  AdaptiveCard: new () => { parse(json: unknown): void; validateProperties(): { validationEvents: Array<{ message: string }> } };
}
const AC = ((AdaptiveCardsModul as { default?: AC }).default ?? AdaptiveCardsModul) as AC;

/** Beyond parse warnings: the object model's own checks (duplicate input ids, inputs without labels and the like). */
function egenskapsfel(kort: unknown): string[] {
  const card = new AC.AdaptiveCard();
  card.parse(kort);
  return card.validateProperties().validationEvents.map((e) => e.message);
}

const MALLAR = ['rapportera', 'kvitto', 'konflikt', 'atgardsformular', 'meddelande', 'historik'];

describe('kort för rapportering: Adaptive Cards 1.5 utan varningar, under 28 KB', () => {
  let store: Store;
  let m: Svarsmiljo;
  const sedda = new Set<string>();
  before(async () => {
    store = await demoStore();
    m = new Miljofabrik(store, () => DEMO_NU).skapa(store.register.anvandare.get(ALEX.anvandare), undefined);
  });

  const kontrollera = (svar: Svar, anvandartextMedMallsyntax = false) => {
    assert.ok(svar.kort, `inget kort: ${svar.text}`);
    sedda.add(svar.kort.mall);
    const kort = kontrolleraKort(bindKort(svar.kort), { anvandartextMedMallsyntax });
    assert.deepEqual(egenskapsfel(kort), []);
    return kort;
  };

  const bou = (andrat: Partial<Utfall> = {}): Utfall => ({ ...store.register.senasteVersion('bou', '2025-11')!, ...andrat });

  it('formuläret: ifyllt, summerat, tomt, med fel i varje fält', () => {
    kontrollera(utfallsformular(m, { enhet: 'bou', period: '2025-11', kortId: 'a'.repeat(36) }));
    kontrollera(utfallsformular(m, { enhet: 'ifo', period: '2025-11', kortId: 'a'.repeat(36) }));
    kontrollera(utfallsformular(m, { enhet: 'bou', period: '2025-12', kortId: 'a'.repeat(36) }));
    kontrollera(utfallsformular(m, { enhet: 'bou', period: '2024-01', kortId: 'a'.repeat(36) }));
    const medFel = kontrollera(
      utfallsformular(m, {
        enhet: 'bou',
        period: '2025-11',
        kortId: 'a'.repeat(36),
        grund: { version: 1, enhet: 'bou', period: '2025-11' },
        varden: {
          enhet: 'bou',
          period: '2099-01',
          budget_ack: '',
          utfall_ack: 'abc',
          budget_helar: 'x',
          prognos_helar: 'y',
          kommentar: '',
        },
        fel: { enhet: 'E', period: 'P', budget_ack: 'B', utfall_ack: 'U', budget_helar: 'H', prognos_helar: 'G', kommentar: 'K' },
      }),
    );
    for (const f of ['E', 'P', 'B', 'U', 'H', 'G', 'K']) assert.ok(läsbartKort(medFel).split('\n').includes(f), f);
  });

  it('admin får alla enheter att välja bland och kortet håller sig ändå under 28 KB', () => {
    const admin = { ...m, anvandare: store.register.anvandare.get('00000000-0000-0000-0000-0000000000022') };
    const kort = kontrollera(utfallsformular(admin, { enhet: 'grundskola', period: '2025-11', kortId: 'a'.repeat(36) }));
    const val = JSON.stringify(kort).match(/"value":"[a-z]+","title"|"title":"[^"]+","value":"[a-z]+"/g) ?? [];
    assert.ok(val.length > 20);
  });

  it('kvittot: första version, ändringar och varningar, oförändrat, upprepat; åtgärdens kvitto', () => {
    kontrollera(utfallskvitto(m, { ny: bou({ version: 2 }), fore: null }));
    kontrollera(
      utfallskvitto(m, { ny: bou({ version: 2, budget_ack: 30000, utfall_ack: 31000, kommentar: null }), fore: bou(), upprepad: true }),
    );
    kontrollera(utfallskvitto(m, { ny: bou(), fore: null, oforandrad: true }));
    const a = store.register.atgarder('ifo')[0];
    kontrollera(atgardskvitto(m, { ny: { ...a, status: 'försenad', utfall: { 2025: 10 }, version: 2 }, fore: a }));
  });

  it('konflikten, för siffror och för åtgärder', () => {
    const v = { enhet: 'bou', period: '2025-11', budget_ack: 1, utfall_ack: 2, budget_helar: null, prognos_helar: 3, kommentar: 'ny' };
    kontrollera(utfallskonflikt(m, { nuvarande: bou({ version: 2 }), grundversion: 1, varden: v, kortId: 'k'.repeat(36) }));
    const a = store.register.atgarder('ifo')[0];
    kontrollera(
      atgardskonflikt(m, {
        nuvarande: { ...a, version: 2 },
        grundversion: 1,
        varden: { status: 'pågår', ar: '2025', besparing: 5, kommentar: null },
        kortId: 'k'.repeat(36),
      }),
    );
  });

  it('åtgärdsformuläret, med och utan fel; meddelandet; historiken', () => {
    const a = store.register.atgarder('vos')[4];
    kontrollera(atgardsformular(m, { atgard: a, kortId: 'a'.repeat(36) }));
    kontrollera(
      atgardsformular(m, {
        atgard: a,
        kortId: 'a'.repeat(36),
        varden: { status: 'x', ar: '1999', besparing: 'y', kommentar: '' },
        fel: { status: 'S', ar: 'A', besparing: 'B', kommentar: 'K' },
      }),
    );
    kontrollera(meddelande('Inget har sparats', ['Tyvärr.'], 'Attention'));
    kontrollera(historikSvar(m, store.register.enhet('bou')!, '2025-11'));
    kontrollera(historikSvar(m, store.register.enhet('ifo')!, '2025-11'));
    kontrollera(atgardshistorikSvar(m, a));
  });

  it('det användaren skrev är data: mallsyntax och markdown i en kommentar binds ordagrant, aldrig som uttryck', () => {
    const farlig = '${rubrik} @{kortId} {{DATE(2017-02-14T06:08:39Z,SHORT)}} **fet** [länk](https://example.com) </p>';
    const form = kontrollera(
      utfallsformular(m, {
        enhet: 'bou',
        period: '2025-11',
        kortId: 'a'.repeat(36),
        varden: {
          enhet: 'bou',
          period: '2025-11',
          budget_ack: '${kortId}',
          utfall_ack: '1',
          budget_helar: '',
          prognos_helar: '',
          kommentar: farlig,
        },
        fel: {},
      }),
      true,
    );
    const v = inmatningar(form);
    assert.equal(v.kommentar, farlig);
    assert.equal(v.budget_ack, '${kortId}');
    const kvitto = kontrollera(utfallskvitto(m, { ny: bou({ version: 2, kommentar: farlig }), fore: bou() }), true);
    // in the receipt the comment is shown as typed: its markup characters escaped, so Teams renders them literally
    assert.ok(läsbartKort(kvitto).includes(`Kommentar: ${somSkrivet(farlig)}`));
  });

  after(() => {
    assert.deepEqual([...sedda].sort(), [...MALLAR].sort(), 'varje ny mall ska ha kontrollerats');
  });
});

describe('kort för rapportering: texten och kortet säger samma sak', () => {
  it('kvittots text och kort har samma siffror', async () => {
    const store = await demoStore();
    const m = new Miljofabrik(store, () => DEMO_NU).skapa(undefined, undefined);
    const ny = { ...store.register.senasteVersion('bou', '2025-11')!, version: 2, utfall_ack: 29000 };
    const svar = utfallskvitto(m, { ny, fore: store.register.senasteVersion('bou', '2025-11')! });
    const kort = läsbartKort(bindKort(svar.kort!));
    for (const rad of ['Utfall t.o.m.: 29 000 tkr', 'Avvikelse: -7 026 tkr', 'Utfall t.o.m.: 28 674 tkr → 29 000 tkr (+326)']) {
      assert.ok(kort.includes(rad), `kortet saknar ${rad}`);
      assert.ok(läsbar(svar.text).includes(rad), `texten saknar ${rad}`);
    }
  });
});
