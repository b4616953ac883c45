import assert from 'node:assert/strict';
import { behorigaFor, fårRapportera, nekande, rapporteringsenheter } from '../../src/domain/behorighet.js';
import type { Store } from '../../src/store/store.js';
import { demoStore } from '../support/demo.js';
import { ADELE, ALEX, ISAIAH, MEGAN } from '../support/testbot.js';

describe('rapportering: behörighet på ett ställe', () => {
  let store: Store;
  before(async () => {
    store = await demoStore();
  });
  const vem = (id: string) => store.register.anvandare.get(id);

  it('controllern får rapportera för sina enheter och allt under dem, inget annat', () => {
    const reg = store.register;
    for (const id of ['sn', 'ifo', 'bou', 'hemtjanst', 'vos']) assert.ok(fårRapportera(vem(ALEX.anvandare), id, reg), id);
    for (const id of ['bn', 'sen', 'kommun', 'grundskola']) assert.ok(!fårRapportera(vem(ALEX.anvandare), id, reg), id);
    assert.ok(fårRapportera(vem(ISAIAH.anvandare), 'grundskola', reg));
    assert.ok(!fårRapportera(vem(ISAIAH.anvandare), 'ifo', reg));
  });

  it('admin får allt, chef och okänd användare ingenting', () => {
    const reg = store.register;
    assert.ok(fårRapportera(vem(ADELE.anvandare), 'grundskola', reg));
    assert.ok(fårRapportera(vem(ADELE.anvandare), 'kommun', reg));
    assert.ok(!fårRapportera(vem(MEGAN.anvandare), 'ifo', reg));
    assert.ok(!fårRapportera(undefined, 'ifo', reg));
    assert.ok(!fårRapportera(vem(ADELE.anvandare), 'finns-inte', reg));
    assert.equal(nekande(vem(MEGAN.anvandare), 'ifo', reg), 'fel_roll');
    assert.equal(nekande(undefined, 'ifo', reg), 'okand_anvandare');
    assert.equal(nekande(vem(ISAIAH.anvandare), 'ifo', reg), 'utanfor');
    assert.equal(nekande(vem(ALEX.anvandare), 'ifo', reg), null);
  });

  it('vem som kan: enhetens controllers först, sedan administratörerna', () => {
    assert.deepEqual(
      behorigaFor('ifo', store.register).map((a) => a.namn),
      ['Alex Wilber', 'Adele Vance'],
    );
    assert.deepEqual(
      behorigaFor('grundskola', store.register).map((a) => a.namn),
      ['Isaiah Langer', 'Adele Vance'],
    );
  });

  it('valbara enheter: egna enheter och de under dem som rapporterar egna rader; en summerad enhet bara när den efterfrågas', () => {
    const reg = store.register;
    const alex = rapporteringsenheter(vem(ALEX.anvandare), reg).map((e) => e.id);
    assert.equal(alex[0], 'sn');
    for (const id of ['hemtjanst', 'bou', 'ekbistand', 'persass']) assert.ok(alex.includes(id), id);
    for (const id of ['ifo', 'vos', 'ao', 'bn', 'grundskola']) assert.ok(!alex.includes(id), id);
    assert.ok(rapporteringsenheter(vem(ALEX.anvandare), reg, ['ifo']).some((e) => e.id === 'ifo'));
    assert.ok(!rapporteringsenheter(vem(ALEX.anvandare), reg, ['bn']).some((e) => e.id === 'bn'));
    assert.deepEqual(rapporteringsenheter(vem(MEGAN.anvandare), reg), []);
    assert.deepEqual(rapporteringsenheter(undefined, reg), []);
    assert.ok(rapporteringsenheter(vem(ADELE.anvandare), reg).some((e) => e.id === 'grundskola'));
  });
});
