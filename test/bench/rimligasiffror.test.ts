import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importeradLagring, rimligaSiffror, skapaOrganisation } from '../../bench/organisation.js';
import { manad } from '../../src/domain/period.js';
import { rimlighetsvarningar } from '../../src/domain/rimlighet.js';

// The bench measures saving figures; figures the product would question instead of saving measure the question.
describe('bänkens inlämningar', () => {
  const klocka = () => new Date('2025-12-10T12:00:00Z');
  let tmp: string;
  before(() => {
    tmp = mkdtempSync(join(tmpdir(), 'bk-rimliga-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('skickar siffror som rimlighetskontrollen släpper igenom, för varje enhet och månad november–december', async () => {
    const org = skapaOrganisation({ enheter: 60, manader: 24, atgarder: 20, sista: '2025-11', seed: 5 });
    const { store } = await importeradLagring(org, join(tmp, 'org'), klocka);
    let provade = 0;
    for (const enhet of org.enheter) {
      const fore = org.senaste.get(`${enhet.id}|2025-11`);
      if (!fore) continue;
      for (const avvikelse of [-0.06, 0, 0.06]) {
        const s = rimligaSiffror(fore, manad('2025-12'), avvikelse, 0.02);
        const varningar = rimlighetsvarningar({ enhet: enhet.id, period: '2025-12', ...s }, store.register);
        assert.deepEqual(
          varningar.map((v) => v.text),
          [],
          `${enhet.id} december ${JSON.stringify(s)}`,
        );
        provade++;
      }
    }
    assert.ok(provade >= 60, `bara ${provade} prov`);
  });

  it('börjar ett nytt år från noll i januari', () => {
    const s = rimligaSiffror({ budget_ack: 1100, utfall_ack: 1200, budget_helar: 1200, prognos_helar: 1250 }, 1, 0, 0);
    assert.deepEqual(s, { budget_ack: 100, utfall_ack: 100, budget_helar: 1200, prognos_helar: 1200 });
  });
});
