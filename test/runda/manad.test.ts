// A month of the reporting round on sinon's fake clock: the bot's scheduler (src/usecases/rundschema.ts) and the
// outbox sender as src/index.ts runs them, over the demo data on a store file. January 2026 is the round for
// December 2025: Socialnämnden reports by working day 3 (Wednesday 7 January; 6 January is trettondedag jul),
// the other nämnder by the municipality's working day 5 (Friday 9 January).
import assert from 'node:assert/strict';
import sinon from 'sinon';
import type { Leverans, Tid } from '../../src/alerts/utkorg.js';
import { Utkorgsavsandare } from '../../src/alerts/utkorg.js';
import { lokaltid } from '../../src/domain/tidszon.js';
import { tystLogg } from '../../src/logg.js';
import { type Fillagring, Store } from '../../src/store/store.js';
import { Rundschema } from '../../src/usecases/rundschema.js';
import { demoStore } from '../support/demo.js';
import { ALEX, CHEF_IFO, CONTROLLER_ANNAN } from '../support/testbot.js';
import { ANDRA_ENHETER, SN_ENHETER, installeraPersonligt, medPlan, personligKonversation } from './stod.js';

const KVART = 15 * 60_000;
/** Midnight, 1 January 2026, Swedish time. */
const START = Date.parse('2026-01-01T00:00:00+01:00');

interface Mottaget {
  till: string;
  slag: string;
  dag: string;
  kl: string;
  text: string;
  kortEnhet: unknown;
}

