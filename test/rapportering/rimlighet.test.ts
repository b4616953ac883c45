import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { läsConfig } from '../../src/config.js';
import { RIMLIGHET_STANDARD, rimlighetsvarningar } from '../../src/domain/rimlighet.js';
import { formatTkr } from '../../src/domain/tal.js';
import { läsImportmapp } from '../../src/store/import.js';
import { Store } from '../../src/store/store.js';
import { importera } from '../../src/usecases/import.js';
import { läsbar } from '../support/demo.js';
import { inmatningar, inskick, knapp, kortIAktiviteter, läsbartKort, type Kortjson } from '../support/kort.js';
import { ALEX, type Testbot, testbot } from '../support/testbot.js';

const tkr = (v: number) => läsbar(formatTkr(v));
const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The card's body elements in order: what stands right after an input is what the user reads beside it. */
function efterFaltet(kort: Kortjson, id: string): string[] {
  const body = kort.body as Array<Record<string, unknown>>;
  const i = body.findIndex((e) => e.id === id);
  assert.ok(i >= 0, `kortet saknar fältet ${id}`);
  const ut: string[] = [];
  for (const e of body.slice(i + 1)) {
    if (e.type !== 'TextBlock') break;
    ut.push(läsbar(String(e.text)));
  }
  return ut;
}

