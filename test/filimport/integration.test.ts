import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Activity } from 'botbuilder';
import { kortSomText } from '../../src/cards/somText.js';
import { FILIMPORT_VERB } from '../../src/answers/filimport.js';
import { STANDARDGRANSER } from '../../src/domain/nedladdning.js';
import { importera } from '../../src/usecases/import.js';
import { skrivArbetsbok, somExceldatum } from '../support/arbetsbok.js';
import { kortIAktiviteter } from '../support/kort.js';
import { läsbar } from '../support/demo.js';
import { ADELE, ALEX, ISAIAH, MEGAN, type Testbot, testbot } from '../support/testbot.js';
import { type Filserver, filmeddelande, filserver } from './stod.js';

type Knapp = { title: string; verb: string; data: Record<string, unknown> };
const knappar = (kort: Record<string, unknown>) => ((kort.actions ?? []) as Knapp[]).filter((a) => a.verb);
const las = (kort: unknown) => läsbar(kortSomText(kort));

/** December for IFO's four units and a correction of Barn och unga's November: Alex's own units. */
async function decemberIfo(bouDecember = 31500): Promise<Buffer> {
  return skrivArbetsbok([
    {
      namn: 'Utfall',
      rader: [
        ['Enhet', 'Period', 'Budget ack', 'Utfall ack', 'Budget helår', 'Prognos helår', 'Kommentar'],
        ['bou', somExceldatum('2025-12'), 24000, bouDecember, 24000, 31100, 'Placeringar'],
        ['vuxen', '2025-12', '6 500', '6 290,5', 6500, 6300, null],
        ['ekbistand', '2025-12', 15000, 18600, 15000, 18550, null],
        ['flykting', '2025-12', 5500, 5480, 5500, 5250, null],
        ['bou', '2025-11', 21974, 28700, 24000, 31100, 'Fakturor om ca 300 tkr för institutionsvård'],
      ],
    },
  ]);
}

