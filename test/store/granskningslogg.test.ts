// The embedded store's audit log beside the snapshot (src/store/granskningslogg.ts): complete, in order, never
// repeated, whatever point a compaction is killed at; and a store written before it (schema version 3) opens.
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sinon from 'sinon';
import { type Atgard, type Handelse, ATGARDSSTATUS, KATEGORIER, SCHEMAVERSION } from '../../src/domain/schema.js';
import { Lagringsfel } from '../../src/store/fel.js';
import { Journal } from '../../src/store/journal.js';
import { Snapshotfil } from '../../src/store/snapshotfil.js';
import { type Fillagring, Store } from '../../src/store/store.js';

const klocka = () => new Date('2025-12-02T09:30:00Z');
const ny = () => join(mkdtempSync(join(tmpdir(), 'bk-granskning-')), 'store.json');
const logg = (fil: string) => `${fil}.granskningslogg`;
const rader = (fil: string): Handelse[] =>
  existsSync(logg(fil))
    ? readFileSync(logg(fil), 'utf-8')
        .split('\n')
        .filter(Boolean)
        .map((r) => JSON.parse(r) as Handelse)
    : [];
const typer = (h: Handelse[]) => h.map((x) => `${x.typ}:${x.nyckel}`);

function atgard(version: number, status: Atgard['status']): Atgard {
  return {
    enhet: 'ifo',
    nr: 1,
    atgard: 'Färre placeringar',
    ansvarig: 'Alex',
    tidplan: '2026',
    uppfoljning: 'månadsvis',
    kategori: KATEGORIER[0],
    status,
    kommentar: null,
    plan: {},
    utfall: {},
    version,
    andrad: klocka().toISOString(),
    andrad_av: 'u1',
  };
}

/** A unit, a measure in two versions, a refused action and a processed card: the log's kinds, kept in memory or not. */
async function medHistorik(fil: string): Promise<Fillagring> {
  const s = await Store.oppna(fil, klocka);
  await s.ändra({ vem: 'admin', kalla: 'import' }, (tx) => {
    tx.sätt('enheter', { id: 'k', namn: 'Kommunen', typ: 'kommun', foralder: null, alias: [] });
    tx.sätt('enheter', { id: 'ifo', namn: 'IFO', typ: 'verksamhetsområde', foralder: 'k', alias: [] });
  });
  await s.ändra({ vem: 'u1', kalla: 'kort' }, (tx) => tx.sätt('atgarder', atgard(1, ATGARDSSTATUS[0])));
  await s.ändra({ vem: 'u2', kalla: 'chatt' }, (tx) =>
    tx.lagg('handelser', {
      tid: tx.nu.toISOString(),
      vem: 'u2',
      kalla: 'chatt',
      typ: 'nekad',
      nyckel: 'ifo|x',
      efter: { atgard: 'prenumerera' },
    }),
  );
  await s.ändra({ vem: 'u1', kalla: 'kort' }, (tx) => {
    tx.sätt('atgarder', atgard(2, ATGARDSSTATUS[1]));
    tx.lagg('mottagna', 'kort-1');
    tx.lagg('handelser', {
      tid: tx.nu.toISOString(),
      vem: 'u1',
      kalla: 'kort',
      typ: 'mottaget',
      nyckel: 'kort-1',
      efter: { samling: 'atgarder' },
    });
  });
  return s;
}

const VANTAT = ['enheter:k', 'enheter:ifo', 'atgarder:ifo|1', 'nekad:ifo|x', 'atgarder:ifo|1', 'mottaget:kort-1'];
const I_MINNET = ['atgarder:ifo|1', 'atgarder:ifo|1', 'mottaget:kort-1'];

