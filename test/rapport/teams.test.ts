// The monthly report through the real teams-ai Application (issue 19): the card for a nämnd and for the
// municipality, the file consent flow against an upload server of the test's own on loopback, decline,
// channels, and upload addresses that are refused.
import assert from 'node:assert/strict';
import { type IncomingHttpHeaders, type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';
import ExcelJS from 'exceljs';
import { siffrorFor } from '../../src/domain/siffror.js';
import { formatProcent, formatTal } from '../../src/domain/tal.js';
import { manadsrapport } from '../../src/answers/manadsrapport.js';
import { BLAD } from '../../src/rapport/excel.js';
import { skrivRapportfil } from '../../src/rapport/filer.js';
import { FILINFO, FILSAMTYCKE } from '../../src/teams/filer.js';
import type { LokalAvsandare } from '../../src/teams/lokalt.js';
import { type Kortjson, knappar, kortIAktiviteter, läsbartKort } from '../support/kort.js';
import { ALEX, MEGAN, OKAND, type Testbot, synligText, testbot } from '../support/testbot.js';
import { korrigera } from './stod.js';

interface Mottaget {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** An upload server on loopback that records every request and answers as told. */
async function mottagare(svar: (req: Mottaget) => { status: number; headers?: Record<string, string> } | 'tyst' = () => ({ status: 201 })) {
  const mottagna: Mottaget[] = [];
  const server: Server = createServer((req, res) => {
    const delar: Buffer[] = [];
    req.on('data', (d: Buffer) => delar.push(d));
    req.on('end', () => {
      const m = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(delar) };
      mottagna.push(m);
      const s = svar(m);
      if (s === 'tyst') return;
      res.writeHead(s.status, s.headers ?? { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    mottagna,
    adress: (sokvag = '/upload/sn.xlsx') => `http://127.0.0.1:${port}${sokvag}`,
    stang: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

function meddelanden(aktiviteter: Partial<Activity>[]): Partial<Activity>[] {
  return aktiviteter.filter((a) => a.type === 'message');
}

/** The consent card the Excel or Word button gets, checked as Teams reads it. */
function samtyckeskort(aktiviteter: Partial<Activity>[]) {
  const [m] = meddelanden(aktiviteter);
  const bilaga = m?.attachments?.[0];
  assert.ok(bilaga, `expected a consent card, got: ${m?.text}`);
  assert.equal(bilaga.contentType, FILSAMTYCKE);
  const c = bilaga.content as {
    description: string;
    sizeInBytes: number;
    acceptContext: Record<string, unknown>;
    declineContext: Record<string, unknown>;
  };
  assert.ok(c.sizeInBytes > 1000, `size ${c.sizeInBytes}`);
  assert.ok(c.description);
  return { namn: bilaga.name!, ...c };
}

/** What Teams sends when the user answers the consent card. */
function samtycke(bot: Testbot, action: 'accept' | 'decline', context: unknown, uploadUrl: string, fran: LokalAvsandare = ALEX) {
  return bot.kanal.skicka(
    {
      type: 'invoke',
      name: 'fileConsent/invoke',
      value: {
        type: 'fileUpload',
        action,
        context,
        uploadInfo: {
          name: 'Månadsrapport Socialnämnden 2025-11.xlsx',
          uploadUrl,
          contentUrl:
            'https://contoso-my.sharepoint.com/personal/alex/Documents/Applications/Budgetkollen/Månadsrapport Socialnämnden 2025-11.xlsx',
          uniqueId: '1a1e0c5e-5b2f-4d1a-9e1b-000000000001',
          fileType: 'xlsx',
        },
      },
    },
    fran,
  );
}

function invokeStatus(aktiviteter: Partial<Activity>[]): number | undefined {
  return (aktiviteter.find((a) => a.type === 'invokeResponse')?.value as { status?: number } | undefined)?.status;
}

const kanalen = (anvandare: string, typ: 'channel' | 'groupChat' = 'channel'): Partial<Activity> => ({
  conversation: { id: `19:${typ}@thread.tacv2`, conversationType: typ, isGroup: true, name: 'Ekonomi', tenantId: 'lokal' },
  channelData:
    typ === 'channel'
      ? { tenant: { id: 'lokal' }, team: { id: '19:team@thread.tacv2' }, channel: { id: '19:channel@thread.tacv2' } }
      : { tenant: { id: 'lokal' } },
  from: { id: `29:${anvandare}`, name: 'Alex Wilber', aadObjectId: anvandare },
});

describe('månadsrapporten i Teams: kortet, filerna och samtycket', () => {
  let bot: Testbot;
  beforeEach(async () => {
    bot = await testbot();
  });

  it('"månadsrapport för socialnämnden": protokollets tabell med samma siffror som svaren, och knapparna Excel och Word', async () => {
    const kort = kortIAktiviteter(await bot.fraga('månadsrapport för socialnämnden', ALEX));
    const text = läsbartKort(kort);
    const reg = bot.store.register;
    assert.match(text, /Månadsrapport: Socialnämnden/);
    assert.match(text, /Ekonomisk uppföljning t\.o\.m\. november 2025, tkr/);
    for (const [id, namn] of [
      ['vos', 'Vård och stöd'],
      ['ifo', 'Individ- och familjeomsorg'],
      ['sn', 'Summa'],
    ]) {
      const s = siffrorFor(reg, id, '2025-11')!;
      // the unit's name on a line of its own, its figures under it (issue 14.5: a phone's width)
      const rad = [namn, formatTal(s.budget_ack), formatTal(s.utfall_ack), formatTal(s.avvikelse), formatProcent(s.procent!)].join('\n');
      assert.ok(text.includes(rad.replace(/\u00a0/g, ' ').replace(/\u2212/g, '-')), `the row ${rad} in\n${text}`);
    }
    assert.match(text, /^Summa\n259 458\n277 253,6\n-17 795,6\n106,9 %$/m, 'the protocol of seed 003');
    assert.match(text, /Helår 2025/);
    assert.match(text, /Barn och unga: Fakturor om ca 300 tkr/);
    assert.match(text, /Åtgärdsplaner 2025/);
    assert.deepEqual(
      knappar(kort).map((k) => [k.title, k.data]),
      [
        ['Excel', { verb: 'manadsrapport_fil', enhet: 'sn', period: '2025-11', format: 'xlsx' }],
        ['Word', { verb: 'manadsrapport_fil', enhet: 'sn', period: '2025-11', format: 'docx' }],
      ],
    );
  });

  it('en rads siffror är exakt de som svaret om enheten visar', async () => {
    const rapport = kortIAktiviteter(await bot.fraga('månadsrapport för socialnämnden', ALEX));
    const status = kortIAktiviteter(await bot.fraga('hur ligger IFO mot budget?', ALEX));
    const fakta = Object.fromEntries(
      ((status.body as Kortjson[]).find((b) => b.type === 'FactSet')!.facts as Array<{ title: string; value: string }>).map((f) => [
        f.title,
        f.value,
      ]),
    );
    const rader = läsbartKort(rapport).split('\n');
    const rad = rader.slice(rader.indexOf('Individ- och familjeomsorg'));
    assert.equal(`${rad[1]} tkr`, fakta['Budget t.o.m.'].replace(/\u00a0/g, ' '));
    assert.equal(`${rad[2]} tkr`, fakta['Utfall t.o.m.'].replace(/\u00a0/g, ' '));
    assert.equal(
      `${rad[3]} ${rad[4]}`,
      `${fakta['Avvikelse'].replace(/\u00a0tkr$/, '')} ${fakta['Procent av budget']}`.replace(/\u00a0/g, ' ').replace(/\u2212/g, '-'),
    );
  });

  it('"ks-rapporten" och "månadsrapport för kommunen": en rad per nämnd och kommunens summa', async () => {
    for (const fraga of ['ks-rapporten', 'månadsrapport för kommunen', 'monthly report for the municipality']) {
      const text = läsbartKort(kortIAktiviteter(await bot.fraga(fraga, ALEX)));
      assert.match(text, /Månadsrapport: Åsby kommun/, fraga);
      const s = siffrorFor(bot.store.register, 'kommun', '2025-11')!;
      for (const namn of ['Socialnämnden', 'Servicenämnden', 'Bildningsnämnden', 'Myndighetsnämnden'])
        assert.match(text, new RegExp(`^${namn}\\n\\d`, 'm'), fraga);
      assert.ok(text.includes(`Summa\n${formatTal(s.budget_ack)}\n${formatTal(s.utfall_ack)}`.replace(/\u00a0/g, ' ')), fraga);
    }
  });

  it('"rapport till nämnden november": den som frågar får sin nämnd; den som ingen enhet har får välja', async () => {
    const megan = synligText(meddelanden(await bot.fraga('rapport till nämnden november', MEGAN))[0]);
    assert.match(megan, /Månadsrapport: Socialnämnden/, 'Megan is chef for IFO, under Socialnämnden');
    const okand = meddelanden(await bot.fraga('rapport till nämnden november', OKAND))[0];
    assert.match(synligText(okand), /Vilken nämnd gäller rapporten\?/);
    const val = knappar(okand.attachments![0].content).map((k) => k.data.enhet);
    assert.deepEqual(val, ['sn', 'sen', 'bn', 'mn']);
    // The choice asks again with the unit forced.
    const vald = await bot.kanal.tryck({ verb: 'fraga', fraga: 'rapport till nämnden november', enhet: 'bn' }, OKAND);
    assert.match(synligText(meddelanden(vald)[0]), /Månadsrapport: Bildningsnämnden/);
  });

  it('långa kommentarer och många rättelser: kortet håller sig under Teams gräns och hänvisar till filerna, som har allt', async () => {
    const blad = [...bot.store.register.underliggande('sn')].filter((e) => bot.store.register.barnTill(e.id).length === 0);
    assert.equal(blad.length, 11);
    for (const [i, e] of blad.entries())
      await korrigera(bot.store, e.id, '2025-11', {
        kommentar: `${e.namn}: ${'Lång förklaring av avvikelsen. '.repeat(60)}slut ${i}`.slice(0, 2000),
      });
    const kort = kortIAktiviteter(await bot.fraga('månadsrapport för socialnämnden', ALEX));
    const text = läsbartKort(kort);
    assert.match(text, /… och 4 till i Excel- och Word-filen\./, 'Vård och stöd has 7 comments, the card shows 3');
    assert.match(text, /… och 3 till i Excel- och Word-filen\./, 'the 11 corrections, of which the card shows 8');
    assert.doesNotMatch(text, /slut \d/, 'a long comment is cut in the card');
    const vy = manadsrapport(bot.store.register, 'sn', '2025-11', new Date())!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await skrivRapportfil(vy, 'xlsx')).bytes as unknown as ArrayBuffer);
    const celler: string[] = [];
    wb.getWorksheet(BLAD.tabell)!.eachRow((r) => r.eachCell((c) => void (typeof c.value === 'string' && celler.push(c.value))));
    for (let i = 0; i < blad.length; i++)
      assert.ok(
        celler.some((c) => c.includes(`slut ${i}`)),
        `the workbook has comment ${i} in full`,
      );
    assert.equal(celler.filter((c) => c.startsWith('Rättat: ')).length, 11);
  });

  it('en månad utan siffror sägs, och en okänd enhet', async () => {
    assert.match(
      (await bot.svar('månadsrapport för IFO mars 2023', ALEX)).text,
      /Det finns inga siffror för Individ- och familjeomsorg t\.o\.m\. mars 2023/,
    );
    assert.match((await bot.svar('månadsrapport för simhallen', ALEX)).text, /simhallen finns inte i uppföljningen/i);
  });

  it('Excel i personlig chatt: samtyckeskortet, godkänt laddas arbetsboken upp till uploadUrl och filkortet visas', async () => {
    const server = await mottagare();
    try {
      const knapp = knappar(kortIAktiviteter(await bot.fraga('månadsrapport för socialnämnden', ALEX)))[0];
      const erbjudande = samtyckeskort(await bot.kanal.tryck(knapp.data, ALEX));
      assert.equal(erbjudande.namn, 'Månadsrapport Socialnämnden 2025-11.xlsx');
      assert.deepEqual(erbjudande.acceptContext, { enhet: 'sn', period: '2025-11', format: 'xlsx' });
      assert.equal(server.mottagna.length, 0, 'nothing is uploaded before the user agrees');

      const svar = await samtycke(bot, 'accept', erbjudande.acceptContext, server.adress());
      assert.equal(invokeStatus(svar), 200);
      assert.equal(server.mottagna.length, 1);
      const put = server.mottagna[0];
      assert.equal(put.method, 'PUT');
      assert.equal(put.url, '/upload/sn.xlsx');
      assert.equal(put.headers['content-range'], `bytes 0-${put.body.length - 1}/${put.body.length}`);
      assert.equal(Number(put.headers['content-length']), put.body.length);

      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(put.body as unknown as ArrayBuffer);
      const ws = wb.getWorksheet(BLAD.tabell)!;
      let summa: ExcelJS.Row | undefined;
      ws.eachRow((r) => {
        if (r.getCell(1).value === 'Summa Socialnämnden') summa = r;
      });
      assert.ok(summa, 'the uploaded workbook has the sum row');
      const s = siffrorFor(bot.store.register, 'sn', '2025-11')!;
      assert.equal(summa.getCell(2).value, s.budget_ack);
      assert.equal(summa.getCell(3).value, s.utfall_ack);

      const [info] = meddelanden(svar);
      const bilaga = info.attachments?.[0];
      assert.equal(bilaga?.contentType, FILINFO);
      assert.equal(bilaga?.name, 'Månadsrapport Socialnämnden 2025-11.xlsx');
      assert.match(bilaga?.contentUrl ?? '', /^https:\/\/contoso-my\.sharepoint\.com\//);
      assert.deepEqual(bilaga?.content, { uniqueId: '1a1e0c5e-5b2f-4d1a-9e1b-000000000001', fileType: 'xlsx' });
    } finally {
      await server.stang();
    }
  });

  it('Word: samtyckeskortet för .docx, och det uppladdade dokumentet är ett Word-dokument', async () => {
    const server = await mottagare();
    try {
      const erbjudande = samtyckeskort(
        await bot.kanal.tryck({ verb: 'manadsrapport_fil', enhet: 'kommun', period: '2025-11', format: 'docx' }, ALEX),
      );
      assert.equal(erbjudande.namn, 'Månadsrapport Åsby kommun 2025-11.docx');
      const svar = await samtycke(bot, 'accept', erbjudande.acceptContext, server.adress('/upload/k.docx'));
      assert.equal(invokeStatus(svar), 200);
      assert.equal(server.mottagna.length, 1);
      assert.equal(server.mottagna[0].body.subarray(0, 2).toString(), 'PK', 'a zip container');
      assert.ok(server.mottagna[0].body.includes(Buffer.from('word/document.xml')), 'with a Word document inside');
      assert.equal(meddelanden(svar)[0].attachments?.[0].contentType, FILINFO);
    } finally {
      await server.stang();
    }
  });

  it('nekat: boten säger det och laddar inte upp något', async () => {
    const server = await mottagare();
    try {
      const erbjudande = samtyckeskort(
        await bot.kanal.tryck({ verb: 'manadsrapport_fil', enhet: 'sn', period: '2025-11', format: 'xlsx' }, ALEX),
      );
      const svar = await samtycke(bot, 'decline', erbjudande.declineContext, server.adress());
      assert.equal(invokeStatus(svar), 200);
      assert.equal(server.mottagna.length, 0);
      const [m] = meddelanden(svar);
      assert.equal(m.attachments, undefined);
      assert.match(m.text ?? '', /^Okej, jag laddar inte upp Excel-filen med månadsrapporten för Socialnämnden t\.o\.m\. november 2025\./);
    } finally {
      await server.stang();
    }
  });

  for (const typ of ['channel', 'groupChat'] as const)
    it(`i ${typ === 'channel' ? 'en kanal' : 'en gruppchatt'}: kortet utan filknappar och med besked om personlig chatt; en gammal filknapp får samma besked`, async () => {
      const svar = await bot.kanal.skicka(
        { type: 'message', text: 'månadsrapport för socialnämnden', ...kanalen(ALEX.anvandare, typ) },
        ALEX,
      );
      const kort = kortIAktiviteter(svar);
      assert.deepEqual(knappar(kort), [], 'no buttons that cannot deliver here');
      const text = läsbartKort(kort);
      assert.match(text, /^Summa\n259 458\n277 253,6$/m);
      assert.match(text, /Filerna skickar jag bara i personlig chatt: be mig där om "månadsrapport för Socialnämnden"/);
      const knapp = await bot.kanal.skicka(
        {
          type: 'message',
          value: { verb: 'manadsrapport_fil', enhet: 'sn', period: '2025-11', format: 'xlsx' },
          ...kanalen(ALEX.anvandare, typ),
        },
        ALEX,
      );
      const [m] = meddelanden(knapp);
      assert.equal(m.attachments, undefined, 'no consent card outside personal chat');
      assert.match(m.text ?? '', /Filer kan jag bara skicka i personlig chatt/);
    });

  it('en uppladdningsadress som inte är Teams vägras, och inget skickas dit', async () => {
    const server = await mottagare();
    try {
      const kontext = { enhet: 'sn', period: '2025-11', format: 'xlsx' };
      for (const [adress, orsak] of [
        ['https://evil.example.com/upload', /evil\.example\.com är inte en av Teams, SharePoints eller OneDrives adresser/],
        ['https://contoso.sharepoint.com.evil.example/upload', /inte en av Teams/],
        ['http://contoso-my.sharepoint.com/upload', /inte krypterad/],
        ['https://user:pw@contoso-my.sharepoint.com/upload', /inloggningsuppgifter/],
        ['inte en adress', /går inte att läsa/],
      ] as const) {
        const svar = await samtycke(bot, 'accept', kontext, adress);
        assert.equal(invokeStatus(svar), 200);
        const text = meddelanden(svar)[0].text ?? '';
        assert.match(text, /^Jag laddade inte upp filen: /, adress);
        assert.match(text, orsak, adress);
      }
      // With a bot registration (not the local mode), this machine is no upload target either.
      const registrerad = await testbot({ botAppId: '00000000-0000-0000-0000-00000000b07' });
      const svar = await samtycke(registrerad, 'accept', kontext, server.adress());
      assert.match(meddelanden(svar)[0].text ?? '', /127\.0\.0\.1 är den här datorn, som bara tar emot filer i lokalt läge/);
      assert.equal(server.mottagna.length, 0);
    } finally {
      await server.stang();
    }
  });

  it('en omdirigering följs inte, ett fel och en tidsgräns sägs, och ett förfalskat sammanhang laddar inget', async () => {
    const annan = await mottagare();
    const server = await mottagare((m) =>
      m.url.startsWith('/flytta')
        ? { status: 307, headers: { location: annan.adress('/stulen') } }
        : m.url.startsWith('/tyst')
          ? 'tyst'
          : { status: 500 },
    );
    try {
      const kontext = { enhet: 'sn', period: '2025-11', format: 'xlsx' };
      const flytt = await samtycke(bot, 'accept', kontext, server.adress('/flytta'));
      assert.match(
        meddelanden(flytt)[0].text ?? '',
        /Uppladdningen av Månadsrapport Socialnämnden 2025-11\.xlsx misslyckades \(kunde inte nå OneDrive\)/,
      );
      assert.equal(annan.mottagna.length, 0, 'the redirect was not followed');
      const fel = await samtycke(bot, 'accept', kontext, server.adress('/fel'));
      assert.match(meddelanden(fel)[0].text ?? '', /misslyckades \(OneDrive svarade 500\)/);
      const snabb = await testbot({ uppladdningMs: 300 });
      const tyst = await samtycke(snabb, 'accept', kontext, server.adress('/tyst'));
      assert.match(meddelanden(tyst)[0].text ?? '', /misslyckades \(det tog mer än 0,3 sekunder\)/);
      const forfalskat = await samtycke(bot, 'accept', { enhet: 'sn', period: 'nu', format: 'exe' }, server.adress('/ok'));
      assert.match(meddelanden(forfalskat)[0].text ?? '', /Jag vet inte längre vilken rapport du godkände/);
      assert.ok(!server.mottagna.some((m) => m.url === '/ok'));
    } finally {
      await server.stang();
      await annan.stang();
    }
  });
});