describe('rapporteringsrundan en månad med fejkad klocka', function () {
  this.timeout(120_000);
  let klocka: sinon.SinonFakeTimers;
  let tid: Tid;
  let store: Fillagring;
  let schema: Rundschema;
  let avsandare: Utkorgsavsandare;
  const mottaget: Mottaget[] = [];
  const vem = new Map([
    [personligKonversation(ALEX.anvandare), 'Alex'],
    [personligKonversation(CONTROLLER_ANNAN), 'Isaiah'],
    [personligKonversation(CHEF_IFO), 'Megan'],
  ]);

  const starta = () => {
    avsandare = new Utkorgsavsandare({
      store,
      logg: tystLogg,
      tid,
      intervallMs: 3_600_000,
      transport: {
        skicka: async (l: Leverans) => {
          const nu = lokaltid(new Date(klocka.now));
          const kort = l.svar.kort?.data as { varden?: { enhet?: unknown } } | undefined;
          mottaget.push({
            till: vem.get(l.konversation.id) ?? l.konversation.id,
            slag: l.utskick.slag,
            dag: nu.datum,
            kl: `${String(Math.floor(nu.minut / 60)).padStart(2, '0')}:${String(nu.minut % 60).padStart(2, '0')}`,
            text: l.svar.text,
            kortEnhet: kort?.varden?.enhet,
          });
        },
      },
    });
    schema = new Rundschema({ store, logg: tystLogg, klocka: () => new Date(klocka.now), tid, planerat: () => avsandare.vacka() });
    avsandare.starta();
    schema.starta();
  };
  const stoppa = async () => {
    await schema.stoppa();
    await avsandare.stoppa();
  };
  /** Fake time on, a quarter at a time (every reminder time is on a quarter), waiting for the store's real I/O. */
  const tillKlockan = async (iso: string) => {
    const mal = Date.parse(iso);
    while (klocka.now < mal) {
      await klocka.tickAsync(Math.min(KVART, mal - klocka.now));
      await schema.vila();
      await avsandare.vila();
      await store.vanta();
      await avsandare.vila();
    }
  };
  /** December's figures for units, as a card submit would store them. */
  const rapportera = async (enheter: string[], vem_: string) => {
    await store.ändra({ vem: vem_, kalla: 'kort' }, (tx) => {
      for (const enhet of enheter) {
        const nov = tx.register.senasteVersion(enhet, '2025-11')!;
        tx.lagg('utfall', {
          ...nov,
          period: '2025-12',
          budget_ack: Math.round((nov.budget_ack * 12) / 11),
          utfall_ack: Math.round((nov.utfall_ack * 12) / 11),
          kalla: 'kort',
          version: 1,
          rapporterad_av: vem_,
          rapporterad: new Date(klocka.now).toISOString(),
        });
      }
    });
  };
  const dagar = (till: string, slag = 'påminnelse') => mottaget.filter((m) => m.till === till && m.slag === slag).map((m) => m.dag);

  before(async () => {
    klocka = sinon.useFakeTimers({ now: START, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    tid = { nu: () => klocka.now, sätt: (fn, ms) => klocka.setTimeout(fn, ms), rensa: (h) => klocka.clearTimeout(h as number) };
    store = await demoStore(() => new Date(klocka.now));
    await medPlan(store);
    await installeraPersonligt(store);
    starta();
  });

  after(async () => {
    await stoppa();
    await store.stang();
    klocka.restore();
  });

  it('nyårsdagen och helgen: inget; fredag 2 januari kl. 07:30: Socialnämndens påminnelse till Alex, med formuläret för den första enheten', async () => {
    await tillKlockan('2026-01-02T07:15:00+01:00');
    assert.equal(mottaget.length, 0);
    await tillKlockan('2026-01-02T07:45:00+01:00');
    assert.equal(mottaget.length, 1);
    const m = mottaget[0];
    assert.deepEqual(
      { till: m.till, slag: m.slag, dag: m.dag, kl: m.kl, kortEnhet: m.kortEnhet },
      {
        till: 'Alex',
        slag: 'påminnelse',
        dag: '2026-01-02',
        kl: '07:30',
        kortEnhet: 'hemtjanst',
      },
    );
    assert.match(m.text, /^\*\*Påminnelse: rapportera december 2025 senast onsdag 7 januari\.\*\*/);
    assert.match(
      m.text,
      /11 enheter har inte rapporterat ännu: Hemtjänst, Särskilt boende, .* och Flyktingmottagande\. Formuläret gäller Hemtjänst/,
    );
    assert.match(m.text, /Rapportera siffror: Hemtjänst, december 2025/);
  });

  it('påminnelserna följer arbetsdagarna: ingen på trettondedag jul eller helgen, en per dag och person', async () => {
    await tillKlockan('2026-01-07T09:00:00+01:00');
    assert.deepEqual(dagar('Alex'), ['2026-01-02', '2026-01-05', '2026-01-07']);
    assert.deepEqual(dagar('Isaiah'), ['2026-01-05', '2026-01-07']);
    assert.ok(mottaget.filter((m) => m.till === 'Isaiah').every((m) => m.kl === '08:00'));
    assert.match(
      mottaget.find((m) => m.till === 'Alex' && m.dag === '2026-01-07')!.text,
      /i dag, onsdag 7 januari, är sista dag att rapportera december 2025/,
    );
    assert.deepEqual(dagar('Megan'), [], 'a chef reports nothing');
  });

  it('en enhet som rapporterat försvinner ur nästa påminnelse; dagen efter fristen är den sen, och nämndens controller får en sammanfattning', async () => {
    await tillKlockan('2026-01-07T10:00:00+01:00');
    await rapportera(['hemtjanst'], ALEX.anvandare);
    await tillKlockan('2026-01-08T07:45:00+01:00');
    const idag = mottaget.filter((m) => m.dag === '2026-01-08');
    const paminnelse = idag.find((m) => m.slag === 'påminnelse')!;
    assert.equal(paminnelse.till, 'Alex');
    assert.match(paminnelse.text, /Påminnelse: rapporteringen för december 2025 är sen\. Sista dag var onsdag 7 januari\./);
    assert.match(paminnelse.text, /10 enheter har inte rapporterat/);
    assert.doesNotMatch(paminnelse.text, /Hemtjänst/);
    assert.equal(paminnelse.kortEnhet, 'sabo');
    const sammanfattning = idag.filter((m) => m.slag === 'sen_rapportering');
    assert.equal(sammanfattning.length, 1);
    assert.equal(sammanfattning[0].till, 'Alex');
    assert.match(sammanfattning[0].text, /^\*\*Sen rapportering: Socialnämnden, december 2025\*\*/);
    assert.match(
      sammanfattning[0].text,
      /Sista dag för december 2025 var onsdag 7 januari\. 10 enheter har inte rapporterat: Särskilt boende, /,
    );
    assert.match(sammanfattning[0].text, /Hemtjänst: Rapporterad 7 jan 2026 \(Alex Wilber\)/);
  });

  it('en omstart mitt i dagen skickar inget två gånger; en omstart före påminnelsetiden skickar dagens en gång', async () => {
    await tillKlockan('2026-01-08T09:00:00+01:00');
    const fore = mottaget.length;
    await stoppa();
    const fil = store.plats;
    await store.stang();
    store = await Store.oppna(fil, () => new Date(klocka.now));
    starta();
    await tillKlockan('2026-01-08T12:00:00+01:00');
    assert.equal(mottaget.length, fore, 'nothing sent again after the restart');
    assert.deepEqual(dagar('Isaiah'), ['2026-01-05', '2026-01-07', '2026-01-08']);

    await tillKlockan('2026-01-09T07:45:00+01:00');
    await stoppa();
    await store.stang();
    store = await Store.oppna(fil, () => new Date(klocka.now));
    starta();
    await tillKlockan('2026-01-09T09:00:00+01:00');
    assert.deepEqual(dagar('Alex').slice(-2), ['2026-01-08', '2026-01-09']);
    assert.deepEqual(dagar('Isaiah').slice(-2), ['2026-01-08', '2026-01-09']);
    assert.equal(mottaget.filter((m) => m.dag === '2026-01-09').length, 2);
  });

  it('måndag 12 januari: Isaiahs nämnder är sena; en sammanfattning per nämnd; sedan rapporterar alla och det blir tyst', async () => {
    await tillKlockan('2026-01-12T09:00:00+01:00');
    const sammanfattningar = mottaget.filter((m) => m.slag === 'sen_rapportering' && m.till === 'Isaiah');
    assert.deepEqual(sammanfattningar.map((m) => /^\*\*Sen rapportering: ([^,]+),/.exec(m.text)?.[1]).sort(), [
      'Bildningsnämnden',
      'Myndighetsnämnden',
      'Servicenämnden',
    ]);
    assert.ok(sammanfattningar.every((m) => m.dag === '2026-01-12'));
    await tillKlockan('2026-01-12T10:00:00+01:00');
    await rapportera(ANDRA_ENHETER, CONTROLLER_ANNAN);
    await tillKlockan('2026-01-14T10:00:00+01:00');
    await rapportera(
      SN_ENHETER.filter((e) => e !== 'hemtjanst'),
      ALEX.anvandare,
    );
    await tillKlockan('2026-02-01T00:00:00+01:00');

    assert.deepEqual(dagar('Alex'), [
      '2026-01-02',
      '2026-01-05',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-01-12',
      '2026-01-13',
      '2026-01-14',
    ]);
    assert.deepEqual(dagar('Isaiah'), ['2026-01-05', '2026-01-07', '2026-01-08', '2026-01-09', '2026-01-12']);
    assert.deepEqual(dagar('Alex', 'sen_rapportering'), ['2026-01-08']);
    assert.equal(dagar('Isaiah', 'sen_rapportering').length, 3);
    assert.deepEqual(dagar('Megan'), []);
    assert.equal(mottaget.length, 8 + 5 + 1 + 3, 'nothing else, to nobody else');
    // every one of them is in the outbox as sent, once
    const skickade = store.dokument.utskick.filter((u) => u.status === 'skickat');
    assert.equal(skickade.length, mottaget.length);
    assert.equal(new Set(skickade.map((u) => u.id)).size, skickade.length);
  });
});
