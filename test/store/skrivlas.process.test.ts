import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importeraCli, körCli } from '../support/cli.js';
import { DEMO } from '../support/demo.js';
import { dodaKvarvarande, folj } from '../support/barn.js';

/** The real bot on `store`, resolved once it listens. */
function startaBot(store: string): Promise<{ barn: ChildProcess; slut: Promise<number | null> }> {
  const { BOT_ID: _b, BOT_PASSWORD: _p, ...rent } = process.env;
  const barn = folj(
    spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      env: { ...rent, PORT: '0', HOST: '127.0.0.1', STORE_PATH: store, BUDGETKOLLEN_NOW: '2025-12-10' },
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
  );
  const slut = new Promise<number | null>((r) => barn.on('exit', (kod) => r(kod)));
  return new Promise((resolve, reject) => {
    let fel = '';
    barn.stderr!.on('data', (d: Buffer) => {
      fel += d.toString();
      if (fel.includes('"msg":"lyssnar"')) resolve({ barn, slut });
    });
    void slut.then((kod) => reject(new Error(`boten slutade (${kod}) innan den lyssnade: ${fel}`)));
  });
}

describe('lagringen har en skrivare i taget: boten, npm run import och npm run ask', function () {
  this.timeout(180000);
  afterEach(dodaKvarvarande);
  let store: string;
  let andring: string;

  before(() => {
    store = join(mkdtempSync(join(tmpdir(), 'bk-las-')), 'store.json');
    const r = importeraCli(DEMO, store);
    assert.equal(r.kod, 0, r.fel);
    andring = mkdtempSync(join(tmpdir(), 'bk-las-import-'));
    cpSync(DEMO, andring, { recursive: true });
    const utfall = join(andring, 'utfall.csv');
    const rader = readFileSync(utfall, 'utf-8').trimEnd().split('\n');
    // One more month for one unit: an import that would change the store.
    const sista = rader[rader.length - 1].split(';');
    writeFileSync(utfall, `${[...rader, [sista[0], '2025-12', ...sista.slice(2)].join(';')].join('\n')}\n`);
  });

  it('medan boten kör vägrar importen och ask med ett svenskt besked, och lagringen är orörd; efteråt går importen', async () => {
    const fore = readFileSync(store);
    const bot = await startaBot(store);
    try {
      const imp = importeraCli(andring, store);
      assert.equal(imp.kod, 1, imp.ut);
      assert.match(
        imp.fel,
        new RegExp(`används av Budgetkollen-boten \\(process ${bot.barn.pid}, sedan .*\\)\\. Stoppa den först; inget har ändrats`),
      );
      const ask = körCli('src/cli/ask.ts', '--store', store, 'hur ligger ifo mot budget?');
      assert.equal(ask.kod, 1, ask.ut);
      assert.match(ask.fel, /används av Budgetkollen-boten/);
      const andra = spawnSync(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', STORE_PATH: store, BOT_ID: '' },
        encoding: 'utf-8',
        timeout: 120000,
      });
      assert.equal(andra.status, 1, 'en andra bot på samma lagring startade');
      assert.match(andra.stderr, /används av Budgetkollen-boten/);
      assert.deepEqual(readFileSync(store), fore);
    } finally {
      bot.barn.kill('SIGTERM');
      assert.equal(await bot.slut, 0);
    }
    assert.ok(!existsSync(`${store}.las`), 'låset finns kvar efter att boten stängts');
    const imp = importeraCli(andring, store);
    assert.equal(imp.kod, 0, imp.fel);
    assert.match(imp.ut, /utfall 1/);
  });

  it('ett lås efter en process som inte längre finns (dödad, strömavbrott) tas över', () => {
    const dod = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf-8' });
    writeFileSync(
      `${store}.las`,
      JSON.stringify({ pid: Number(dod.stdout), vem: 'Budgetkollen-boten', sedan: '2025-12-10T08:00:00.000Z' }),
    );
    const imp = importeraCli(DEMO, store);
    assert.equal(imp.kod, 0, imp.fel);
    assert.ok(!existsSync(`${store}.las`));
  });
});
