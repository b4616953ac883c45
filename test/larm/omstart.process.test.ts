import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { type Leverans, Utkorgsavsandare } from '../../src/alerts/utkorg.js';
import { tystLogg } from '../../src/logg.js';
import { Store } from '../../src/store/store.js';
import { NU, scen } from './scen.js';

const BARN = join(process.cwd(), 'test', 'larm', 'stod', 'dor-mitt-i-sandningen.ts');

/** Runs the child until it is about to send, then kills it hard (SIGKILL: no shutdown code runs). */
async function dodadMittISandningen(fil: string): Promise<string> {
  const barn = spawn(process.execPath, ['--import', 'tsx', BARN, fil], { stdio: ['ignore', 'pipe', 'pipe'] });
  let ut = '';
  let fel = '';
  barn.stderr.on('data', (d) => {
    fel += d;
  });
  await new Promise<void>((resolve, reject) => {
    const tidsgrans = setTimeout(() => reject(new Error(`barnprocessen kom aldrig till sändningen: ${ut} ${fel}`)), 20_000);
    barn.stdout.on('data', (d) => {
      ut += d;
      if (ut.includes('skickar')) {
        clearTimeout(tidsgrans);
        resolve();
      }
    });
    barn.on('exit', (kod) => reject(new Error(`barnprocessen avslutades (${kod}) före sändningen: ${ut} ${fel}`)));
  });
  const slut = new Promise((r) => barn.on('exit', r));
  barn.kill('SIGKILL');
  await slut;
  return ut;
}

async function tills(villkor: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  while (!villkor()) {
    if (Date.now() - start > ms) throw new Error('väntade för länge');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('larm: omstart', () => {
  it('ett utskick som skrivits men inte skickats när processen dödas skickas efter omstarten, en gång', async function () {
    this.timeout(60_000);
    const s = await scen();
    await s.rapportera('vuxen', '2025-11', 90000, 90000);
    await s.rapportera('bou', '2025-11', 10000, 9000);
    await s.prenumerera('kanal-1', 'bou');
    assert.equal(s.store.dokument.utskick.length, 0);

    const ut = await dodadMittISandningen(s.store.plats);
    assert.match(ut, /^skrivet 1\n/);

    const efter = await Store.oppna(s.store.plats, () => new Date(NU));
    assert.deepEqual(
      efter.dokument.utskick.map((u) => [u.id, u.status, u.forsok]),
      [['larm|kanal-1|bou|2025-11|kritisk', 'väntar', 0]],
    );
    const levererat: Leverans[] = [];
    const avsandare = new Utkorgsavsandare({
      store: efter,
      logg: tystLogg,
      transport: {
        skicka: async (l) => {
          levererat.push(l);
        },
      },
    });
    avsandare.starta();
    await tills(() => efter.dokument.utskick[0].status === 'skickat');
    await avsandare.stoppa();
    assert.equal(levererat.length, 1);
    assert.equal(levererat[0].konversation.id, 'kanal-1');
    assert.match(levererat[0].svar.text, /Kritisk nivå: Barn och unga t\.o\.m\. november 2025/);

    // and once more: another restart finds nothing left to send
    const igen = await Store.oppna(s.store.plats, () => new Date(NU));
    assert.equal(igen.dokument.utskick[0].status, 'skickat');
    const andra: Leverans[] = [];
    const avsandare2 = new Utkorgsavsandare({
      store: igen,
      logg: tystLogg,
      transport: {
        skicka: async (l) => {
          andra.push(l);
        },
      },
    });
    avsandare2.starta();
    await new Promise((r) => setTimeout(r, 1200));
    await avsandare2.stoppa();
    assert.equal(andra.length, 0);
  });
});
