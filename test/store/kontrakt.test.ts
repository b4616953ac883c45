// The store's contract, the same tests against both stores: the embedded lowdb file and PostgreSQL.
// Whatever the bot, the CLIs and the alerts rely on must hold for each; a reopened store is what a restarted
// instance (or another instance) sees.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Utkorgsavsandare, type Leverans } from '../../src/alerts/utkorg.js';
import type { Utfall } from '../../src/domain/schema.js';
import { tystLogg } from '../../src/logg.js';
import { Importfel, läsImportmapp } from '../../src/store/import.js';
import { importera } from '../../src/usecases/import.js';
import { sparaUtfall } from '../support/inlamning.js';
import { oppnaStore } from '../../src/store/oppna.js';
import type { Store } from '../../src/store/store.js';
import { skapaApp } from '../../src/teams/app.js';
import { LokalKanal } from '../../src/teams/lokalt.js';
import { ADMIN, ALEX, CONTROLLER_ANNAN, CONTROLLER_SN, testbot } from '../support/testbot.js';
import { inskick, kortIAktiviteter, läsbartKort, textIAktiviteter } from '../support/kort.js';
import { HANDELSETYPER_I_MINNET } from '../../src/domain/schema.js';
import { arKlarmarkerad } from '../../src/domain/klarmarkering.js';
import { korRunda } from '../../src/usecases/runda.js';
import { installeraPersonligt, medPlan } from '../runda/stod.js';
import { DEMO, DEMO_NU } from '../support/demo.js';
import { kravPostgres, nyDatabas, rensaDatabaser } from '../support/postgres.js';

const klocka = () => new Date(DEMO_NU);

interface Variant {
  namn: string;
  postgres: boolean;
  /** a new, empty place for a store */
  ny(): Promise<string>;
}

const VARIANTER: Variant[] = [
  { namn: 'lowdb', postgres: false, ny: async () => join(mkdtempSync(join(tmpdir(), 'bk-kontrakt-')), 'store.json') },
  { namn: 'PostgreSQL', postgres: true, ny: nyDatabas },
];

function utfall(version: number, utfall_ack: number): Utfall {
  return {
    enhet: 'ifo',
    period: '2025-11',
    budget_ack: 100,
    utfall_ack,
    budget_helar: null,
    prognos_helar: null,
    kommentar: null,
    kalla: null,
    version,
    rapporterad_av: 'u1',
    rapporterad: klocka().toISOString(),
  };
}

const alex = (store: Store) => ({ id: CONTROLLER_SN, anvandare: store.register.anvandare.get(CONTROLLER_SN) });

function formular(kortId: string, grundversion: number, utfall_ack: string): Record<string, unknown> {
  return {
    kortId,
    grundversion,
    grundenhet: 'bou',
    grundperiod: '2025-12',
    enhet: 'bou',
    period: '2025-12',
    budget_ack: '24 000',
    utfall_ack,
    budget_helar: '26 000',
    prognos_helar: '33 000',
    kommentar: 'Placeringar',
  };
}

