import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';
import { importeraCli } from '../support/cli.js';
import { DEMO, vantadeSiffror } from '../support/demo.js';
import { siffrorFor } from '../../src/domain/siffror.js';

function kopiaAvDemo(): string {
  const mapp = mkdtempSync(join(tmpdir(), 'bk-import-'));
  cpSync(DEMO, mapp, { recursive: true });
  return mapp;
}

function andraFil(mapp: string, fil: string, andra: (rader: string[]) => string[]): void {
  const sokvag = join(mapp, fil);
  writeFileSync(sokvag, `${andra(readFileSync(sokvag, 'utf-8').trimEnd().split('\n')).join('\n')}\n`);
}

describe('import: npm run import -- <mapp> [--store F]', function () {
  this.timeout(60000);
  let store: string;
  let original: Buffer;

  before(() => {
    store = join(mkdtempSync(join(tmpdir(), 'bk-store-')), 'store.json');
    const r = importeraCli(DEMO, store);
    assert.equal(r.kod, 0, r.fel);
    assert.match(r.ut, /Importerat till .*enheter 32, utfall 483/);
    original = readFileSync(store);
  });

  it('läser demomappen in i lagringen med rätt siffror', async () => {
    const s = await Store.oppna(store);
    const ifo = siffrorFor(s.register, 'ifo', '2025-11')!;
    const vantat = vantadeSiffror('ifo', '2025-11');
    assert.equal(ifo.budget_ack, vantat.budget);
    assert.equal(ifo.utfall_ack, vantat.utfall);
    assert.equal(s.register.anvandare.size, 4);
    assert.equal((await s.granskningslogg()).filter((h) => h.typ === 'utfall').length, 483, 'varje rad granskas');
  });

  it('samma import igen ändrar ingenting, inte en byte', () => {
    const r = importeraCli(DEMO, store);
    assert.equal(r.kod, 0, r.fel);
    assert.match(r.ut, /Inget nytt att importera/);
    assert.ok(readFileSync(store).equals(original));
  });

  const dalig: Array<[string, string, (rader: string[]) => string[], RegExp]> = [
    ['okänd enhet', 'utfall.csv', (r) => [...r, 'simhallen;2025-11;100;90;120;110;;syntetisk'], /utfall\.csv:485: okänd enhet "simhallen"/],
    [
      'ogiltig period',
      'utfall.csv',
      (r) => [...r, 'ifo;2025-13;100;90;120;110;;syntetisk'],
      /utfall\.csv:485: period "2025-13" ska skrivas ÅÅÅÅ-MM/,
    ],
    [
      'belopp som inte är tal',
      'utfall.csv',
      (r) => [r[0], r[1].replace(/;(\d+);/, ';abc;'), ...r.slice(2)],
      /utfall\.csv:2: budget_ack: "abc" är inte ett tal/,
    ],
    ['dubblett av nyckeln', 'utfall.csv', (r) => [...r, r[5]], /utfall\.csv:485: \w+ \d{4}-\d\d finns redan på rad 6/],
    [
      'saknad kolumn',
      'utfall.csv',
      (r) =>
        r.map((rad) =>
          rad
            .split(';')
            .filter((_, i) => i !== 3)
            .join(';'),
        ),
      /utfall\.csv:1: kolumnen "utfall_ack" saknas/,
    ],
    ['fel antal kolumner', 'enheter.csv', (r) => [...r, 'x;X;enhet'], /enheter\.csv:34: raden har 3 kolumner men rubrikraden har 5/],
    ['okänd enhetstyp', 'enheter.csv', (r) => [...r, 'x;X;avdelning;sn;'], /enheter\.csv:34: typ "avdelning" ska vara en av/],
    ['förälder som saknas', 'enheter.csv', (r) => [...r, 'x;X;enhet;finnsinte;'], /enheter\.csv:34: föräldern "finnsinte" finns inte/],
    [
      'okänd åtgärdsstatus',
      'atgarder.csv',
      (r) => [r[0], r[1].replace(/;(pågår|försenad|genomförd|ej påbörjad);/, ';klar;'), ...r.slice(2)],
      /atgarder\.csv:2: status "klar" ska vara en av/,
    ],
    ['okänd roll', 'anvandare.csv', (r) => [...r, 'ny;Ny Person;kung;sn'], /anvandare\.csv:6: roll "kung"/],
    ['fil som inte är UTF-8', 'nyckeltal.csv', (r) => r, /nyckeltal\.csv:1: filen är inte UTF-8/],
  ];
  for (const [namn, fil, andra, fel] of dalig) {
    it(`${namn}: avbryter med fil:rad: orsak, kod 1, lagringen orörd`, () => {
      const mapp = kopiaAvDemo();
      if (namn === 'fil som inte är UTF-8')
        writeFileSync(join(mapp, fil), Buffer.from('enhet;period;nyckeltal;varde;mal\nvos;2025-10;sjukfr\xe5nvaro;6,52;7\n', 'latin1'));
      else andraFil(mapp, fil, andra);
      // a change the bad file must not let through
      andraFil(mapp, 'utfall.csv', (r) =>
        fil === 'utfall.csv' ? r : [...r.slice(0, -1), r[r.length - 1].replace(/;(\d+);(\d)/, ';$1;9$2')],
      );
      const r = importeraCli(mapp, store);
      assert.equal(r.kod, 1, r.ut);
      assert.match(r.fel, /Importen avbröts; inget har sparats/);
      assert.match(r.fel, fel);
      assert.ok(readFileSync(store).equals(original), 'lagringen ändrades');
      assert.ok(!existsSync(`${store}.journal`) || readFileSync(`${store}.journal`).length === 0);
    });
  }

  it('en ändrad rad blir en ny version och granskas med före och efter', async () => {
    const mapp = kopiaAvDemo();
    andraFil(mapp, 'utfall.csv', (r) =>
      r.map((rad) => (rad.startsWith('bou;2025-11;') ? rad.replace(/^(bou;2025-11;\d+;)[\d,]+/, '$128000') : rad)),
    );
    const kopia = join(mkdtempSync(join(tmpdir(), 'bk-store-')), 'store.json');
    writeFileSync(kopia, original);
    // the snapshot and its audit log belong together (docs/deploy.md)
    writeFileSync(`${kopia}.granskningslogg`, readFileSync(`${store}.granskningslogg`));
    const r = importeraCli(mapp, kopia);
    assert.equal(r.kod, 0, r.fel);
    assert.match(r.ut, /utfall 1\b/);
    const s = await Store.oppna(kopia);
    const v = s.register.versionerFor('bou', '2025-11');
    assert.equal(v.length, 2);
    assert.equal(v[1].utfall_ack, 28000);
    const h = (await s.granskningslogg()).at(-1)!;
    assert.equal(h.nyckel, 'bou|2025-11|v2');
    assert.equal((h.efter as { utfall_ack: number }).utfall_ack, 28000);
  });
});