describe('filer till boten i Teams: förhandsvisning, Importera, Avbryt (issue 17)', function () {
  this.timeout(60000);
  let server: Filserver;
  let bot: Testbot;

  before(async () => {
    server = await filserver();
  });
  after(() => server.stang());
  beforeEach(async () => {
    bot = await testbot({ filgranser: { ...STANDARDGRANSER, maxByte: 60 * 1024, maxUppackat: 2 * 1024 * 1024 } });
  });

  const skicka = async (namn: string, data: Buffer | string, fran = ALEX, konversation?: Partial<Activity>) => {
    const url = typeof data === 'string' ? data : server.lagg(`${Math.random()}/${namn}`, data);
    return bot.kanal.skicka({ ...filmeddelande(namn, url), ...konversation }, fran);
  };
  const forhandsvisa = async (namn: string, data: Buffer, fran = ALEX) => kortIAktiviteter(await skicka(namn, data, fran));

  it('en controller skickar månadens fil: förhandsvisning med ändringarna, Importera sparar allt, kvittot ersätter kortet och nästa svar visar de nya siffrorna', async () => {
    const fil = await decemberIfo();
    const kort = await forhandsvisa('december.xlsx', fil);
    const text = las(kort);
    assert.match(text, /Förhandsvisning: december\.xlsx/);
    assert.match(text, /Inget är sparat ännu/);
    assert.match(text, /Nya månader \(4\)/);
    assert.match(text, /Barn och unga: december 2025, utfall 31 500 tkr mot budget 24 000 tkr/);
    assert.match(text, /Vuxen och missbruk: december 2025, utfall 6 290,5 tkr/);
    assert.match(text, /Rättade siffror \(1\)/);
    assert.match(text, /Barn och unga november 2025: utfall t\.o\.m\. 28 674 tkr → 28 700 tkr/);
    assert.match(text, /Passerar en larmgräns/);
    assert.match(text, /Individ- och familjeomsorg december 2025: inom gränserna → kritisk nivå/);
    assert.equal(bot.store.register.senasteVersion('bou', '2025-12'), undefined, 'inget sparat före Importera');
    const [importeraKnapp, avbryt] = knappar(kort);
    assert.deepEqual(
      [importeraKnapp.title, importeraKnapp.verb, avbryt.title, avbryt.verb],
      ['Importera', FILIMPORT_VERB.importera, 'Avbryt', FILIMPORT_VERB.avbryt],
    );

    const kvitto = las(await bot.execute(importeraKnapp.verb, importeraKnapp.data, ALEX));
    assert.match(kvitto, /Importerat: december\.xlsx/);
    assert.match(kvitto, /Importerat av Alex Wilber/);
    assert.equal(bot.store.register.senasteVersion('bou', '2025-12')!.utfall_ack, 31500);
    assert.equal(bot.store.register.senasteVersion('bou', '2025-11')!.utfall_ack, 28700);
    const granskning = (await bot.store.granskningslogg()).filter((h) => h.typ === 'filimport');
    assert.equal(granskning.length, 1);
    assert.equal(granskning[0].vem, ALEX.anvandare);
    assert.equal(granskning[0].nyckel, `december.xlsx|${createHash('sha256').update(fil).digest('hex')}`);
    assert.ok(
      (await bot.store.granskningslogg()).some((h) => h.typ === 'utfall' && h.vem === ALEX.anvandare && h.kalla === 'import'),
      'varje rad granskas med vem',
    );

    const svar = await bot.svar('hur ligger barn och unga mot budget i december?', { anvandare: MEGAN.anvandare });
    assert.match(svar.text, /december 2025/);
    assert.match(svar.text, /31 500/);

    // The same file again: nothing to import.
    const igen = las(await forhandsvisa('december.xlsx', fil));
    assert.match(igen, /Inga ändringar/);
    assert.deepEqual(knappar(await forhandsvisa('december.xlsx', fil)), []);
  });

  it('Avbryt skriver ingenting, och förhandsvisningen kan inte importeras efteråt', async () => {
    const fore = JSON.stringify(bot.store.dokument);
    const kort = await forhandsvisa('december.xlsx', await decemberIfo());
    const [imp, avbryt] = knappar(kort);
    assert.match(las(await bot.execute(avbryt.verb, avbryt.data, ALEX)), /Importen avbröts.*Inget från december\.xlsx har sparats/s);
    assert.equal(JSON.stringify(bot.store.dokument), fore);
    assert.match(las(await bot.execute(imp.verb, imp.data, ALEX)), /Förhandsvisningen gäller inte längre/);
    assert.equal(JSON.stringify(bot.store.dokument), fore);
  });

  it('en förhandsvisning som blivit inaktuell importeras inte; boten visar en ny, och den kan importeras', async () => {
    const kort = await forhandsvisa('december.xlsx', await decemberIfo());
    const [imp] = knappar(kort);
    await importera(
      bot.store,
      {
        'utfall.csv': Buffer.from(
          'enhet;period;budget_ack;utfall_ack;budget_helar;prognos_helar;kommentar\nbou;2025-12;24000;30000;24000;31100;\n',
        ),
      },
      'annan',
    );
    const ny = await bot.execute(imp.verb, imp.data, ALEX);
    const text = las(ny);
    assert.match(text, /har ändrats sedan förhandsvisningen, så inget importerades/);
    assert.match(text, /Barn och unga december 2025: utfall t\.o\.m\. 30 000 tkr → 31 500 tkr/);
    assert.equal(bot.store.register.senasteVersion('bou', '2025-12')!.utfall_ack, 30000);
    const [nyImp] = knappar(ny);
    assert.match(las(await bot.execute(nyImp.verb, nyImp.data, ALEX)), /Importerat: december\.xlsx/);
    assert.equal(bot.store.register.senasteVersion('bou', '2025-12')!.utfall_ack, 31500);
  });

  it('en chef får inte importera; rader utanför controllerns enheter och slag bara en administratör får importera vägras med namn', async () => {
    const fore = JSON.stringify(bot.store.dokument);
    const chef = await skicka('december.xlsx', await decemberIfo(), MEGAN);
    assert.match(las(kortIAktiviteter(chef)), /Bara controllers och administratörer kan importera siffror/);
    const fil = await skrivArbetsbok([
      {
        namn: 'Utfall',
        rader: [
          ['enhet', 'period', 'budget_ack', 'utfall_ack', 'budget_helar', 'prognos_helar', 'kommentar'],
          ['bou', '2025-12', 24000, 31500, 24000, 31100],
          ['kost', '2025-12', 16500, 15100, 16500, 15000],
        ],
      },
      {
        namn: 'Enheter',
        rader: [
          ['id', 'namn', 'typ', 'foralder', 'alias'],
          ['nyenhet', 'Ny enhet', 'enhet', 'bou', null],
        ],
      },
    ]);
    const kort = await forhandsvisa('blandat.xlsx', fil);
    const text = las(kort);
    assert.match(text, /Filen kan inte importeras/);
    assert.match(text, /Utanför ditt ansvar/);
    assert.match(text, /Kost \(kost\)/);
    assert.match(text, /enheter: bara en administratör kan importera enheter/);
    assert.match(text, /Du kan importera för Socialnämnden/);
    assert.doesNotMatch(text, /Barn och unga \(bou\)/);
    assert.deepEqual(knappar(kort), []);
    // The admin may import the same file.
    const admin = await forhandsvisa('blandat.xlsx', fil, ADELE);
    assert.match(las(admin), /Nya enheter \(1\)/);
    assert.equal(knappar(admin).length, 2);
    // Isaiah (Servicenämnden) sees bou refused and kost not.
    const isaiah = las(await forhandsvisa('blandat.xlsx', fil, ISAIAH));
    assert.match(isaiah, /Barn och unga \(bou\)/);
    assert.doesNotMatch(isaiah, /Kost \(kost\)/);
    assert.equal(JSON.stringify(bot.store.dokument), fore);
  });

  it('varje felaktig rad som blad:rad: orsak, och inget att importera', async () => {
    const fil = await skrivArbetsbok([
      {
        namn: 'Utfall',
        rader: [
          ['enhet', 'period', 'budget_ack', 'utfall_ack', 'budget_helar', 'prognos_helar', 'kommentar'],
          ['bou', '2025-13', 24000, 31500, null, null],
          ['simhallen', '2025-12', 1, 2, null, null],
          ['vuxen', '2025-12', 'mycket', 2, null, null],
        ],
      },
    ]);
    const kort = await forhandsvisa('fel.xlsx', fil);
    const text = las(kort);
    assert.match(text, /Fel i filen \(3\)/);
    assert.match(text, /^Utfall:2: period "2025-13" ska skrivas ÅÅÅÅ-MM/m);
    assert.match(text, /^Utfall:3: okänd enhet "simhallen"/m);
    assert.match(text, /^Utfall:4: budget_ack: "mycket" är inte ett tal/m);
    assert.deepEqual(knappar(kort), []);
  });

  it('en huvudboksexport med kodmappningen i lagringen förhandsvisas summerad per enhet', async () => {
    const mapp = join(process.cwd(), 'data', 'huvudbok');
    bot = await testbot();
    await importera(bot.store, {
      'kodmappning.csv': readFileSync(join(mapp, 'kodmappning.csv')),
      'rubrikmappning.csv': readFileSync(join(mapp, 'rubrikmappning.csv')),
    });
    const kort = await forhandsvisa('huvudbok.xlsx', readFileSync(join(mapp, 'huvudbok.xlsx')), ADELE);
    const text = las(kort);
    assert.match(text, /Nya månader \(21\)/);
    assert.match(text, /… och 9 till/);
    assert.equal(knappar(kort).length, 2);
  });

  describe('säkerhet: varje vägran ett svenskt besked, och inget sparas', () => {
    it('en värd som inte är tillåten hämtas aldrig', async () => {
      const n = server.hamtningar.length;
      const svar = las(kortIAktiviteter(await skicka('december.xlsx', 'https://filer.example.com/december.xlsx')));
      assert.match(svar, /Jag hämtade inte december\.xlsx: filer\.example\.com är inte en av de adresser filer får hämtas från/);
      assert.match(
        las(kortIAktiviteter(await skicka('december.xlsx', 'http://contoso.sharepoint.com/x.xlsx'))),
        /inte krypterad \(https\)/,
      );
      assert.equal(server.hamtningar.length, n);
    });

    it('den här datorn bara i lokalt läge', async () => {
      const registrerad = await testbot({ botAppId: 'bot-id' });
      const url = server.lagg('lokal/december.xlsx', await decemberIfo());
      const svar = await registrerad.kanal.skicka(filmeddelande('december.xlsx', url), ALEX);
      assert.match(las(kortIAktiviteter(svar)), /127\.0\.0\.1 är den här datorn, som bara används i lokalt läge/);
    });

    it('en för stor fil vägras', async () => {
      const stor = Buffer.alloc(70 * 1024, 'a');
      assert.match(
        las(kortIAktiviteter(await skicka('stor.csv', stor))),
        /Jag kunde inte ta emot stor\.csv: filen är större än gränsen 0,1 MB/,
      );
    });

    it('en hämtning som inte blir klar inom tidsgränsen avbryts', async () => {
      const langsam = await testbot({ filgranser: { ...STANDARDGRANSER, tidsgransMs: 500 } });
      const svar = await langsam.kanal.skicka(filmeddelande('december.xlsx', server.adress('langsam/december.xlsx')), ALEX);
      assert.match(las(kortIAktiviteter(svar)), /Jag kunde inte ta emot december\.xlsx: hämtningen tog längre än 1 sekund\b/);
    });

    it('en zip-bomb vägras innan den packas upp', async () => {
      const zip = new JSZip();
      zip.file('[Content_Types].xml', '<Types/>');
      zip.file('xl/workbook.xml', '<workbook/>');
      zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(20 * 1024 * 1024, 0x20));
      const bomb = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
      assert.ok(bomb.length < 60 * 1024, `bomben är ${bomb.length} byte packad`);
      const svar = las(kortIAktiviteter(await skicka('bomb.xlsx', bomb)));
      assert.match(svar, /bomb\.xlsx: uppackad vore arbetsboken 20 MB, mer än gränsen 2 MB/);
    });

    it('en fil som bara heter .xlsx vägras efter sitt innehåll', async () => {
      const pdf = Buffer.from('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<<>>\nendobj\n\u0000\u0000', 'latin1');
      assert.match(las(kortIAktiviteter(await skicka('december.xlsx', pdf))), /december\.xlsx: filen är varken en Excel-arbetsbok/);
      const docx = new JSZip();
      docx.file('[Content_Types].xml', '<Types/>');
      docx.file('word/document.xml', '<document/>');
      const word = await docx.generateAsync({ type: 'nodebuffer' });
      assert.match(las(kortIAktiviteter(await skicka('december.xlsx', word))), /filen är en zip-fil men ingen Excel-arbetsbok/);
    });

    it('i en kanal eller gruppchatt förklarar boten att filer skickas i personlig chatt', async () => {
      for (const conversationType of ['channel', 'groupChat']) {
        const svar = await skicka('december.xlsx', await decemberIfo(), ALEX, {
          conversation: {
            id: `19:${conversationType}@thread.tacv2`,
            conversationType,
            isGroup: true,
            name: '',
          } as Activity['conversation'],
        });
        assert.match(svar.map((a) => a.text).join(''), /Filer tar jag emot i personlig chatt/);
      }
    });
  });
});
