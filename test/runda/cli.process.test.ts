// `npm run paminnelser`: one round for an external scheduler, as a process: it plans what is due at --now and sends
// it through the Bot Connector (here a local server standing in for it); run again, it plans and sends nothing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Store } from '../../src/store/store.js';
import { ALEX } from '../support/testbot.js';
import { demoStore } from '../support/demo.js';
import { medPlan } from './stod.js';
import { dodaKvarvarande, folj } from '../support/barn.js';

function kor(...argument: string[]): Promise<{ kod: number | null; ut: string; fel: string }> {
  return new Promise((klar) => {
    const barn = folj(
      spawn(process.execPath, ['--import', 'tsx', 'src/cli/paminnelser.ts', ...argument], {
        env: { ...process.env, BOT_ID: '', HOST: '127.0.0.1', NODE_ENV: 'development', STORE_URL: '' },
      }),
    );
    let ut = '';
    let fel = '';
    barn.stdout.on('data', (d) => (ut += d));
    barn.stderr.on('data', (d) => (fel += d));
    barn.on('close', (kod) => klar({ kod, ut, fel }));
  });
}

describe('npm run paminnelser', function () {
  this.timeout(120_000);
  afterEach(dodaKvarvarande);

  it('planerar och skickar det som är dags, en gång; en andra körning gör ingenting', async () => {
    const mottagna: Array<{ url: string; text: string }> = [];
    const server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let kropp = '';
      req.on('data', (d) => (kropp += d));
      req.on('end', () => {
        const a = JSON.parse(kropp || '{}') as { text?: string; attachments?: Array<{ content?: { fallbackText?: string } }> };
        mottagna.push({ url: req.url ?? '', text: a.attachments?.[0]?.content?.fallbackText ?? a.text ?? '' });
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `svar-${mottagna.length}` }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const store = await demoStore();
      await medPlan(store);
      await store.ändra({ vem: 'test', kalla: 'system' }, (tx) =>
        tx.sätt('konversationer', {
          id: 'a:alex',
          typ: 'personal',
          namn: null,
          aktiv: true,
          installerad: tx.nu.toISOString(),
          team: null,
          anvandare: ALEX.anvandare,
          referens: {
            channelId: 'msteams',
            serviceUrl: `http://127.0.0.1:${port}/`,
            conversation: { id: 'a:alex', conversationType: 'personal' },
            user: { id: `29:${ALEX.anvandare}`, aadObjectId: ALEX.anvandare },
            bot: { id: '28:budgetkollen' },
          },
        }),
      );
      await store.komprimera();
      await store.stang();

      // Friday 2 January 2026 at 07:00: nothing is due yet (Socialnämnden is reminded at 07:30)
      const tidigt = await kor('--store', store.plats, '--now', '2026-01-02T07:00:00+01:00');
      assert.equal(tidigt.kod, 0, tidigt.fel);
      assert.match(tidigt.ut, /Rapporteringsrundan: 0 nya meddelanden planerade, 0 skickade/);

      const forsta = await kor('--store', store.plats, '--now', '2026-01-02T07:31:00+01:00');
      assert.equal(forsta.kod, 0, forsta.fel);
      assert.match(forsta.ut, /Rapporteringsrundan: 1 nya meddelanden planerade, 1 skickade/);
      assert.equal(mottagna.length, 1);
      assert.match(mottagna[0].url, /^\/v3\/conversations\/a%3Aalex\/activities/);
      assert.match(mottagna[0].text, /Påminnelse: rapportera december 2025 senast onsdag 7 januari/);

      const igen = await kor('--store', store.plats, '--now', '2026-01-02T09:00:00+01:00');
      assert.match(igen.ut, /Rapporteringsrundan: 0 nya meddelanden planerade, 0 skickade/);
      assert.equal(mottagna.length, 1);
      const efter = await Store.oppna(store.plats);
      assert.deepEqual(
        efter.dokument.utskick.map((u) => [u.id, u.status]),
        [[`påminnelse|${ALEX.anvandare}|2026-01-02`, 'skickat']],
      );
    } finally {
      server.close();
    }
  });
});