describe('granskningsloggen bredvid lagringen', () => {
  afterEach(() => sinon.restore());

  it('hela loggen finns före och efter komprimering och efter en ny öppning; i minnet bara det svaren läser', async () => {
    const fil = ny();
    const s = await medHistorik(fil);
    assert.deepEqual(typer(await s.granskningslogg()), VANTAT, 'före komprimering: ur journalen');
    assert.deepEqual(typer(s.dokument.handelser), I_MINNET);
    assert.deepEqual(rader(fil), [], 'ingenting i loggfilen förrän vid komprimering');
    await s.komprimera();
    assert.deepEqual(typer(rader(fil)), VANTAT);
    assert.deepEqual(typer(await s.granskningslogg()), VANTAT);
    const snapshot = JSON.parse(readFileSync(fil, 'utf-8')) as { granskningslogg: number; dokument: { handelser: Handelse[] } };
    assert.equal(snapshot.granskningslogg, statSync(logg(fil)).size);
    assert.deepEqual(typer(snapshot.dokument.handelser), I_MINNET);
    await s.ändra({ vem: 'u3', kalla: 'chatt' }, (tx) =>
      tx.lagg('handelser', { tid: tx.nu.toISOString(), vem: 'u3', kalla: 'chatt', typ: 'nekad', nyckel: 'ifo|y' }),
    );
    const igen = await Store.oppna(fil, klocka);
    assert.deepEqual(typer(await igen.granskningslogg()), [...VANTAT, 'nekad:ifo|y']);
    assert.deepEqual(typer(rader(fil)), [...VANTAT, 'nekad:ifo|y'], 'journalen komprimerades vid start');
    assert.deepEqual(typer(igen.dokument.handelser), I_MINNET);
    assert.equal((await igen.granskningslogg())[3].vem, 'u2');
  });

  it('dödad efter att loggen skrivits men före ögonblicksbilden: händelserna skrivs om en gång, inga dubbletter', async () => {
    const fil = ny();
    const s = await medHistorik(fil);
    sinon.stub(Snapshotfil.prototype, 'write').rejects(new Error('dödad'));
    await assert.rejects(s.komprimera(), /dödad/);
    sinon.restore();
    assert.deepEqual(typer(rader(fil)), VANTAT, 'loggen hann skrivas');
    // the process is gone; the next one opens the old snapshot and the journal
    const igen = await Store.oppna(fil, klocka);
    assert.deepEqual(typer(await igen.granskningslogg()), VANTAT);
    assert.deepEqual(typer(rader(fil)), VANTAT);
    const tredje = await Store.oppna(fil, klocka);
    assert.deepEqual(typer(await tredje.granskningslogg()), VANTAT);
  });

  it('dödad efter ögonblicksbilden men innan journalen tömdes: journalens händelser läggs inte till igen', async () => {
    const fil = ny();
    const s = await medHistorik(fil);
    sinon.stub(Journal.prototype, 'tom').rejects(new Error('dödad'));
    await assert.rejects(s.komprimera(), /dödad/);
    sinon.restore();
    assert.ok(readFileSync(`${fil}.journal`, 'utf-8').length > 0, 'journalen finns kvar');
    const igen = await Store.oppna(fil, klocka);
    assert.deepEqual(typer(await igen.granskningslogg()), VANTAT);
    assert.deepEqual(typer(rader(fil)), VANTAT);
  });

  it('en riven svans i loggen (dödad mitt i en komprimering) kapas; ingenting kvitterat saknas', async () => {
    const fil = ny();
    const s = await medHistorik(fil);
    await s.komprimera();
    await s.ändra({ vem: 'u3', kalla: 'chatt' }, (tx) =>
      tx.lagg('handelser', { tid: tx.nu.toISOString(), vem: 'u3', kalla: 'chatt', typ: 'nekad', nyckel: 'ifo|y' }),
    );
    appendFileSync(logg(fil), '{"tid":"2025-12-02T09:30:00.000Z","vem":"u3","kalla":"ch');
    const igen = await Store.oppna(fil, klocka);
    assert.deepEqual(typer(await igen.granskningslogg()), [...VANTAT, 'nekad:ifo|y']);
    assert.deepEqual(typer(rader(fil)), [...VANTAT, 'nekad:ifo|y']);
    assert.ok(readFileSync(logg(fil), 'utf-8').endsWith('}\n'));
  });

  it('en logg som saknas eller är kortare än ögonblicksbilden säger stoppar starten, och ingenting skrivs', async () => {
    const fil = ny();
    await (await medHistorik(fil)).komprimera();
    const snapshot = readFileSync(fil);
    truncateSync(logg(fil), 10);
    await assert.rejects(
      Store.oppna(fil, klocka),
      (e: unknown) =>
        e instanceof Lagringsfel && /Granskningsloggen .* är kortare/.test(e.message) && /samma säkerhetskopia/.test(e.message),
    );
    rmSync(logg(fil));
    await assert.rejects(Store.oppna(fil, klocka), /Granskningsloggen .* saknas/);
    assert.ok(readFileSync(fil).equals(snapshot));
  });
});

