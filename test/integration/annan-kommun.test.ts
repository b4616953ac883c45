import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { läsImportmapp } from '../../src/store/import.js';
import { importera } from '../../src/usecases/import.js';
import { Store } from '../../src/store/store.js';
import { synligText, testbot } from '../support/testbot.js';

/** Another municipality's data, imported through the CLI contract: nothing of the demo organisation is assumed. */
describe('integration: en annan kommun (Norrby) genom samma import och samma bot', () => {
  let fraga: (text: string) => Promise<string>;
  before(async () => {
    const klocka = () => new Date('2026-04-10T12:00:00Z');
    const store = await Store.oppna(join(mkdtempSync(join(tmpdir(), 'bk-norrby-')), 'store.json'), klocka);
    await importera(store, läsImportmapp(join(process.cwd(), 'test', 'fixtures', 'norrby')));
    const kanal = (await testbot({ store, klocka })).kanal;
    fraga = async (text) => (await kanal.fraga(text, { anvandare: 'aad-norrby-2' })).map(synligText).join('\n');
  });

  it('en nämnd på sitt alias, summerad från enheterna', async () => {
    const t = await fraga('hur ligger VON mot budget?');
    assert.match(t, /Vård- och omsorgsnämnden t\.o\.m\. mars 2026/);
    assert.match(t, /Utfall 55 200,5 tkr mot budget 54 000 tkr: underskott 1 200,5 tkr \(102,2 % av budget\)/);
  });

  it('två enheter med samma början ger en fråga om vilken, inte en gissning', async () => {
    const t = await fraga('hur ligger hemtjänsten?');
    assert.match(t, /Vilken menar du\?/);
    assert.match(t, /Hemtjänst Norr/);
    assert.match(t, /Hemtjänst Söder/);
    assert.doesNotMatch(t, /tkr/);
  });

  it('hela namnet avgör, och en generisk synonym hittar kommunens egen benämning', async () => {
    assert.match(await fraga('hur ligger hemtjänst norr'), /Hemtjänst Norr t\.o\.m\. mars 2026.*underskott 1 200 tkr/s);
    assert.match(await fraga('äldreboendena mot budget'), /Vård- och omsorgsboenden t\.o\.m\. mars 2026/);
    assert.match(await fraga('gymnasiet'), /Gymnasium t\.o\.m\. mars 2026.*överskott 600 tkr/s);
  });

  it('"förra månaden" följer klockan och datan, och vi = användarens enhet', async () => {
    assert.match(await fraga('hur låg gata och park förra månaden'), /Gata och park t\.o\.m\. mars 2026/);
    assert.match(await fraga('hur ligger vi?'), /Hemtjänst Norr t\.o\.m\. mars 2026/);
  });

  it('rangordning över verksamheter tar med enheter i grenar som saknar verksamhetsnivå', async () => {
    const t = await fraga('vilka verksamheter har störst underskott?');
    assert.match(t, /1\. Hemtjänst Norr.*\n2\. Grundskola.*\n3\. Gata och park/);
  });

  it('det som saknas sägs ärligt', async () => {
    assert.match(await fraga('visa åtgärderna för tekniska nämnden'), /Det finns ingen åtgärdsplan för Tekniska nämnden/);
    assert.match(await fraga('sjukfrånvaro hemtjänst norr'), /Sjukfrånvaro finns inte i uppföljningen för Hemtjänst Norr/);
    assert.match(await fraga('hur ligger VON t.o.m. december 2025'), /inga siffror för Vård- och omsorgsnämnden t\.o\.m\. december 2025/);
  });
});

describe('integration: en månad där bara några enheter har rapporterat', () => {
  let fraga: (text: string) => Promise<string>;
  before(async () => {
    const klocka = () => new Date('2026-05-05T12:00:00Z');
    const store = await Store.oppna(join(mkdtempSync(join(tmpdir(), 'bk-norrby-')), 'store.json'), klocka);
    const filer = läsImportmapp(join(process.cwd(), 'test', 'fixtures', 'norrby'));
    filer['utfall.csv'] = Buffer.concat([filer['utfall.csv']!, Buffer.from('HTN;2026-04;20000;21500;60000;64500;\n')]);
    await importera(store, filer);
    const kanal = (await testbot({ store, klocka })).kanal;
    fraga = async (text) => (await kanal.fraga(text, { anvandare: 'aad-norrby-2' })).map(synligText).join('\n');
  });

  it('utan period gäller senaste kompletta månaden, och svaret säger varför', async () => {
    const t = await fraga('hur ligger VON?');
    assert.match(t, /För april 2026 har bara 1 av 3 enheter rapporterat ännu, så svaret gäller mars 2026/);
    assert.match(t, /Vård- och omsorgsnämnden t\.o\.m\. mars 2026/);
  });

  // issue 14.2: a month not all have reported is never shown as the nämnd's total
  it('den som frågar om april får veta att april inte är komplett, senaste kompletta månaden och det som rapporterats', async () => {
    const t = await fraga('hur ligger VON i april?');
    assert.match(t, /^Vård- och omsorgsnämnden, april 2026: bara 1 av 3 enheter har rapporterat/);
    assert.doesNotMatch(t, /Vård- och omsorgsnämnden t\.o\.m\. april 2026/);
    assert.match(t, /Senaste kompletta månad är mars 2026 \(3 av 3\): utfall 55 200,5 tkr mot budget 54 000 tkr, underskott 1 200,5 tkr/);
    assert.match(t, /- Hemtjänst Norr: utfall 21 500 tkr mot budget 20 000 tkr, underskott 1 500 tkr/);
  });

  it('en enhet som själv har rapporterat visar sin senaste månad', async () => {
    assert.match(await fraga('hur ligger hemtjänst norr?'), /Hemtjänst Norr t\.o\.m\. april 2026/);
  });
});
