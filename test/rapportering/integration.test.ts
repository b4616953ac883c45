import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import sinon from 'sinon';
import { Lagringsfel } from '../../src/store/fel.js';
import { Store } from '../../src/store/store.js';
import { DEMO_NU, läsbar } from '../support/demo.js';
import { ADELE, ALEX, ISAIAH, MEGAN, OKAND, type Testbot, testbot } from '../support/testbot.js';
import { type Kortjson, inmatningar, inskick, knapp, kortIAktiviteter, läsbartKort, textIAktiviteter } from '../support/kort.js';
import { kortrader, langaOrdICeller } from '../support/tabellkort.js';

const ORDER = 'jag vill rapportera novembersiffrorna för IFO';

describe('integration: rapportering med Action.Execute genom teams-ai Application', () => {
  let bot: Testbot;
  beforeEach(async () => {
    bot = await testbot();
  });

  /** IFO has four units below it: the first press says its row will replace their sum, the second saves. */
  const bekraftat = async (form: Kortjson, andrat: Record<string, string> = {}, vem = ALEX) => {
    const fraga = await bot.execute('spara_utfall', inskick(form, 'spara_utfall', andrat), vem);
    assert.match(
      läsbartKort(fraga),
      /Individ- och familjeomsorg har 4 enheter under sig\. Sparar du blir de här siffrorna \(utfall t\.o\.m\. [0-9 ,]+ tkr\) enhetens egen rad för november 2025, och den gäller i stället för summan av de 4 enheterna under den \(i dag utfall t\.o\.m\. 56 565 tkr\)\./,
    );
    assert.equal(knapp(fraga, 'spara_utfall').title, 'Skicka ändå');
    assert.equal(bot.store.register.senasteVersion('ifo', '2025-11'), undefined, 'inget sparat före bekräftelsen');
    return inskick(fraga, 'spara_utfall');
  };

  const tillstand = () => ({ dokument: JSON.stringify(bot.store.dokument), journal: läsJournal(bot.store) });
  const läsJournal = (store: Store) => {
    try {
      return readFileSync(`${store.plats}.journal`, 'utf-8');
    } catch {
      return '';
    }
  };

  it('"rapportera novembersiffrorna för IFO" ger ett ifyllt formulär för IFO november med oktober som jämförelse', async () => {
    const kort = kortIAktiviteter(await bot.fraga(ORDER, ALEX));
    const text = läsbartKort(kort);
    assert.match(text, /^Rapportera siffror: Individ- och familjeomsorg, november 2025/);
    assert.match(text, /Som jämförelse: oktober 2025\nBudget t\.o\.m\.: 42 449 tkr\nUtfall t\.o\.m\.: 51 401,1 tkr/);
    const v = inmatningar(kort);
    // IFO has no rows of its own: the form starts from the sum of its four units
    assert.deepEqual(
      { ...v, budget_ack: läsbar(v.budget_ack), utfall_ack: läsbar(v.utfall_ack) },
      {
        enhet: 'ifo',
        period: '2025-11',
        budget_ack: '46 695',
        utfall_ack: '56 565',
        budget_helar: '51\u00a0000',
        prognos_helar: '61\u00a0200',
        kommentar: '',
      },
    );
    const data = knapp(kort, 'spara_utfall').data;
    assert.equal(data.grundversion, 0);
    assert.equal(data.grundenhet, 'ifo');
    assert.match(String(data.kortId), /^[0-9a-f-]{36}$/);
  });

  it('"lämna prognos för hemtjänsten" öppnar den senaste stängda månaden, inte den som pågår (issue 13)', async () => {
    const kort = kortIAktiviteter(await bot.fraga('lämna prognos för hemtjänsten', ALEX));
    assert.equal(inmatningar(kort).period, '2025-11');
    assert.match(läsbartKort(kort), /^Rapportera siffror: Hemtjänst, november 2025/);
  });

  it('"lämna prognos för hemtjänsten i december" öppnar december, med förra månadens årsbudget och prognos som utgångspunkt', async () => {
    const kort = kortIAktiviteter(await bot.fraga('lämna prognos för hemtjänsten i december', ALEX));
    const v = inmatningar(kort);
    assert.equal(v.enhet, 'hemtjanst');
    assert.equal(v.period, '2025-12');
    assert.equal(v.budget_ack, '');
    assert.equal(v.utfall_ack, '');
    const nov = bot.store.register.senasteVersion('hemtjanst', '2025-11')!;
    assert.equal(läsbar(v.budget_helar).replace(/ /g, ''), String(nov.budget_helar));
    assert.match(
      läsbartKort(kort),
      /Inga siffror för december 2025 ännu\. Årsbudget och helårsprognos är ifyllda från november 2025 som utgångspunkt\./,
    );
  });

  it('knappen "Rapportera siffror" på statuskortet ger formuläret för enheten och perioden', async () => {
    const status = kortIAktiviteter(await bot.fraga('hur ligger barn och unga mot budget?', ALEX));
    const knappdata = (status.actions as Array<{ title: string; data: Record<string, unknown> }>).find(
      (a) => a.title === 'Rapportera siffror',
    )!.data;
    const kort = kortIAktiviteter(await bot.kanal.tryck(knappdata, ALEX));
    assert.match(läsbartKort(kort), /^Rapportera siffror: Barn och unga, november 2025/);
    assert.match(
      läsbartKort(kort),
      /Det finns redan siffror för november 2025: version 1, 10 dec 2025 av import\. Det du skickar blir version 2\./,
    );
    assert.equal(knapp(kort, 'spara_utfall').data.grundversion, 1);
  });

  it('ett fullständigt inskick sparar siffrorna och ersätter formuläret med ett kvitto', async () => {
    const form = kortIAktiviteter(await bot.fraga(ORDER, ALEX));
    const kvitto = await bot.execute(
      'spara_utfall',
      await bekraftat(form, { utfall_ack: '57 065,5', kommentar: 'Sent inkomna fakturor för institutionsvård.' }),
      ALEX,
    );
    const text = läsbartKort(kvitto);
    assert.match(
      text,
      /^Sparat: Individ- och familjeomsorg t\.o\.m\. november 2025\nVersion 1 · 10 dec 2025 av Alex Wilber\nUnderskott 10 370,5 tkr \(122,2 % av budget\)/,
    );
    assert.match(text, /Avvikelse: -10 370,5 tkr/);
    assert.match(text, /Första versionen för perioden\./);
    const rad = bot.store.register.senasteVersion('ifo', '2025-11')!;
    assert.deepEqual(
      {
        budget: rad.budget_ack,
        utfall: rad.utfall_ack,
        helar: rad.budget_helar,
        prognos: rad.prognos_helar,
        kommentar: rad.kommentar,
        version: rad.version,
        av: rad.rapporterad_av,
      },
      {
        budget: 46695,
        utfall: 57065.5,
        helar: 51000,
        prognos: 61200,
        kommentar: 'Sent inkomna fakturor för institutionsvård.',
        version: 1,
        av: ALEX.anvandare,
      },
    );
    // durable before the receipt: another process opening the file sees the figures
    const igen = await Store.oppna(bot.store.plats, () => new Date(DEMO_NU));
    assert.equal(igen.register.senasteVersion('ifo', '2025-11')?.utfall_ack, 57065.5);
  });

  it('ett felaktigt inskick sparar ingenting och ger samma formulär med användarens värden och ett meddelande per fält', async () => {
    const form = kortIAktiviteter(await bot.fraga(ORDER, ALEX));
    const fore = tillstand();
    const svar = await bot.execute(
      'spara_utfall',
      inskick(form, 'spara_utfall', { utfall_ack: 'abc', budget_helar: '2 000 000 000', period: '2026-03' }),
      ALEX,
    );
    assert.deepEqual(tillstand(), fore);
    const text = läsbartKort(svar);
    assert.match(text, /Inget är sparat\. Rätta det som är markerat och skicka igen\./);
    assert.match(text, /Utfall t\.o\.m\.: "abc" är inte ett tal\. Skriv till exempel 17 795,6 eller 13,1 mnkr\./);
    assert.match(text, /Årsbudget: 2 000 000 000 tkr är orimligt stort; belopp anges i tkr \(tusen kronor\)/);
    assert.match(text, /Perioden 2026-03 ligger i framtiden\. Välj december 2025 eller en tidigare månad\./);
    assert.equal(inmatningar(svar).utfall_ack, 'abc');
    assert.equal(inmatningar(svar).budget_helar, '2 000 000 000');
    // the same form (same id, same basis) can be corrected and sent again
    assert.deepEqual(knapp(svar, 'spara_utfall').data, knapp(form, 'spara_utfall').data);
    const kvitto = await bot.execute(
      'spara_utfall',
      await bekraftat(svar, { utfall_ack: '56 600', budget_helar: '51 000', period: '2025-11', kommentar: 'Placeringar' }),
      ALEX,
    );
    assert.match(läsbartKort(kvitto), /^Sparat:/);
    assert.equal(bot.store.register.senasteVersion('ifo', '2025-11')?.utfall_ack, 56600);
  });

  it('kommentaren krävs när underskottet når varningsgränsen', async () => {
    const form = kortIAktiviteter(await bot.fraga(ORDER, ALEX));
    const svar = await bot.execute('spara_utfall', inskick(form, 'spara_utfall'), ALEX);
    assert.match(
      läsbartKort(svar),
      /Kommentar krävs när underskottet är över varningsgränsen \(121,1 % av budget; varning från 101 %\)\. Skriv kort vad underskottet beror på\./,
    );
    assert.equal(bot.store.register.senasteVersion('ifo', '2025-11'), undefined);
  });

  it('ett formulär byggt på en äldre version vägras, visar båda värdena och kan skickas igen ovanpå den nya', async () => {
    const a = kortIAktiviteter(await bot.fraga('rapportera för barn och unga november', ALEX));
    const b = kortIAktiviteter(await bot.fraga('rapportera för barn och unga november', ADELE));
    await bot.execute('spara_utfall', inskick(a, 'spara_utfall', { utfall_ack: '28 974' }), ALEX);
    const fore = tillstand();
    const konflikt = await bot.execute(
      'spara_utfall',
      inskick(b, 'spara_utfall', { utfall_ack: '29 500', kommentar: 'Adeles siffra' }),
      ADELE,
    );
    assert.deepEqual(tillstand(), fore);
    const text = läsbartKort(konflikt);
    assert.match(
      text,
      /^Någon hann före: Barn och unga t\.o\.m\. november 2025\nAlex Wilber sparade version 2 10 dec 2025, efter att ditt formulär skapades från version 1\. Inget av det du skickade har sparats\./,
    );
    // each field on a line of its own, the stored and the sent value under it (a comment each on its whole line): no
    // narrow column of long words
    assert.match(text, /^Utfall t\.o\.m\.\n28 974 tkr\n29 500 tkr$/m);
    assert.match(text, /^Kommentar\nSparat \(version 2\): .*\nDitt: Adeles siffra$/m);
    assert.deepEqual(langaOrdICeller(konflikt), []);
    const belopp = kortrader(konflikt)
      .flatMap((r) => ('celler' in r ? r.celler : []))
      .filter((c) => /tkr$/.test(c.text));
    assert.ok(belopp.length >= 8, 'stored and sent amounts');
    assert.deepEqual(
      belopp.filter((c) => c.justering !== 'Right'),
      [],
    );
    const spara = knapp(konflikt, 'spara_utfall');
    assert.equal(spara.title, 'Spara mina siffror som version 3');
    const kvitto = await bot.execute('spara_utfall', spara.data, ADELE);
    assert.match(läsbartKort(kvitto), /Version 3 · 10 dec 2025 av Adele Vance/);
    assert.match(läsbartKort(kvitto), /Ändrat från version 2:\nUtfall t\.o\.m\.: 28 974 tkr → 29 500 tkr \(\+526\)/);
    assert.equal(bot.store.register.senasteVersion('bou', '2025-11')?.utfall_ack, 29500);
  });

  it('samma invoke två gånger lagrar en version och ger samma kvitto', async () => {
    const form = kortIAktiviteter(await bot.fraga('rapportera för barn och unga november', ALEX));
    const data = inskick(form, 'spara_utfall', { utfall_ack: '28 974' });
    const forsta = await bot.execute('spara_utfall', data, ALEX);
    const efterForsta = tillstand();
    const andra = await bot.execute('spara_utfall', data, ALEX);
    assert.deepEqual(tillstand(), efterForsta);
    assert.equal(bot.store.register.versionerFor('bou', '2025-11').length, 2);
    assert.equal(läsbartKort(andra).replace(' · kortet var redan mottaget, inget nytt sparades', ''), läsbartKort(forsta));
  });

  it('en chef får ett vänligt nej som säger vem som kan, både i chatten och vid ett förfalskat inskick', async () => {
    const svar = textIAktiviteter(await bot.fraga('rapportera för IFO', MEGAN));
    assert.equal(
      svar,
      'Tyvärr kan du inte rapportera för Individ- och familjeomsorg: det gör controllers för enheten och administratörer. Det kan Alex Wilber (controller) och Adele Vance (admin). Du kan fortfarande fråga om siffrorna, till exempel "hur ligger IFO mot budget?".',
    );
    const form = kortIAktiviteter(await bot.fraga(ORDER, ALEX));
    const utfall = bot.store.dokument.utfall.length;
    const nej = await bot.execute('spara_utfall', inskick(form, 'spara_utfall', { kommentar: 'förfalskat' }), MEGAN);
    assert.match(
      läsbartKort(nej),
      /^Inget har sparats\nTyvärr kan du inte rapportera för Individ- och familjeomsorg.*Alex Wilber \(controller\) och Adele Vance \(admin\)/,
    );
    assert.equal(bot.store.dokument.utfall.length, utfall);
    const nekade = (await bot.store.granskningslogg()).filter((h) => h.typ === 'nekad' && h.vem === MEGAN.anvandare);
    assert.deepEqual(
      nekade.map((h) => (h.efter as { atgard: string }).atgard),
      ['rapportera', 'spara_utfall'],
    );
  });

  it('en okänd användare kan läsa men inte rapportera; en controller utanför sitt område får veta vem som kan', async () => {
    assert.match(
      textIAktiviteter(await bot.fraga('rapportera', OKAND)),
      /^Jag känner inte igen dig som användare i Budgetkollen, så du kan läsa siffror men inte rapportera\. Be en administratör \(Adele Vance\) att lägga upp dig\./,
    );
    assert.match(
      textIAktiviteter(await bot.fraga('hur ligger IFO mot budget?', OKAND)),
      /Individ- och familjeomsorg t\.o\.m\. november 2025/,
    );
    assert.equal(
      textIAktiviteter(await bot.fraga('rapportera för grundskolan', ALEX)),
      'Du kan inte rapportera för Grundskola F–9; du är controller för Socialnämnden. Det kan Isaiah Langer (controller) och Adele Vance (admin).',
    );
    const form = kortIAktiviteter(await bot.fraga('rapportera', ISAIAH));
    const fore = bot.store.dokument.utfall.length;
    const svar = await bot.execute('spara_utfall', inskick(form, 'spara_utfall', { enhet: 'ifo' }), ISAIAH);
    assert.match(
      läsbartKort(svar),
      /Enhet: Du kan inte rapportera för Individ- och familjeomsorg; du är controller för Servicenämnden, Bildningsnämnden och Myndighetsnämnden\./,
    );
    assert.equal(bot.store.dokument.utfall.length, fore);
  });

  it('efter en rättelse svarar "hur ligger IFO mot budget?" med de nya siffrorna och att de är korrigerade', async () => {
    const form1 = kortIAktiviteter(await bot.fraga(ORDER, ALEX));
    await bot.execute('spara_utfall', await bekraftat(form1, { utfall_ack: '57 065,5', kommentar: 'Sent inkomna fakturor.' }), ALEX);
    let status = textIAktiviteter(await bot.fraga('hur ligger IFO mot budget?', MEGAN));
    assert.match(status, /Utfall 57 065,5 tkr mot budget 46 695 tkr: underskott 10 370,5 tkr/);
    assert.doesNotMatch(status, /korrigerad/);
    const form2 = kortIAktiviteter(await bot.fraga(ORDER, ALEX));
    assert.equal(knapp(form2, 'spara_utfall').data.grundversion, 1);
    const kvitto = await bot.execute('spara_utfall', inskick(form2, 'spara_utfall', { utfall_ack: '57 165,5' }), ALEX);
    assert.match(
      läsbartKort(kvitto),
      /Ändrat från version 1:\nUtfall t\.o\.m\.: 57 065,5 tkr → 57 165,5 tkr \(\+100\)\nAvvikelse: -10 370,5 tkr → -10 470,5 tkr \(-100\)/,
    );
    status = textIAktiviteter(await bot.fraga('hur ligger IFO mot budget?', MEGAN));
    assert.match(status, /Utfall 57 165,5 tkr mot budget 46 695 tkr: underskott 10 470,5 tkr/);
    assert.match(status, /korrigerad 10 dec 2025 av Alex Wilber \(version 2\)/);
  });

  it('"visa historik för IFO november": före rapporten summerad från enheterna, efter två versioner med vem och när', async () => {
    let text = textIAktiviteter(await bot.fraga('visa historik för IFO november', MEGAN));
    assert.match(text, /Individ- och familjeomsorg har inga egna siffror för november 2025; de summeras från 4 underliggande enheter\./);
    assert.match(text, /Barn och unga\nVersion 1, 10 dec 2025 av import\./);
    const form1 = kortIAktiviteter(await bot.fraga(ORDER, ALEX));
    await bot.execute('spara_utfall', await bekraftat(form1, { kommentar: 'Placeringar' }), ALEX);
    const form2 = kortIAktiviteter(await bot.fraga(ORDER, ALEX));
    await bot.execute('spara_utfall', inskick(form2, 'spara_utfall', { prognos_helar: '61 500' }), ADELE);
    text = textIAktiviteter(await bot.fraga('visa historik för IFO november', MEGAN));
    assert.match(
      text,
      /Historik: Individ- och familjeomsorg t\.o\.m\. november 2025\n2 versioner; den senaste gäller\.\nVersion 2 · 10 dec 2025 · Adele Vance via kort\n.*\nÄndrat: Helårsprognos: 61 200 tkr → 61 500 tkr \(\+300\)\.\nVersion 1 · 10 dec 2025 · Alex Wilber via kort/,
    );
  });

  it('i en gruppchatt ersätts kortet för alla när något sparas', async () => {
    const grupp = { ...ALEX, konversation: '19:grupp@thread.v2' };
    const form = kortIAktiviteter(await bot.fraga(ORDER, grupp));
    const uppdatera = sinon.spy(bot.kanal.adapter, 'updateActivity');
    try {
      const data = await bekraftat(form, { kommentar: 'Placeringar' }, grupp);
      const svar = await bot.kanal.skicka(
        {
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId: 'kortmeddelande-1',
          value: { action: { type: 'Action.Execute', verb: 'spara_utfall', data } },
          conversation: { id: '19:grupp@thread.v2', conversationType: 'groupChat', isGroup: true, name: 'Ekonomi', tenantId: 'lokal' },
        },
        grupp,
      );
      assert.equal(uppdatera.callCount, 1);
      const aktivitet = uppdatera.firstCall.args[1];
      assert.equal(aktivitet.id, 'kortmeddelande-1');
      assert.match(läsbartKort(aktivitet.attachments![0].content), /^Sparat: Individ- och familjeomsorg/);
      assert.ok(svar.some((a) => a.type === 'invokeResponse'));
    } finally {
      uppdatera.restore();
    }
  });

  it('när lagringen inte kan skriva får användaren veta att inget sparats, och kortet går att skicka igen', async () => {
    const form = kortIAktiviteter(await bot.fraga(ORDER, ALEX));
    const data = await bekraftat(form, { kommentar: 'Placeringar' });
    const andra = sinon.stub(bot.store, 'ändra').rejects(new Lagringsfel('Ändringen kunde inte sparas: disken är full'));
    let svar;
    try {
      svar = await bot.execute('spara_utfall', data, ALEX);
    } finally {
      andra.restore();
    }
    assert.equal(
      läsbartKort(svar),
      'Något gick fel\nÄndringen kunde inte sparas: disken är full\nInget har sparats. Försök igen om en stund; skriv "rapportera" för att få ett nytt formulär.',
    );
    assert.equal(bot.store.register.senasteVersion('ifo', '2025-11'), undefined);
    assert.match(läsbartKort(await bot.execute('spara_utfall', data, ALEX)), /^Sparat:/);
  });

  it('"Hämta siffror för vald enhet och månad" bygger om formuläret för det nya valet', async () => {
    const form = kortIAktiviteter(await bot.fraga(ORDER, ALEX));
    const nytt = await bot.execute('oppna_rapportering', inskick(form, 'oppna_rapportering', { enhet: 'bou', period: '2025-10' }), ALEX);
    assert.match(läsbartKort(nytt), /^Rapportera siffror: Barn och unga, oktober 2025/);
    assert.equal(inmatningar(nytt).utfall_ack.replace(/\s/g, ''), '26235,3');
    assert.equal(knapp(nytt, 'spara_utfall').data.grundversion, 1);
    assert.equal(knapp(nytt, 'spara_utfall').data.grundperiod, '2025-10');
  });
});