describe('rimlighet: siffror som knappast kan stämma ifrågasätts innan de sparas (issue 14.1)', () => {
  describe('demo: Alex rapporterar för hemtjänsten', () => {
    let bot: Testbot;
    beforeEach(async () => {
      bot = await testbot();
    });
    const nov = () => bot.store.register.senasteVersion('hemtjanst', '2025-11')!;
    const decemberform = async () => kortIAktiviteter(await bot.fraga('rapportera för hemtjänsten i december', ALEX));
    const rimligBudget = () => String(Math.round((nov().budget_ack * 12) / 11));

    it('ett utfall t.o.m. som faller från november till 5 000 tkr sparas inte; varningen står vid fältet och nämner båda beloppen', async () => {
      const form = await decemberform();
      const svar = await bot.execute(
        'spara_utfall',
        inskick(form, 'spara_utfall', { budget_ack: rimligBudget(), utfall_ack: '5 000' }),
        ALEX,
      );
      assert.equal(bot.store.register.senasteVersion('hemtjanst', '2025-12'), undefined);
      const text = läsbartKort(svar);
      assert.match(text, /Inget är sparat än: stämmer siffrorna\?/);
      const vidFaltet = efterFaltet(svar, 'utfall_ack').join('\n');
      assert.match(vidFaltet, new RegExp(esc(`Utfall t.o.m. 5 000 tkr är lägre än t.o.m. november 2025 (${tkr(nov().utfall_ack)})`)));
      assert.match(
        vidFaltet,
        new RegExp(esc(`Utfall t.o.m. 5 000 tkr är `) + '[0-9,]+ % av budget t\\.o\\.m\\. ' + esc(tkr(Number(rimligBudget())))),
      );
      assert.equal(knapp(svar, 'spara_utfall').title, 'Skicka ändå');
      assert.equal(inmatningar(svar).utfall_ack, '5 000', 'det användaren skrev står kvar');
    });

    it('ett andra tryck med samma siffror sparar dem, och kvittot upprepar varningen', async () => {
      const form = await decemberform();
      const svar = await bot.execute(
        'spara_utfall',
        inskick(form, 'spara_utfall', { budget_ack: rimligBudget(), utfall_ack: '5 000' }),
        ALEX,
      );
      const kvitto = await bot.execute('spara_utfall', inskick(svar, 'spara_utfall'), ALEX);
      const text = läsbartKort(kvitto);
      assert.match(text, /^Sparat: Hemtjänst t\.o\.m\. december 2025/);
      assert.match(text, /Sparat efter bekräftelse: Utfall t\.o\.m\. 5 000 tkr är lägre än t\.o\.m\. november 2025/);
      assert.equal(bot.store.register.senasteVersion('hemtjanst', '2025-12')?.utfall_ack, 5000);
    });

    it('ändrade siffror efter varningen prövas på nytt; rimliga siffror sparas på första trycket', async () => {
      const form = await decemberform();
      const svar = await bot.execute(
        'spara_utfall',
        inskick(form, 'spara_utfall', { budget_ack: rimligBudget(), utfall_ack: '5 000' }),
        ALEX,
      );
      const igen = await bot.execute('spara_utfall', inskick(svar, 'spara_utfall', { utfall_ack: '6 000' }), ALEX);
      assert.match(läsbartKort(igen), /Utfall t\.o\.m\. 6 000 tkr är lägre än t\.o\.m\. november 2025/);
      assert.equal(bot.store.register.senasteVersion('hemtjanst', '2025-12'), undefined);
      // December's utfall is the year's: as large as the forecast
      const rimligt = String(nov().prognos_helar);
      const kvitto = await bot.execute('spara_utfall', inskick(igen, 'spara_utfall', { utfall_ack: rimligt, kommentar: 'December' }), ALEX);
      assert.match(läsbartKort(kvitto), /^Sparat: Hemtjänst t\.o\.m\. december 2025/);
      assert.doesNotMatch(läsbartKort(kvitto), /bekräftelse/);
    });

    it('ett decemberutfall över helårsprognosen står vid prognosfältet med båda beloppen', async () => {
      const form = await decemberform();
      const prognos = nov().prognos_helar!;
      const utfall = Math.round(prognos * 1.1);
      const budget = Math.round(nov().budget_helar!);
      const svar = await bot.execute(
        'spara_utfall',
        inskick(form, 'spara_utfall', { budget_ack: String(budget), utfall_ack: String(utfall), kommentar: 'Dyr december' }),
        ALEX,
      );
      assert.match(
        efterFaltet(svar, 'prognos_helar').join('\n'),
        new RegExp(esc(`Utfall t.o.m. december ${tkr(utfall)} är högre än helårsprognosen ${tkr(prognos)}`)),
      );
      assert.equal(bot.store.register.senasteVersion('hemtjanst', '2025-12'), undefined);
    });

    it('en budget t.o.m. långt från årets andel och en prognos under utfallet hittills', async () => {
      const form = kortIAktiviteter(await bot.fraga('rapportera för hemtjänsten i november', ALEX));
      const n = nov();
      const svar = await bot.execute(
        'spara_utfall',
        inskick(form, 'spara_utfall', {
          budget_ack: String(Math.round(n.budget_helar! / 2)),
          prognos_helar: String(Math.round(n.utfall_ack / 2)),
        }),
        ALEX,
      );
      const budget = efterFaltet(svar, 'budget_ack').join('\n');
      assert.match(
        budget,
        new RegExp(esc(`Budget t.o.m. ${tkr(Math.round(n.budget_helar! / 2))} är 50 % av årsbudgeten ${tkr(n.budget_helar!)}`)),
      );
      assert.match(
        efterFaltet(svar, 'prognos_helar').join('\n'),
        new RegExp(
          esc(
            `Helårsprognosen ${tkr(Math.round(n.utfall_ack / 2))} är lägre än utfallet hittills (${tkr(n.utfall_ack)} t.o.m. november 2025)`,
          ),
        ),
      );
      assert.equal(bot.store.register.senasteVersion('hemtjanst', '2025-11')?.version, n.version, 'inget sparat');
    });

    it('gränserna ställs i konfigurationen: med högst 105 % ifrågasätts hemtjänstens 106 %', async () => {
      const config = läsConfig({ RIMLIGHET_UTFALL_MAX_PROCENT: '105' });
      assert.equal(config.rimlighet.utfallMaxProcent, 105);
      assert.throws(() => läsConfig({ RIMLIGHET_UTFALL_MIN_PROCENT: '150' }), /RIMLIGHET_UTFALL_MIN_PROCENT måste vara mindre/);
      const strikt = await testbot({ store: bot.store, rimlighet: config.rimlighet });
      const form = kortIAktiviteter(await strikt.fraga('rapportera för hemtjänsten i november', ALEX));
      const andrat = { utfall_ack: String(nov().utfall_ack + 100), kommentar: 'Hög vårdtyngd' };
      const svar = await strikt.execute('spara_utfall', inskick(form, 'spara_utfall', andrat), ALEX);
      assert.match(
        läsbartKort(svar),
        new RegExp(
          esc(`Utfall t.o.m. ${tkr(nov().utfall_ack + 100)} är 106 % av budget t.o.m. ${tkr(nov().budget_ack)}, utanför 50–105 %`),
        ),
      );
      // the default bot saves the same figures on the first press
      const vanlig = await bot.execute('spara_utfall', inskick(form, 'spara_utfall', andrat), ALEX);
      assert.match(läsbartKort(vanlig), /^Sparat:/);
    });
  });

  describe('rapportering för en förälder är avsiktlig (issue 14.3)', () => {
    it('demo: efter en fråga om Vård och stöd föreslår "rapportera" en enhet under den, inte Vård och stöd', async () => {
      const bot = await testbot();
      await bot.fraga('hur ligger vård och stöd?', ALEX);
      const form = kortIAktiviteter(await bot.fraga('rapportera', ALEX));
      const reg = bot.store.register;
      const vald = inmatningar(form).enhet;
      assert.ok(
        reg.underliggande('vos').some((e) => e.id === vald),
        `föreslog ${vald}`,
      );
      assert.equal(reg.barnTill(vald).length, 0);
    });

    it('demo: Vård och stöd vald uttryckligen: formuläret säger före sparandet att raden ersätter summan av N enheter, och första trycket sparar inget', async () => {
      const bot = await testbot();
      const reg = bot.store.register;
      const n = reg.barnTill('vos').length;
      const form = kortIAktiviteter(await bot.fraga('rapportera för vård och stöd november', ALEX));
      assert.match(läsbartKort(form), new RegExp(`Obs! Vård och stöd har ${n} enheter under sig.*gäller i stället för summan av de ${n}`));
      const fraga = await bot.execute('spara_utfall', inskick(form, 'spara_utfall', { kommentar: 'Nämndens egen rad' }), ALEX);
      assert.match(
        efterFaltet(fraga, 'enhet').join('\n'),
        new RegExp(
          `Vård och stöd har ${n} enheter under sig\\. Sparar du blir de här siffrorna .* och den gäller i stället för summan av de ${n} enheterna under den`,
        ),
      );
      assert.equal(reg.senasteVersion('vos', '2025-11'), undefined);
      const kvitto = await bot.execute('spara_utfall', inskick(fraga, 'spara_utfall'), ALEX);
      assert.match(läsbartKort(kvitto), /^Sparat: Vård och stöd t\.o\.m\. november 2025/);
      assert.match(läsbartKort(kvitto), /Vård och stöd har nu egna siffror för november 2025; de gäller i stället för summan/);
    });
  });

  describe('en annan kommun (Norrby), med en nettointäktsenhet', () => {
    let store: Store;
    const klocka = () => new Date('2026-04-10T12:00:00Z');
    before(async () => {
      store = await Store.oppna(join(mkdtempSync(join(tmpdir(), 'bk-norrby-rim-')), 'store.json'), klocka);
      await importera(store, läsImportmapp(join(process.cwd(), 'test', 'fixtures', 'norrby')));
    });

    it('Kim rapporterar Hemtjänst Norr för mars med ett lägre utfall än februari: frågas, sparas vid andra trycket', async () => {
      const bot = await testbot({ store, klocka });
      const kim = { anvandare: 'aad-norrby-1', namn: 'Kim Controller' };
      const form = kortIAktiviteter(await bot.fraga('rapportera för hemtjänst norr mars', kim));
      assert.equal(inmatningar(form).enhet, 'HTN');
      const svar = await bot.execute('spara_utfall', inskick(form, 'spara_utfall', { utfall_ack: '9 000' }), kim);
      assert.match(
        efterFaltet(svar, 'utfall_ack').join('\n'),
        /Utfall t\.o\.m\. 9 000 tkr är lägre än t\.o\.m\. februari 2026 \(10 800 tkr\)/,
      );
      assert.equal(store.register.senasteVersion('HTN', '2026-03')?.utfall_ack, 16200);
      const kvitto = await bot.execute('spara_utfall', inskick(svar, 'spara_utfall'), kim);
      assert.match(läsbartKort(kvitto), /^Sparat: Hemtjänst Norr t\.o\.m\. mars 2026/);
      assert.equal(store.register.senasteVersion('HTN', '2026-03')?.utfall_ack, 9000);
    });

    it('Kim: "rapportera" föreslår en enhet utan enheter under sig; VON uttryckligen frågar om summan av 3 enheter', async () => {
      const bot = await testbot({ store, klocka });
      const kim = { anvandare: 'aad-norrby-1', namn: 'Kim Controller' };
      const forslag = inmatningar(kortIAktiviteter(await bot.fraga('rapportera', kim))).enhet;
      assert.ok(['HTN', 'HTS', 'VOB'].includes(forslag), forslag);
      const form = kortIAktiviteter(await bot.fraga('rapportera för VON mars', kim));
      const fraga = await bot.execute('spara_utfall', inskick(form, 'spara_utfall', { kommentar: 'Nämndens rad' }), kim);
      assert.match(
        efterFaltet(fraga, 'enhet').join('\n'),
        /Vård- och omsorgsnämnden har 3 enheter under sig\. Sparar du blir de här siffrorna \(utfall t\.o\.m\. [0-9 ,]+ tkr\) enhetens egen rad för mars 2026/,
      );
      assert.equal(store.register.senasteVersion('VON', '2026-03'), undefined);
    });

    it('reglerna är rena och räknar i årsbudgetens riktning: VA:s negativa belopp', () => {
      const reg = store.register;
      const april = { enhet: 'VA', period: '2026-04', budget_ack: -2000, utfall_ack: -1800, budget_helar: -6000, prognos_helar: -5500 };
      assert.deepEqual(rimlighetsvarningar(april, reg, RIMLIGHET_STANDARD), []);
      const fallande = rimlighetsvarningar({ ...april, utfall_ack: -1000 }, reg);
      assert.deepEqual(
        fallande.map((w) => w.kod),
        ['utfall_minskar'],
      );
      assert.match(läsbar(fallande[0].text), /Utfall t\.o\.m\. [−-]1 000 tkr är lägre än t\.o\.m\. mars 2026 \([−-]1 350 tkr\)/);
      assert.deepEqual(
        rimlighetsvarningar({ ...april, prognos_helar: -1000 }, reg).map((w) => w.kod),
        ['prognos_under_utfall'],
      );
    });
  });
});