for (const v of VARIANTER) {
  describe(`lagringens kontrakt: ${v.namn}`, function () {
    this.timeout(60000);
    const oppnade: Store[] = [];
    const oppna = async (plats: string) => {
      const s = await oppnaStore(plats, klocka);
      oppnade.push(s);
      return s;
    };
    const medEnhet = async () => {
      const plats = await v.ny();
      const s = await oppna(plats);
      await s.ändra({ vem: 'admin', kalla: 'import' }, (tx) => {
        tx.sätt('enheter', { id: 'k', namn: 'Kommunen', typ: 'kommun', foralder: null, alias: [] });
        tx.sätt('enheter', { id: 'ifo', namn: 'IFO', typ: 'verksamhetsområde', foralder: 'k', alias: [] });
      });
      return { plats, s };
    };
    const demo = async () => {
      const plats = await v.ny();
      const s = await oppna(plats);
      await importera(s, läsImportmapp(DEMO));
      return { plats, s };
    };

    before(async function () {
      if (v.postgres) await kravPostgres(this);
    });
    afterEach(async () => {
      for (const s of oppnade.splice(0)) await s.stang();
    });
    after(async () => {
      if (v.postgres) await rensaDatabaser();
    });

    it('en ändring är beständig när den kvitteras: en ny öppning ser den', async () => {
      const { plats, s } = await medEnhet();
      await s.ändra({ vem: 'u1', kalla: 'kort' }, (tx) => tx.lagg('utfall', utfall(1, 120)));
      const igen = await oppna(plats);
      assert.equal(igen.register.senasteVersion('ifo', '2025-11')?.utfall_ack, 120);
      assert.equal(igen.register.enhet('ifo')?.foralder, 'k');
    });

    it('granskningsloggen säger vem, när, före och efter, också efter en ny öppning', async () => {
      const { plats, s } = await medEnhet();
      await s.ändra({ vem: 'admin', kalla: 'chatt' }, (tx) =>
        tx.sätt('enheter', { id: 'ifo', namn: 'Individ- och familjeomsorg', typ: 'verksamhetsområde', foralder: 'k', alias: ['IFO'] }),
      );
      for (const st of [s, await oppna(plats)]) {
        const h = (await st.granskningslogg()).at(-1)!;
        assert.equal(h.vem, 'admin');
        assert.equal(h.kalla, 'chatt');
        assert.equal(h.tid, '2025-12-10T12:00:00.000Z');
        assert.equal((h.fore as { namn: string }).namn, 'IFO');
        assert.equal((h.efter as { namn: string }).namn, 'Individ- och familjeomsorg');
      }
    });

    it('ett fel mitt i en ändring ångrar allt och skriver inget', async () => {
      const { plats, s } = await medEnhet();
      const fore = JSON.stringify(s.dokument);
      await assert.rejects(
        s.ändra({ vem: 'u1', kalla: 'kort' }, (tx) => {
          tx.lagg('utfall', utfall(1, 120));
          tx.sätt('enheter', { id: 'x', namn: 'X', typ: 'enhet', foralder: 'ifo', alias: [] });
          throw new Error('valideringen sa nej');
        }),
        /valideringen sa nej/,
      );
      assert.equal(JSON.stringify(s.dokument), fore);
      assert.equal(s.register.senasteVersion('ifo', '2025-11'), undefined);
      assert.equal(s.register.enhet('x'), undefined);
      assert.equal(JSON.stringify((await oppna(plats)).dokument), fore);
      // and the store still takes the next change
      await s.ändra({ vem: 'u1', kalla: 'kort' }, (tx) => tx.lagg('utfall', utfall(1, 130)));
      assert.equal((await oppna(plats)).register.senasteVersion('ifo', '2025-11')?.utfall_ack, 130);
    });

    it('ändringar körs en i taget, i tur och ordning', async () => {
      const { plats, s } = await medEnhet();
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          s.ändra({ vem: 'u1', kalla: 'kort' }, (tx) => {
            const version = (tx.register.senasteVersion('ifo', '2025-11')?.version ?? 0) + 1;
            tx.lagg('utfall', utfall(version, 100 + i));
          }),
        ),
      );
      const forvantat = Array.from({ length: 20 }, (_, i) => i + 1);
      assert.deepEqual(
        s.register.versionerFor('ifo', '2025-11').map((u) => u.version),
        forvantat,
      );
      assert.deepEqual(
        (await oppna(plats)).register.versionerFor('ifo', '2025-11').map((u) => [u.version, u.utfall_ack]),
        forvantat.map((n) => [n, 99 + n]),
      );
    });

    it('importen: en felaktig rad stoppar allt; samma mapp igen ändrar ingenting', async () => {
      const { plats, s } = await demo();
      const fore = JSON.stringify(s.dokument);
      const filer = läsImportmapp(DEMO);
      const trasig = { ...filer, 'utfall.csv': Buffer.concat([filer['utfall.csv']!, Buffer.from('ifo;2025-12;1 000;tusen;;;\n')]) };
      await assert.rejects(importera(s, trasig), (e: unknown) => e instanceof Importfel && /utfall\.csv:\d+/.test(e.message));
      assert.equal(JSON.stringify(s.dokument), fore);
      const igen = await importera(s, läsImportmapp(DEMO));
      assert.deepEqual(
        Object.entries(igen).filter(([, n]) => n !== 0),
        [],
      );
      assert.equal(JSON.stringify(s.dokument), fore);
      assert.equal(JSON.stringify((await oppna(plats)).dokument), fore);
    });

    it('en ny öppning ger exakt samma dokument, tecken för tecken, efter import, inskick, prenumeration och larm', async () => {
      const { plats, s } = await demo();
      const kanal = new LokalKanal(skapaApp({ store: s, logg: tystLogg, klocka }));
      const kanalId = '19:kontrakt@thread.tacv2';
      await kanal.skicka(
        {
          type: 'message',
          text: 'prenumerera på larm för Barn och unga',
          conversation: { id: kanalId, conversationType: 'channel', isGroup: true, name: 'Ekonomi', tenantId: 'lokal' },
          channelData: { tenant: { id: 'lokal' }, team: { id: '19:team@thread.tacv2' }, channel: { id: kanalId } },
        },
        { anvandare: ADMIN },
      );
      const r = await sparaUtfall(s, alex(s), formular('kort-0001', 0, '31 000'));
      assert.equal(r.typ, 'sparad');
      await s.vanta();
      assert.ok(
        s.dokument.utskick.some((u) => u.status === 'väntar'),
        'inget larm planerades',
      );
      assert.ok(s.dokument.prenumerationer.length && s.dokument.konversationer.length && s.dokument.mottagna.length);
      const igen = await oppna(plats);
      assert.equal(JSON.stringify(igen.dokument), JSON.stringify(s.dokument));
      assert.equal(igen.register.senasteVersion('bou', '2025-12')?.utfall_ack, 31000);
    });

    it('ett kort byggt på en äldre version sparas inte; samma kort två gånger får samma kvitto', async () => {
      const { plats, s } = await demo();
      const forsta = await sparaUtfall(s, alex(s), formular('kort-aaaa', 0, '25 000'));
      assert.equal(forsta.typ, 'sparad');
      const igen = await sparaUtfall(s, alex(s), formular('kort-aaaa', 0, '25 000'));
      assert.ok(igen.typ === 'sparad' && igen.upprepad && igen.ny.version === 1);
      const gammal = await sparaUtfall(s, alex(s), formular('kort-bbbb', 0, '26 000'));
      assert.equal(gammal.typ, 'konflikt');
      const efter = await oppna(plats);
      assert.deepEqual(
        efter.register.versionerFor('bou', '2025-12').map((u) => u.utfall_ack),
        [25000],
      );
    });

    it('efter en omstart: åtgärdens historik visar varje version, samma kort igen får samma kvitto, och hela granskningsloggen finns kvar', async () => {
      const { plats, s } = await demo();
      const bot = await testbot({ store: s });
      const form = kortIAktiviteter(await bot.fraga('uppdatera åtgärd 5', ALEX));
      const data = inskick(form, 'spara_atgard', {
        status: 'försenad',
        besparing: '250',
        kommentar: 'Färre hemmaplanslösningar än planerat.',
      });
      const kvitto = läsbartKort(await bot.execute('spara_atgard', data, ALEX));
      assert.match(kvitto, /^Sparat: åtgärd 5, Placeringskostnader IFO\nVård och stöd · version 2/);
      const utfallet = await sparaUtfall(s, alex(s), formular('kort-omstart', 0, '25 000'));
      assert.ok(utfallet.typ === 'sparad' && utfallet.ny.version === 1);
      const logg = await s.granskningslogg();
      assert.ok(
        logg.some((h) => h.typ === 'utfall' && h.nyckel === 'bou|2025-12|v1'),
        'figurerna granskas',
      );

      const efter = await oppna(plats);
      const omstartad = await testbot({ store: efter });
      assert.deepEqual(await efter.granskningslogg(), logg, 'hela granskningsloggen, i ordning, utan dubbletter');
      assert.deepEqual(
        efter.dokument.handelser,
        logg.filter((h) => HANDELSETYPER_I_MINNET.has(h.typ)),
        'i minnet bara de händelser som svaren läser',
      );
      const historik = textIAktiviteter(await omstartad.fraga('visa historik för åtgärd 5', ALEX));
      assert.match(
        historik,
        /Version 2 · 10 dec 2025 · Alex Wilber\nStatus försenad; .*\nÄndrat: Status: pågår → försenad; Realiserad besparing 2025: .* → 250 tkr/,
      );
      assert.match(historik, /Version 1 · /);
      const igen = läsbartKort(await omstartad.execute('spara_atgard', data, ALEX));
      assert.match(igen, /kortet var redan mottaget, inget nytt sparades/);
      assert.match(igen, /version 2/);
      const utfalletIgen = await sparaUtfall(efter, alex(efter), formular('kort-omstart', 0, '25 000'));
      assert.ok(utfalletIgen.typ === 'sparad' && utfalletIgen.upprepad && utfalletIgen.ny.version === 1);
      assert.deepEqual(
        efter.register.versionerFor('bou', '2025-12').map((u) => u.utfall_ack),
        [25000],
      );
    });

    it('utkorgen: varje väntande larm skickas en gång och noteras som skickat', async () => {
      const { plats, s } = await demo();
      const kanal = new LokalKanal(skapaApp({ store: s, logg: tystLogg, klocka }));
      const kanalId = '19:utkorg@thread.tacv2';
      await kanal.skicka(
        {
          type: 'message',
          text: 'prenumerera på larm för Socialnämnden',
          conversation: { id: kanalId, conversationType: 'channel', isGroup: true, name: 'Ekonomi', tenantId: 'lokal' },
          channelData: { tenant: { id: 'lokal' }, team: { id: '19:team@thread.tacv2' }, channel: { id: kanalId } },
        },
        { anvandare: ADMIN },
      );
      await sparaUtfall(s, alex(s), formular('kort-uuuu', 0, '31 000'));
      const vantande = s.dokument.utskick.filter((u) => u.status === 'väntar').map((u) => u.id);
      assert.ok(vantande.length > 0);
      const skickade: string[] = [];
      const avsandare = new Utkorgsavsandare({
        store: s,
        logg: tystLogg,
        transport: { skicka: async (l: Leverans) => void skickade.push(l.utskick.id) },
        intervallMs: 20,
      });
      avsandare.starta();
      const slut = Date.now() + 20000;
      while (s.dokument.utskick.some((u) => u.status === 'väntar') && Date.now() < slut) await new Promise((r) => setTimeout(r, 20));
      await avsandare.stoppa();
      assert.deepEqual([...skickade].sort(), [...vantande].sort());
      const efter = await oppna(plats);
      assert.deepEqual(
        efter.dokument.utskick.filter((u) => vantande.includes(u.id)).map((u) => u.status),
        vantande.map(() => 'skickat'),
      );
    });

    it('rapporteringsrundan: frister och klarmarkeringar finns kvar efter en ny öppning; en runda två gånger, också från två öppningar samtidigt, planerar varje påminnelse en gång', async () => {
      const { plats, s } = await demo();
      await medPlan(s);
      await installeraPersonligt(s);
      await s.ändra({ vem: CONTROLLER_SN, kalla: 'chatt' }, (tx) =>
        tx.sätt('klarmarkeringar', { enhet: 'sn', period: '2025-10', klar: true, av: CONTROLLER_SN, tid: tx.nu.toISOString() }),
      );
      const igen = await oppna(plats);
      assert.deepEqual(igen.dokument.rapporteringsplaner, s.dokument.rapporteringsplaner);
      assert.equal(igen.dokument.rapporteringsplaner.length, 2);
      assert.equal(arKlarmarkerad(igen.register, 'bou', '2025-10'), true);
      assert.equal(arKlarmarkerad(igen.register, 'bou', '2025-11'), false);
      await igen.stang();

      // Monday 12 January 2026, 09:00: December is late everywhere
      const mandag = () => new Date('2026-01-12T08:00:00Z');
      const [a, b] = await Promise.all([oppnaStore(plats, mandag), oppnaStore(plats, mandag)].slice(0, v.postgres ? 2 : 1)).then(
        async (oppnadeNu) => {
          oppnade.push(...oppnadeNu);
          return oppnadeNu.length === 2 ? oppnadeNu : [oppnadeNu[0], oppnadeNu[0]];
        },
      );
      await s.stang();
      const antal = await Promise.all([korRunda(a, tystLogg), korRunda(b, tystLogg), korRunda(a, tystLogg)]);
      assert.equal(
        antal.reduce((x, y) => x + y),
        6,
        'two reminders and four late summaries, once',
      );
      const sista = await oppnaStore(plats, mandag);
      oppnade.push(sista);
      const runda = sista.dokument.utskick.filter((u) => u.slag === 'påminnelse' || u.slag === 'sen_rapportering');
      assert.deepEqual(
        runda.map((u) => u.id).sort(),
        [
          `påminnelse|${CONTROLLER_SN}|2026-01-12`,
          `påminnelse|${CONTROLLER_ANNAN}|2026-01-12`,
          `sen_rapportering|${CONTROLLER_SN}|sn|2025-12`,
          `sen_rapportering|${CONTROLLER_ANNAN}|bn|2025-12`,
          `sen_rapportering|${CONTROLLER_ANNAN}|mn|2025-12`,
          `sen_rapportering|${CONTROLLER_ANNAN}|sen|2025-12`,
        ].sort(),
      );
      assert.equal(await korRunda(sista, tystLogg), 0);
    });
  });
}
