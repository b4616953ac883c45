// Issue 12, item 8: local mode (no BOT_ID, for the Agents Playground) in a real process. A web page in the
// developer's browser cannot drive the bot (only JSON, no Origin, a loopback Host), replies go only to loopback
// service URLs, and every activity field that reaches the store is checked first, so nothing stored can make the
// store unreadable at the next start. The Playground's own requests (headers as measured) still work.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Botprocess, skicka } from './botprocess.js';
import { Connectorstub, figur, tills } from './stod.js';

/** The store as written on disk: snapshot and journal. */
function paDisk(fil: string): string {
  const las = (f: string) => (existsSync(f) ? readFileSync(f, 'utf-8') : '');
  return `${las(fil)}\n${las(`${fil}.journal`)}`;
}

describe('härdning 9: lokalt läge utan BOT_ID (issue 12: 8)', function () {
  this.timeout(180000);
  let bot: Botprocess;
  let connector: Connectorstub;
  let storefil: string;
  let nr = 0;
  let attacker = 0;

  /** Headers exactly as the Agents Playground 0.2.28 sends them (recorded on this machine). */
  const playgroundhuvuden = (port: number) => ({
    accept: 'application/json, text/plain, */*',
    'content-type': 'application/json',
    'x-ms-agents-playground': 'true',
    'user-agent': 'axios/1.12.2',
    host: `127.0.0.1:${port}`,
  });

  const aktivitet = (extra: Record<string, unknown> = {}, konversation = `a:lokal-${++nr}`) => ({
    type: 'installationUpdate',
    id: `lokal-${nr}`,
    action: 'add',
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: 'user-id-0', aadObjectId: '00000000-0000-0000-0000-0000000000020', name: 'Alex Wilber' },
    recipient: { id: '00000000-0000-0000-0000-00000000000011', name: 'Test Bot' },
    conversation: { id: konversation, conversationType: 'personal', tenantId: 'lokal' },
    channelData: { tenant: { id: 'lokal' } },
    locale: 'sv-SE',
    ...extra,
  });

  before(async () => {
    connector = await Connectorstub.starta();
    storefil = join(mkdtempSync(join(tmpdir(), 'bk-lokalt-')), 'store.json');
    bot = await Botprocess.starta({ STORE_PATH: storefil });
  });

  after(async () => {
    await bot?.stoppa();
    await connector?.stang();
    figur('lokalt_lage_attacker', attacker);
  });

  it('bara JSON: formulär, text/plain och multipart ger 415, inget behandlas, inget sparas, inget skickas', async () => {
    const h = playgroundhuvuden(bot.port);
    const fore = paDisk(storefil);
    const json = JSON.stringify(aktivitet({ type: 'message', text: 'hjälp' }));
    const formular = new URLSearchParams({
      type: 'message',
      text: 'hjälp',
      channelId: 'msteams',
      serviceUrl: connector.url,
      'from[id]': 'user-id-0',
      'conversation[id]': 'a:formular',
    }).toString();
    for (const [typ, kropp] of [
      ['application/x-www-form-urlencoded', formular],
      ['text/plain', json],
      ['text/plain;charset=UTF-8', json],
      ['multipart/form-data; boundary=x', `--x\r\nContent-Disposition: form-data; name="type"\r\n\r\nmessage\r\n--x--\r\n`],
      ['application/octet-stream', json],
      ['application/json; charset=utf-16', json],
    ] as const) {
      const r = await skicka(bot.url, { ...h, 'content-type': typ }, kropp);
      assert.equal(r.status, 415, `${typ}: ${JSON.stringify(r)}`);
      attacker++;
    }
    await bot.halsa();
    assert.equal(connector.mottaget.length, 0, 'något skickades till Bot Connector');
    assert.equal(paDisk(storefil), fore, 'lagringen ändrades');
  });

  it('en webbsida kan inte driva boten: Origin satt eller en Host som inte är loopback (DNS-rebinding) ger 403', async () => {
    const h = playgroundhuvuden(bot.port);
    const fore = paDisk(storefil);
    for (const [namn, huvuden] of [
      ['Origin från en annan webbplats', { ...h, origin: 'https://evil.example' }],
      ['Origin null (sandlåda, fil)', { ...h, origin: 'null' }],
      ['Origin från en annan port på localhost', { ...h, origin: 'http://localhost:8080' }],
      ['Host från DNS-rebinding', { ...h, host: `evil.example:${bot.port}` }],
      ['Host som är en LAN-adress', { ...h, host: `192.168.1.20:${bot.port}` }],
    ] as const) {
      const r = await skicka(bot.url, huvuden, JSON.stringify(aktivitet({ type: 'message', text: 'hjälp' })));
      assert.equal(r.status, 403, `${namn}: ${JSON.stringify(r)}`);
      attacker++;
    }
    await bot.halsa();
    assert.equal(connector.mottaget.length, 0, 'något skickades till Bot Connector');
    assert.equal(paDisk(storefil), fore, 'lagringen ändrades');
  });

  it('svar går bara till loopback: en installation med serviceUrl utanför maskinen ger 403 och sparas inte', async () => {
    const fore = paDisk(storefil);
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://192.168.1.1:8080/',
      'https://evil.example/',
      'http://127.0.0.1.evil.example/',
      'http://[::ffff:a9fe:a9fe]/',
      'file:///etc/passwd',
      'gopher://127.0.0.1:6379/',
    ]) {
      const a = aktivitet({ serviceUrl: url });
      const r = await skicka(bot.url, playgroundhuvuden(bot.port), JSON.stringify(a));
      assert.ok(r.status === 403 || r.status === 400, `${url}: ${JSON.stringify(r)}`);
      assert.ok(!paDisk(storefil).includes(a.conversation.id), `${url}: konversationen sparades`);
      attacker++;
    }
    await bot.halsa();
    assert.equal(paDisk(storefil), fore, 'lagringen ändrades');
  });

  it('fält som når lagringen kontrolleras: fel typ eller orimlig längd ger 400, inget sparas, och lagringen öppnas efter omstart', async () => {
    const fore = paDisk(storefil);
    const fall: Array<[string, Record<string, unknown>]> = [
      ['conversation.name som objekt', { conversation: { id: `a:lokal-namn-${nr}`, name: { a: 1 }, conversationType: 'personal' } }],
      ['conversation.name som lista', { conversation: { id: `a:lokal-lista-${nr}`, name: ['x'], conversationType: 'personal' } }],
      ['conversation.id som tal', { conversation: { id: 42, conversationType: 'personal' } }],
      ['conversation.conversationType som objekt', { conversation: { id: `a:lokal-typ-${nr}`, conversationType: { x: 1 } } }],
      ['from.id som objekt', { from: { id: { $gt: '' } } }],
      ['from.aadObjectId som tal', { from: { id: 'u', aadObjectId: 7 } }],
      ['from.name på 100 000 tecken', { from: { id: 'u', name: 'x'.repeat(100000) } }],
      ['channelData.team.id som objekt', { channelData: { tenant: { id: 'lokal' }, team: { id: { a: 1 } } } }],
      ['timestamp som inte är en tid', { timestamp: 'igår' }],
      ['ingen conversation', { conversation: undefined }],
      ['serviceUrl som objekt', { serviceUrl: { href: 'http://127.0.0.1' } }],
    ];
    for (const [namn, andring] of fall) {
      const a = { ...aktivitet(), ...andring };
      const r = await skicka(bot.url, playgroundhuvuden(bot.port), JSON.stringify(a));
      assert.equal(r.status, 400, `${namn}: ${JSON.stringify(r)}`);
      attacker++;
    }
    await bot.halsa();
    assert.equal(paDisk(storefil), fore, 'lagringen ändrades');
    assert.equal(connector.mottaget.length, 0, 'något skickades till Bot Connector');
    await bot.stoppa();
    bot = await Botprocess.starta({ STORE_PATH: storefil });
    await bot.halsa();
  });

  it('kontroll: Playgroundens egna anrop (installation, fråga) behandlas, sparas och besvaras via localhost', async () => {
    const h = playgroundhuvuden(bot.port);
    const serviceUrl = connector.url.replace('127.0.0.1', 'localhost');
    const installation = aktivitet({ serviceUrl });
    const konversation = installation.conversation.id;
    assert.equal((await skicka(bot.url, h, JSON.stringify(installation))).status, 200);
    await tills(() => paDisk(storefil).includes(konversation), 10000, 'att installationen sparas');
    const fraga = aktivitet({ type: 'message', action: undefined, text: 'hjälp', serviceUrl }, konversation);
    assert.equal((await skicka(bot.url, { ...h, host: `localhost:${bot.port}` }, JSON.stringify(fraga))).status, 200);
    await tills(() => connector.levererade().length >= 2, 20000, 'välkomsten och svaret');
    assert.ok(connector.levererade().every((m) => m.sokvag.includes(encodeURIComponent(konversation))));
    await bot.halsa();
  });
});