describe('integration: uppdatera åtgärd genom teams-ai Application', () => {
  let bot: Testbot;
  beforeEach(async () => {
    bot = await testbot();
  });

  it('"uppdatera åtgärd 5" ger formuläret; ett fel stoppar, ett rätt inskick sparar en ny version med kvitto', async () => {
    const form = kortIAktiviteter(await bot.fraga('uppdatera åtgärd 5', ALEX));
    assert.match(läsbartKort(form), /^Uppdatera åtgärd 5: Placeringskostnader IFO/);
    assert.deepEqual(inmatningar(form).status, 'pågår');
    const fore = JSON.stringify(bot.store.dokument);
    const fel = await bot.execute(
      'spara_atgard',
      inskick(form, 'spara_atgard', { status: 'försenad', besparing: '-10', kommentar: '' }),
      ALEX,
    );
    assert.match(
      läsbartKort(fel),
      /Realiserad besparing: kan inte vara negativ \(-10 tkr\)\. Skriv 0 om åtgärden inte har gett någon besparing\./,
    );
    assert.match(läsbartKort(fel), /Kommentar krävs när åtgärden är försenad: skriv kort varför och vad som händer nu\./);
    assert.equal(JSON.stringify(bot.store.dokument), fore);
    const data = inskick(fel, 'spara_atgard', {
      status: 'försenad',
      besparing: '250',
      kommentar: 'Färre hemmaplanslösningar än planerat.',
    });
    const kvitto = await bot.execute('spara_atgard', data, ALEX);
    assert.match(läsbartKort(kvitto), /^Sparat: åtgärd 5, Placeringskostnader IFO\nVård och stöd · version 2 · 10 dec 2025 av Alex Wilber/);
    assert.match(läsbartKort(kvitto), /Status: pågår → försenad/);
    const a = bot.store.register.atgarder('vos').find((x) => x.nr === 5)!;
    assert.deepEqual({ status: a.status, r2025: a.utfall['2025'], version: a.version }, { status: 'försenad', r2025: 250, version: 2 });
    const igen = await bot.execute('spara_atgard', data, ALEX);
    assert.match(läsbartKort(igen), /kortet var redan mottaget, inget nytt sparades/);
    assert.equal(bot.store.register.atgarder('vos').find((x) => x.nr === 5)!.version, 2);
    const historik = textIAktiviteter(await bot.fraga('visa historik för åtgärd 5', ALEX));
    assert.match(
      historik,
      /Version 2 · 10 dec 2025 · Alex Wilber\nStatus försenad; .*\nÄndrat: Status: pågår → försenad; Realiserad besparing 2025: .* → 250 tkr/,
    );
  });

  it('knappen "Uppdatera åtgärden" på åtgärdskortet ger formuläret; en chef får nej', async () => {
    const atgardskort = kortIAktiviteter(await bot.fraga('åtgärd 2 ifo', MEGAN));
    const data = (atgardskort.actions as Array<{ title: string; data: Record<string, unknown> }>).find(
      (a) => a.title === 'Uppdatera åtgärden',
    )!.data;
    assert.equal(
      textIAktiviteter(await bot.kanal.tryck(data, MEGAN)),
      'Tyvärr kan du inte rapportera för Individ- och familjeomsorg: det gör controllers för enheten och administratörer. Det kan Alex Wilber (controller) och Adele Vance (admin). Du kan fortfarande fråga om siffrorna, till exempel "hur ligger IFO mot budget?".',
    );
    const form = kortIAktiviteter(await bot.kanal.tryck(data, ALEX));
    assert.match(läsbartKort(form), /^Uppdatera åtgärd 2: Hemmaplanslösningar för barn och unga/);
  });

  it('en åtgärd med samma nummer hos flera enheter ger en fråga om vilken', async () => {
    const svar = kortIAktiviteter(await bot.fraga('uppdatera åtgärd 1', ALEX));
    assert.match(läsbartKort(svar), /^Vilken åtgärd 1 menar du\?/);
    assert.equal((svar.actions as unknown[]).length, 2);
  });
});
