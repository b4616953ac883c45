// Issue 12.5: a torn journal fragment must not swallow acknowledged writes. A process killed while it appended its
// line (kill -9 of an import) leaves a fragment without a newline. It was dropped on load but never cut, so the next
// acknowledged write went onto the same line: after a restart that write was gone, and later the store refused to start.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../src/store/store.js';

const RIVET = '{"sekvens":3,"ops":[{"op":"lagg","samling":"mottagna","rad":"ald';
const aktor = { vem: 'test', kalla: 'system' } as const;

/** A store whose snapshot holds two acknowledged changes (sekvens 2), with an empty journal. */
async function lagringMedTvaAndringar(): Promise<string> {
  const fil = join(mkdtempSync(join(tmpdir(), 'bk-journal-')), 'store.json');
  const s = await Store.oppna(fil);
  for (const id of ['forsta', 'andra']) await s.ändra(aktor, (tx) => tx.lagg('mottagna', id));
  await s.komprimera();
  return fil;
}

const FALL: Array<{ namn: string; journal: (fil: string) => string }> = [
  { namn: 'bara ett rivet fragment utan radslut', journal: () => RIVET },
  { namn: 'ett helt JSON-objekt men utan radslut (dödad före radslutet)', journal: () => '{"sekvens":3,"ops":[]}' },
  { namn: 'tomma rader och ett rivet fragment', journal: () => `\n\n${RIVET}` },
  {
    namn: 'poster som redan finns i ögonblicksbilden och ett rivet fragment',
    journal: () =>
      `${JSON.stringify({ sekvens: 1, ops: [{ op: 'lagg', samling: 'mottagna', rad: 'forsta' }] })}\n` +
      `${JSON.stringify({ sekvens: 2, ops: [{ op: 'lagg', samling: 'mottagna', rad: 'andra' }] })}\n${RIVET}`,
  },
  { namn: 'en hel rad som inte går att läsa, med radslut, sist', journal: () => `${RIVET}\n` },
];

describe('en riven journalrad sväljer inga kvitterade skrivningar (issue 12.5)', () => {
  for (const fall of FALL) {
    it(`${fall.namn}: tre kvitterade skrivningar med omstart emellan finns alla kvar`, async () => {
      const fil = await lagringMedTvaAndringar();
      writeFileSync(`${fil}.journal`, fall.journal(fil));
      const kvitterade: string[] = [];
      for (let i = 1; i <= 3; i++) {
        const s = await Store.oppna(fil);
        assert.deepEqual(s.dokument.mottagna, ['forsta', 'andra', ...kvitterade], `efter omstart ${i}`);
        const id = `kvitterad-${i}`;
        await s.ändra(aktor, (tx) => tx.lagg('mottagna', id));
        kvitterade.push(id);
        await s.stang();
      }
      const sist = await Store.oppna(fil);
      assert.deepEqual(sist.dokument.mottagna, ['forsta', 'andra', ...kvitterade]);
    });
  }

  it('det rivna fragmentet kapas redan när lagringen öppnas, före första nya raden', async () => {
    const fil = await lagringMedTvaAndringar();
    writeFileSync(`${fil}.journal`, RIVET);
    const s = await Store.oppna(fil);
    assert.equal(readFileSync(`${fil}.journal`, 'utf-8'), '');
    await s.ändra(aktor, (tx) => tx.lagg('mottagna', 'ny'));
    const rader = readFileSync(`${fil}.journal`, 'utf-8').split('\n');
    assert.deepEqual(rader.slice(1), ['']);
    assert.deepEqual((JSON.parse(rader[0]) as { ops: unknown[] }).ops, [{ op: 'lagg', samling: 'mottagna', rad: 'ny' }]);
  });

  it('en oläslig rad mitt i journalen (följd av hela rader) vägras fortfarande, och inget ändras', async () => {
    const fil = await lagringMedTvaAndringar();
    const journal = `${RIVET}\n${JSON.stringify({ sekvens: 3, ops: [] })}\n`;
    writeFileSync(`${fil}.journal`, journal);
    const fore = readFileSync(fil);
    await assert.rejects(Store.oppna(fil), /journalen .* är skadad på rad 1/);
    assert.equal(readFileSync(`${fil}.journal`, 'utf-8'), journal);
    assert.deepEqual(readFileSync(fil), fore);
  });
});
