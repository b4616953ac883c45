// The reporting round through the real teams-ai Application (test/support/testbot.ts): a reminder's form sent in,
// the overview before and after, klarmarkering and who may do it, corrections after the mark, the deadlines in chat.
import assert from 'node:assert/strict';
import type { Activity } from 'botbuilder';
import { bindKort } from '../../src/cards/binda.js';
import type { Svar } from '../../src/answers/svar.js';
import { tystLogg } from '../../src/logg.js';
import { korRunda } from '../../src/usecases/runda.js';
import { demoStore, läsbar } from '../support/demo.js';
import { inskick, kontrolleraKort, knappar, läsbartKort } from '../support/kort.js';
import { ADELE, ALEX, ISAIAH, MEGAN, type Testbot, testbot } from '../support/testbot.js';
import { SN_ENHETER, installeraPersonligt, medPlan, personligKonversation } from './stod.js';

describe('rapporteringsrundan genom Application', () => {
  let bot: Testbot;
  let nu: Date;
  const klocka = () => new Date(nu);
  const stall = (iso: string) => {
    nu = new Date(iso);
  };
  /** December's figures for units, as stored by a card. */
  const rapportera = (enheter: string[]) =>
    bot.store.ändra({ vem: ALEX.anvandare, kalla: 'kort' }, (tx) => {
      for (const enhet of enheter) {
        const nov = tx.register.senasteVersion(enhet, '2025-11')!;
        tx.lagg('utfall', { ...nov, period: '2025-12', version: 1, rapporterad_av: ALEX.anvandare, rapporterad: tx.nu.toISOString() });
      }
    });
  const vantande = (konversation: string) =>
    bot.store.dokument.utskick.filter((u) => u.konversation === konversation && u.status === 'väntar');

  beforeEach(async () => {
    stall('2026-01-12T09:00:00+01:00');
    const store = await demoStore(klocka);
    await medPlan(store);
    await installeraPersonligt(store);
    bot = await testbot({ store, klocka });
    // every unit of Socialnämnden has reported December except Barn och unga
    stall('2026-01-05T10:00:00+01:00');
    await rapportera(SN_ENHETER.filter((e) => e !== 'bou'));
    stall('2026-01-12T09:00:00+01:00');
  });

  it('påminnelsens formulär skickat från chatten sparar siffrorna och stoppar påminnelserna', async () => {
    assert.equal(await korRunda(bot.store, tystLogg), 6, 'to Alex and Isaiah, and the late summaries of four nämnder to their controllers');
    const [paminnelse] = vantande(personligKonversation(ALEX.anvandare)).filter((u) => u.slag === 'påminnelse');
    const svar = paminnelse.innehall.svar as Svar;
    const kort = kontrolleraKort({ ...bindKort(svar.kort!), fallbackText: svar.text });
    assert.match(
      läsbartKort(kort),
      /^Rapportera siffror: Barn och unga, december 2025\nPåminnelse: rapporteringen för december 2025 är sen\. Sista dag var onsdag 7 januari\./,
    );

    const receipt = await bot.execute(
      'spara_utfall',
      inskick(kort, 'spara_utfall', { budget_ack: '24 100', utfall_ack: '30 500,5', kommentar: 'Placeringar' }),
      ALEX,
    );
    assert.match(läsbartKort(receipt), /^Sparat: Barn och unga t\.o\.m\. december 2025/);
    const rad = bot.store.register.senasteVersion('bou', '2025-12')!;
    assert.deepEqual([rad.budget_ack, rad.utfall_ack, rad.rapporterad_av], [24100, 30500.5, ALEX.anvandare]);

    // the next working day: nothing more to Alex, Isaiah is still reminded
    stall('2026-01-13T08:05:00+01:00');
    await korRunda(bot.store, tystLogg);
    assert.deepEqual(
      bot.store.dokument.utskick.filter((u) => u.id.includes('2026-01-13')).map((u) => u.konversation),
      [personligKonversation(ISAIAH.anvandare)],
    );
  });

  it('översikten före och efter: vem som saknas, vem som är ansvarig, när var och en rapporterade, och fristen', async () => {
    const fore = await bot.svar('vilka har inte rapporterat?', ALEX);
    assert.match(fore.text, /Rapporteringen för december 2025: Socialnämnden/);
    assert.match(fore.text, /10 av 11 enheter har rapporterat; 1 är sen\./);
    assert.match(fore.text, /Sista dag för december 2025: onsdag 7 januari 2026\./);
    assert.match(fore.text, /Preliminär: december 2025 är inte klarmarkerad ännu\./);
    assert.match(fore.text, /Barn och unga\nSen: inte rapporterad\nAlex Wilber/);
    assert.match(fore.text, /Hemtjänst\nRapporterad 5 jan 2026\nAlex Wilber/);
    assert.ok(!knappar(kortAv(fore.aktiviteter)).length, 'no button to mark ready while a unit is missing');

    await rapportera(['bou']);
    const efter = await bot.svar('hur går rapporteringen i socialnämnden?', ALEX);
    assert.match(efter.text, /Alla 11 enheter har rapporterat\./);
    assert.match(efter.text, /Barn och unga\nRapporterad 12 jan 2026 \(efter sista dag\)/);
    assert.deepEqual(
      knappar(kortAv(efter.aktiviteter)).map((k) => [k.title, k.data.fraga]),
      [['Klarmarkera Socialnämnden', 'klarmarkera Socialnämnden december 2025']],
    );

    // the municipality, asked by the admin: every nämnd, and who has not installed the bot
    const kommun = await bot.svar('rapporteringsläget', ADELE);
    assert.match(kommun.text, /Rapporteringen för december 2025: Åsby kommun/);
    assert.match(kommun.text, /11 av 21 enheter har rapporterat; 10 är sena\./);
    assert.match(kommun.text, /Sista dag för december 2025: Åsby kommun fredag 9 januari, Socialnämnden onsdag 7 januari\./);
    // Isaiah is installed: nobody is listed as unreachable
    assert.doesNotMatch(kommun.text, /Har inte installerat/);
    await bot.store.ändra({ vem: 'test', kalla: 'system' }, (tx) => {
      const k = tx.register.dokument.konversationer.find((x) => x.id === personligKonversation(ISAIAH.anvandare))!;
      tx.sätt('konversationer', { ...k, aktiv: false });
    });
    assert.match(
      (await bot.svar('rapporteringsläget', ADELE)).text,
      /Har inte installerat Budgetkollen och får därför inga påminnelser: Isaiah Langer\./,
    );
  });

  it('klarmarkering: chefen och en annan nämnds controller nekas, inget får saknas, knappen i översikten markerar, allt granskas', async () => {
    const chef = await bot.svar('klarmarkera socialnämnden december', MEGAN);
    assert.match(
      chef.text,
      /Tyvärr kan du inte klarmarkera Socialnämnden: det gör controllers för enheten och administratörer\. Det kan Alex Wilber \(controller\)/,
    );
    const annan = await bot.svar('klarmarkera socialnämnden december', ISAIAH);
    assert.match(
      annan.text,
      /Du kan inte klarmarkera Socialnämnden; du är controller för Servicenämnden, Bildningsnämnden och Myndighetsnämnden\./,
    );
    assert.match(
      (await bot.svar('klarmarkera december', ADELE)).text,
      /Vilken enhet vill du klarmarkera\? Skriv till exempel "klarmarkera Socialnämnden december 2025"/,
    );
    const saknas = await bot.svar('klarmarkera socialnämnden december', ALEX);
    assert.match(
      saknas.text,
      /Socialnämnden kan inte klarmarkeras för december 2025 ännu: en enhet har inte rapporterat \(Barn och unga\)/,
    );
    assert.equal(bot.store.dokument.klarmarkeringar.length, 0);
    const nekade = (await bot.store.granskningslogg()).filter((h) => h.typ === 'nekad' && h.nyckel.startsWith('sn|'));
    assert.deepEqual(
      nekade.map((h) => h.vem),
      [MEGAN.anvandare, ISAIAH.anvandare],
    );

    await rapportera(['bou']);
    const oversikt = kortAv((await bot.svar('vilka har inte rapporterat?', ALEX)).aktiviteter);
    const tryckt = await bot.kanal.tryck(knappar(oversikt)[0].data, ALEX);
    assert.match(läsbar(JSON.stringify(tryckt)), /Klarmarkerat: Socialnämnden, december 2025/);
    assert.deepEqual(
      bot.store.dokument.klarmarkeringar.map((k) => [k.enhet, k.period, k.klar, k.av]),
      [['sn', '2025-12', true, ALEX.anvandare]],
    );
    const status = await bot.svar('hur ligger socialnämnden december?', MEGAN);
    assert.match(status.text, /Klarmarkerad 12 jan 2026 av Alex Wilber\./);
    assert.match(
      (await bot.svar('hur ligger barn och unga december?', MEGAN)).text,
      /Klarmarkerad 12 jan 2026 av Alex Wilber \(för Socialnämnden\)\./,
    );
    assert.match(
      (await bot.svar('hur ligger bildningsnämnden november?', MEGAN)).text,
      /Preliminär: november 2025 är inte klarmarkerad ännu\./,
    );

    const av = await bot.svar('ta bort klarmarkeringen för socialnämnden december', ALEX);
    assert.match(av.text, /Klarmarkeringen borttagen: Socialnämnden, december 2025/);
    assert.match((await bot.svar('hur ligger socialnämnden december?', MEGAN)).text, /Preliminär/);
    const granskade = (await bot.store.granskningslogg()).filter((h) => h.typ === 'klarmarkeringar');
    assert.deepEqual(
      granskade.map((h) => [
        h.vem,
        h.nyckel,
        (h.fore as { klar?: boolean } | undefined)?.klar ?? null,
        (h.efter as { klar: boolean }).klar,
      ]),
      [
        [ALEX.anvandare, 'sn|2025-12', null, true],
        [ALEX.anvandare, 'sn|2025-12', true, false],
      ],
    );
  });

  it('en korrigering efter klarmarkeringen kräver en kommentar, visas som korrigering och meddelas den som markerade', async () => {
    await rapportera(['bou']);
    await bot.svar('klarmarkera socialnämnden december', ALEX);
    const form = kortAv(await bot.fraga('rapportera för barn och unga december', ADELE));
    assert.match(läsbartKort(form), /december 2025 är klarmarkerad \(12 jan 2026 av Alex Wilber\)\. En ändring är en korrigering/);
    assert.match(läsbartKort(form), /Varför korrigeras en klarmarkerad månad\?:/);

    const utan = await bot.execute('spara_utfall', inskick(form, 'spara_utfall', { utfall_ack: '31 000' }), ADELE);
    assert.match(läsbartKort(utan), /Inget är sparat\. Rätta det som är markerat/);
    assert.match(läsbartKort(utan), /Månaden är klarmarkerad \(12 jan 2026 av Alex Wilber\)\. Skriv varför siffrorna ändras/);
    assert.equal(bot.store.register.versionerFor('bou', '2025-12').length, 1);

    const med = await bot.execute(
      'spara_utfall',
      inskick(utan, 'spara_utfall', { utfall_ack: '31 000', korrigering: 'Sent inkomna fakturor för institutionsvård' }),
      ADELE,
    );
    assert.match(läsbartKort(med), /^Sparat: Barn och unga t\.o\.m\. december 2025/);
    const ny = bot.store.register.senasteVersion('bou', '2025-12')!;
    assert.deepEqual([ny.version, ny.utfall_ack, ny.korrigering], [2, 31000, 'Sent inkomna fakturor för institutionsvård']);

    const status = await bot.svar('hur ligger barn och unga december?', MEGAN);
    assert.match(
      status.text,
      /Korrigerad efter klarmarkeringen \(12 jan 2026 av Adele Vance, version 2\): Sent inkomna fakturor för institutionsvård/,
    );
    assert.match((await bot.svar('hur ligger socialnämnden december?', MEGAN)).text, /Korrigerad efter klarmarkeringen: Barn och unga/);

    const notis = bot.store.dokument.utskick.find((u) => u.slag === 'korrigering')!;
    assert.equal(notis.konversation, personligKonversation(ALEX.anvandare));
    assert.equal(notis.status, 'väntar');
    const text = läsbar((notis.innehall.svar as Svar).text);
    assert.match(text, /Korrigering efter klarmarkering: Barn och unga, december 2025/);
    assert.match(text, /Adele Vance ändrade siffrorna 12 jan 2026 \(version 2\), efter att du klarmarkerade Socialnämnden/);
    assert.match(text, /Utfall t\.o\.m\.: .* → 31 000/);
    assert.match(text, /Skäl: Sent inkomna fakturor för institutionsvård/);
  });

  it('fristerna i chatten: administratören sätter dem, andra får se men inte ändra, fel ändrar inget', async () => {
    const visa = await bot.svar('visa rapporteringsfrister', MEGAN);
    assert.match(visa.text, /Åsby kommun: arbetsdag 5 i månaden efter; ingen rapportering i juli/);
    assert.match(visa.text, /Socialnämnden: arbetsdag 3 i månaden efter; kl\. 07:30/);

    const fore = JSON.stringify(bot.store.dokument.rapporteringsplaner);
    assert.match(
      (await bot.svar('rapporteringsfrist arbetsdag 2', ALEX)).text,
      /Rapporteringsfristerna ändras bara av administratörer \(Adele Vance\)/,
    );
    assert.match((await bot.svar('rapporteringsfrist arbetsdag 40', ADELE)).text, /Inget har ändrats: arbetsdag 40 finns inte/);
    assert.match(
      (await bot.svar('rapporteringsfrist 2026-02-06', ADELE)).text,
      /Inget har ändrats: ange vilken månads rapport datumet gäller/,
    );
    assert.match((await bot.svar('rapporteringsfrist för januari 2026: 2026-01-20', ADELE)).text, /måste ligga efter månadens slut/);
    assert.equal(JSON.stringify(bot.store.dokument.rapporteringsplaner), fore);

    assert.match(
      (await bot.svar('rapporteringsfrist för bildningsnämnden arbetsdag 4', ADELE)).text,
      /Sparat: Bildningsnämnden: arbetsdag 4/,
    );
    assert.match(
      (await bot.svar('rapporteringsfrist för januari 2026: 2026-02-10', ADELE)).text,
      /Sparat: Åsby kommun: januari 2026: 2026-02-10/,
    );
    assert.match((await bot.svar('rapportering i juli igen', ADELE)).text, /Sparat: Åsby kommun: arbetsdag 5 i månaden efter/);
    assert.match(
      (await bot.svar('påminn 2 arbetsdagar före klockan 07:45', ADELE)).text,
      /Sparat: Åsby kommun: arbetsdag 5 i månaden efter; påminnelser från 2 arbetsdagar före; kl\. 07:45/,
    );
    const regler = Object.fromEntries(
      bot.store.dokument.rapporteringsplaner.map((r) => [
        `${r.enhet}|${r.period ?? '*'}`,
        [r.frist, r.arbetsdag ?? r.datum, r.uppehall, r.paminn_dagar, r.klockslag],
      ]),
    );
    assert.deepEqual(regler, {
      'kommun|*': ['arbetsdag', 5, [], 2, '07:45'],
      'sn|*': ['arbetsdag', 3, [], null, '07:30'],
      'bn|*': ['arbetsdag', 4, [], null, null],
      'kommun|2026-01': ['datum', '2026-02-10', [], null, null],
    });
    assert.ok(
      (await bot.store.granskningslogg()).some((h) => h.typ === 'rapporteringsplaner' && h.vem === ADELE.anvandare && h.nyckel === 'bn|*'),
    );
  });
});

function kortAv(aktiviteter: Array<Partial<Activity>>) {
  const meddelanden = aktiviteter.filter((a) => a.type === 'message');
  return kontrolleraKort(meddelanden[meddelanden.length - 1].attachments![0].content);
}
