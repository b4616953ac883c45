import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Utfall } from '../../src/domain/schema.js';
import { Lagringsfel } from '../../src/store/fel.js';
import { type Fillagring, Store } from '../../src/store/store.js';

const klocka = () => new Date('2025-12-02T09:30:00Z');
const ny = () => join(mkdtempSync(join(tmpdir(), 'bk-store-')), 'under', 'mapp', 'store.json');

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

async function medEnhet(fil: string): Promise<Fillagring> {
  const s = await Store.oppna(fil, klocka);
  await s.ändra({ vem: 'admin', kalla: 'import' }, (tx) => {
    tx.sätt('enheter', { id: 'k', namn: 'Kommunen', typ: 'kommun', foralder: null, alias: [] });
    tx.sätt('enheter', { id: 'ifo', namn: 'IFO', typ: 'verksamhetsområde', foralder: 'k', alias: [] });
  });
  return s;
}

describe('lagring: lowdb-ögonblicksbild plus journal', () => {
  it('skapar mappar som saknas och är beständig innan ändringen kvitteras', async () => {
    const fil = ny();
    const s = await medEnhet(fil);
    await s.ändra({ vem: 'u1', kalla: 'kort' }, (tx) => tx.lagg('utfall', utfall(1, 120)));
    const igen = await Store.oppna(fil, klocka);
    assert.equal(igen.register.senasteVersion('ifo', '2025-11')?.utfall_ack, 120);
  });

  it('granskningsloggen säger vem, när, före och efter', async () => {
    const s = await medEnhet(ny());
    await s.ändra({ vem: 'admin', kalla: 'chatt' }, (tx) =>
      tx.sätt('enheter', { id: 'ifo', namn: 'Individ- och familjeomsorg', typ: 'verksamhetsområde', foralder: 'k', alias: ['IFO'] }),
    );
    const h = (await s.granskningslogg()).at(-1)!;
    assert.equal(h.vem, 'admin');
    assert.equal(h.kalla, 'chatt');
    assert.equal(h.tid, '2025-12-02T09:30:00.000Z');
    assert.equal((h.fore as { namn: string }).namn, 'IFO');
    assert.equal((h.efter as { namn: string }).namn, 'Individ- och familjeomsorg');
  });

  it('ett fel mitt i en ändring ångrar allt och skriver inget', async () => {
    const fil = ny();
    const s = await medEnhet(fil);
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
    const igen = await Store.oppna(fil, klocka);
    assert.equal(JSON.stringify(igen.dokument), fore);
  });

  it('ändringar körs en i taget, i tur och ordning', async () => {
    const s = await medEnhet(ny());
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        s.ändra({ vem: 'u1', kalla: 'kort' }, (tx) => {
          const v = (tx.register.senasteVersion('ifo', '2025-11')?.version ?? 0) + 1;
          tx.lagg('utfall', utfall(v, 100 + i));
        }),
      ),
    );
    assert.deepEqual(
      s.register.versionerFor('ifo', '2025-11').map((u) => u.version),
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
  });

  it('en trasig sista journalrad (processen dödad mitt i) ignoreras; allt kvitterat finns kvar', async () => {
    const fil = ny();
    const s = await medEnhet(fil);
    await s.ändra({ vem: 'u1', kalla: 'kort' }, (tx) => tx.lagg('utfall', utfall(1, 120)));
    appendFileSync(`${fil}.journal`, '{"sekvens":99,"ops":[{"op":"lagg","samling":"utf');
    const igen = await Store.oppna(fil, klocka);
    assert.equal(igen.register.senasteVersion('ifo', '2025-11')?.utfall_ack, 120);
    assert.equal(readFileSync(`${fil}.journal`, 'utf-8'), '', 'journalen komprimeras vid start');
  });

  it('en skadad fil stoppar starten med ett tydligt meddelande och skrivs aldrig över', async () => {
    const fil = ny();
    await medEnhet(fil);
    writeFileSync(fil, '{"sekvens":1,"dokument":{"schemaversion":1,"enh');
    const innehall = readFileSync(fil);
    await assert.rejects(
      Store.oppna(fil),
      (e: unknown) => e instanceof Lagringsfel && /är skadad \(ogiltig JSON/.test(e.message) && /har inte ändrats/.test(e.message),
    );
    assert.ok(readFileSync(fil).equals(innehall));
  });

  it('ett dokument som inte klarar valideringen stoppar starten', async () => {
    const fil = ny();
    await (await medEnhet(fil)).komprimera();
    const dok = JSON.parse(readFileSync(fil, 'utf-8'));
    dok.dokument.enheter[0].typ = 'rike';
    writeFileSync(fil, JSON.stringify(dok));
    await assert.rejects(Store.oppna(fil), /klarar inte valideringen: enheter\.0\.typ/);
  });

  it('en nyare schemaversion vägras', async () => {
    const fil = ny();
    await (await medEnhet(fil)).komprimera();
    const dok = JSON.parse(readFileSync(fil, 'utf-8'));
    dok.dokument.schemaversion = 99;
    writeFileSync(fil, JSON.stringify(dok));
    await assert.rejects(Store.oppna(fil), /schemaversion 99.*Uppgradera Budgetkollen/);
  });
});