describe('en lagring från före granskningsloggen (schemaversion 3)', () => {
  afterEach(() => sinon.restore());

  const SISTA: Handelse = { tid: klocka().toISOString(), vem: 'u3', kalla: 'chatt', typ: 'nekad', nyckel: 'ifo|y' };

  /** The store as version 3 wrote it: every audit event in the document, and one more change in its journal. */
  async function version3(fil: string): Promise<Handelse[]> {
    const s = await medHistorik(fil);
    const alla = await s.granskningslogg();
    writeFileSync(fil, JSON.stringify({ sekvens: 4, dokument: { ...s.dokument, schemaversion: 3, handelser: alla } }));
    rmSync(logg(fil), { force: true });
    writeFileSync(`${fil}.journal`, `${JSON.stringify({ sekvens: 5, ops: [{ op: 'lagg', samling: 'handelser', rad: SISTA }] })}\n`);
    return [...alla, SISTA];
  }

  it('öppnas: händelserna flyttas till loggen, dokumentet behåller bara det svaren läser, och inget går förlorat', async () => {
    const fil = ny();
    const alla = await version3(fil);
    const s = await Store.oppna(fil, klocka);
    assert.equal(s.dokument.schemaversion, SCHEMAVERSION);
    assert.deepEqual(await s.granskningslogg(), alla);
    assert.deepEqual(typer(rader(fil)), [...VANTAT, 'nekad:ifo|y']);
    assert.deepEqual(typer(s.dokument.handelser), I_MINNET);
    const skriven = JSON.parse(readFileSync(fil, 'utf-8')) as { dokument: { schemaversion: number; handelser: Handelse[] } };
    assert.equal(skriven.dokument.schemaversion, SCHEMAVERSION, 'skrivs om som den nuvarande versionen vid start');
    assert.deepEqual(typer(skriven.dokument.handelser), I_MINNET);
    assert.equal(s.register.atgarder('ifo')[0].version, 2);
    const igen = await Store.oppna(fil, klocka);
    assert.deepEqual(await igen.granskningslogg(), alla);
  });

  it('dödad mitt i uppgraderingen (loggen skriven, ögonblicksbilden inte): nästa start gör om den, utan dubbletter', async () => {
    const fil = ny();
    const alla = await version3(fil);
    const fore = readFileSync(fil);
    sinon.stub(Snapshotfil.prototype, 'write').rejects(new Error('dödad'));
    await assert.rejects(Store.oppna(fil, klocka), /dödad/);
    sinon.restore();
    assert.ok(readFileSync(fil).equals(fore), 'version 3-filen är orörd');
    assert.deepEqual(typer(rader(fil)), [...VANTAT, 'nekad:ifo|y'], 'loggen hann skrivas');
    const s = await Store.oppna(fil, klocka);
    assert.deepEqual(await s.granskningslogg(), alla);
    assert.deepEqual(typer(rader(fil)), [...VANTAT, 'nekad:ifo|y']);
  });
});
