// Promise 8: logs are one JSON object per line, every line written while an activity is handled carries its
// correlation id, and no token, password or whole card payload ever reaches a log line.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sinon from 'sinon';
import { medLoggfalt, skapaLogg } from '../../src/logg.js';
import type { Store } from '../../src/store/store.js';
import { type Server } from '../../src/teams/server.js';
import { CONTROLLER_SN, httpbot } from '../support/testbot.js';
import { demoStore } from '../support/demo.js';
import { dodaKvarvarande, folj } from '../support/barn.js';
import { Connectorstub, NYCKEL_ID, connectorClaims, figur, jwt, nyckelpar } from './stod.js';

const krav = createRequire(import.meta.url);
const { OpenIdMetadata } = krav('botframework-connector/lib/auth/openIdMetadata.js') as {
  OpenIdMetadata: { prototype: { getKey(kid: string): Promise<unknown> } };
};
const { AppCredentials } = krav('botframework-connector') as { AppCredentials: { prototype: { getToken(): Promise<string> } } };

type Rad = Record<string, unknown> & { tid: string; niva: string; msg: string; korrelation?: string };

/** Every line must be one JSON object with time, level and message; returns them parsed. */
function tolka(rader: string[]): Rad[] {
  return rader.map((r, i) => {
    assert.ok(!r.includes('\n'), `rad ${i} innehåller en radbrytning`);
    const o = JSON.parse(r) as Rad;
    assert.equal(typeof o, 'object');
    assert.ok(
      typeof o.tid === 'string' && typeof o.niva === 'string' && typeof o.msg === 'string',
      `rad ${i} saknar tid, niva eller msg: ${r}`,
    );
    return o;
  });
}

describe('härdning 8: loggen', function () {
  this.timeout(150000);
  afterEach(dodaKvarvarande);

  describe('loggaren', () => {
    const fanga = (niva: 'debug' | 'info' = 'debug') => {
      const rader: string[] = [];
      return { logg: skapaLogg(niva, {}, (r) => rader.push(r)), rader };
    };

    it('döljer hemligheter i nycklar, i nästlade värden, i texter och i fel', () => {
      const { logg, rader } = fanga();
      const token = jwt(nyckelpar().privat, { aud: 'x' });
      const cirkel: Record<string, unknown> = { namn: 'cirkel' };
      cirkel.sig = cirkel;
      logg.info(`anrop med Bearer ${token}`, {
        authorization: `Bearer ${token}`,
        token: 'abc',
        BOT_PASSWORD: 'hemligt-1',
        clientSecret: 'hemligt-2',
        cookie: 'c=1',
        nastlat: { accessToken: 'hemligt-3', djupare: { password: 'hemligt-4', lista: [`Bearer hemligt-5`, token] } },
        fel: new Error(`token ${token} avvisad`),
        cirkel,
        stort: 10n,
        funktion: () => 1,
      });
      const [rad] = tolka(rader);
      const text = rader[0];
      for (const hemligt of [token, 'abc"', 'hemligt-1', 'hemligt-2', 'c=1', 'hemligt-3', 'hemligt-4', 'hemligt-5'])
        assert.ok(!text.includes(hemligt), `${hemligt.slice(0, 20)} syns i loggen`);
      assert.match(rad.msg, /Bearer \[dolt\]/);
      assert.deepEqual((rad.fel as { namn: string }).namn, 'Error');
    });

    it('skriver aldrig kort, bilagor eller aktiviteter, och kortar långa texter', () => {
      const { logg, rader } = fanga();
      const kommentar = `BÖRJAN${'x'.repeat(10000)}SLUTET`;
      logg.warn('inskick', {
        kort: { type: 'AdaptiveCard', body: [{ text: kommentar }] },
        attachments: [{ content: {} }],
        aktivitet: { text: kommentar },
        kommentar,
      });
      const [rad] = tolka(rader);
      assert.equal(rad.kort, '[utelämnat]');
      assert.equal(rad.attachments, '[utelämnat]');
      assert.equal(rad.aktivitet, '[utelämnat]');
      assert.ok(rader[0].length < 1200, `raden är ${rader[0].length} tecken`);
      assert.ok(!rader[0].includes('SLUTET'));
    });

    it('ger varje tur sitt korrelations-id, också i samtidiga turer och i kod som bara har appens logg', async () => {
      const { logg, rader } = fanga();
      const djup = async (n: number) => {
        await new Promise((r) => setTimeout(r, 5 * (3 - n)));
        logg.info('djupt inne', { n });
      };
      await Promise.all(
        [1, 2, 3].map((n) =>
          medLoggfalt({ korrelation: `tur-${n}` }, async () => {
            logg.info('början', { n });
            await djup(n);
          }),
        ),
      );
      logg.info('utanför');
      const r = tolka(rader);
      for (const x of r.filter((y) => typeof y.n === 'number')) assert.equal(x.korrelation, `tur-${x.n}`);
      assert.equal(r.find((x) => x.msg === 'utanför')?.korrelation, undefined);
    });

    it('filtrerar på nivå och låter inte fälten skriva över tid, nivå och meddelande', () => {
      const { logg, rader } = fanga('info');
      logg.debug('syns inte');
      logg.info('syns', { msg: 'förfalskat', niva: 'error', tid: 'igår' });
      const r = tolka(rader);
      assert.equal(r.length, 1);
      assert.equal(r[0].msg, 'syns');
      assert.equal(r[0].niva, 'info');
      assert.notEqual(r[0].tid, 'igår');
    });
  });

  describe('servern med BOT_ID, genom riktiga anrop', () => {
    const sandlada = sinon.createSandbox();
    const nyckel = nyckelpar();
    const BOT_ID = '11111111-2222-3333-4444-555555555555';
    const LOSENORD = 'hemligt-losenord-987';
    let store: Store;
    let connector: Connectorstub;
    let server: Server;
    const rader: string[] = [];

    before(async () => {
      sandlada
        .stub(OpenIdMetadata.prototype, 'getKey')
        .callsFake(async (kid: string) => (kid === NYCKEL_ID ? { key: nyckel.publikPem, endorsements: ['msteams'] } : null));
      sandlada.stub(AppCredentials.prototype, 'getToken').resolves('utgaende-hemlig-token');
      sandlada.stub(console, 'error');
      store = await demoStore();
      connector = await Connectorstub.starta();
      ({ server } = await httpbot(
        store,
        { BOT_ID, BOT_PASSWORD: LOSENORD, BOT_TENANT_ID: 't1', LOG_LEVEL: 'debug' },
        { logg: skapaLogg('debug', {}, (r) => rader.push(r)), tidsgransMs: 3000 },
      ));
    });

    after(async () => {
      sandlada.restore();
      await server?.stang();
      await connector?.stang();
    });

    it('varje rad är JSON, varje tur har sitt id, och ingen token, inget lösenord och inget helt kort syns', async () => {
      const token = jwt(nyckel.privat, connectorClaims(BOT_ID, connector.url));
      const posta = async (aktivitet: Record<string, unknown>, auth = `Bearer ${token}`) => {
        const r = await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: auth },
          body: JSON.stringify(aktivitet),
        });
        return r.text();
      };
      const grund = (id: string, tenant = 't1') => ({
        id,
        channelId: 'msteams',
        serviceUrl: connector.url,
        from: { id: '29:alex', aadObjectId: CONTROLLER_SN, name: 'Alex' },
        recipient: { id: `28:${BOT_ID}` },
        conversation: { id: 'personlig-alex', conversationType: 'personal', tenantId: tenant },
        channelData: { tenant: { id: tenant } },
      });
      const kommentar = `KORTETS-KOMMENTAR-${'k'.repeat(1500)}-SLUT`;
      const kortdata = (extra: Record<string, unknown>) => ({
        kortId: randomUUID(),
        grundversion: 1,
        grundenhet: 'bou',
        grundperiod: '2025-11',
        enhet: 'bou',
        period: '2025-11',
        budget_ack: '21 974',
        utfall_ack: '23 000',
        budget_helar: '24 000',
        prognos_helar: '24 000',
        kommentar,
        password: 'hunter2',
        token: 'kortets-token',
        ...extra,
      });
      const id = {
        fraga: 'logg-fraga',
        inskick: 'logg-inskick',
        felkort: 'logg-felkort',
        falsk: 'logg-falsk-token',
        tenant: 'logg-tenant',
        connectorfel: 'logg-connectorfel',
        okand: 'logg-okand-knapp',
      };
      await posta({ ...grund(id.fraga), type: 'message', text: 'hur ligger IFO mot budget?' });
      await posta({
        ...grund(id.inskick),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'spara_utfall', data: kortdata({}) } },
      });
      await posta({
        ...grund(id.felkort),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'spara_utfall', data: kortdata({ utfall_ack: 'abc' }) } },
      });
      await posta(
        { ...grund(id.falsk), type: 'message', text: 'hej' },
        `Bearer ${jwt(nyckelpar().privat, connectorClaims(BOT_ID, connector.url))}`,
      );
      await posta({ ...grund(id.tenant, 'annan'), type: 'message', text: 'hur ligger IFO mot budget?' });
      connector.svara({ status: 403 });
      await posta({ ...grund(id.connectorfel), type: 'message', text: 'hjälp' });
      await posta({
        ...grund(id.okand),
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: { toString: 5 }, data: kortdata({}) } },
      });

      const r = tolka(rader);
      const alltText = rader.join('\n');
      for (const [namn, hemligt] of [
        ['inkommande token', token.split('.')[2]],
        ['utgående token', 'utgaende-hemlig-token'],
        ['BOT_PASSWORD', LOSENORD],
        ['lösenord i kortet', 'hunter2'],
        ['token i kortet', 'kortets-token'],
        ['kortets hela kommentar', '-SLUT'],
      ] as const) {
        assert.ok(!alltText.includes(hemligt), `${namn} syns i loggen`);
      }
      assert.ok(!/eyJ[\w-]{10,}\.[\w-]{10,}/.test(alltText), 'en JWT syns i loggen');
      for (const [vad, korrelation] of Object.entries(id)) {
        const egna = r.filter((x) => x.korrelation === korrelation);
        assert.ok(egna.length >= 1, `${vad}: ingen loggrad med korrelations-id ${korrelation}`);
      }
      assert.ok(
        r.some((x) => x.korrelation === id.falsk && /token/.test(x.msg)),
        'den falska token loggades inte som avvisad',
      );
      assert.ok(r.some((x) => x.korrelation === id.tenant && /tenant/.test(x.msg)));
      assert.ok(
        r.some((x) => x.korrelation === id.connectorfel && x.niva === 'error'),
        'connectorfelet loggades inte',
      );
      // Nothing logged while a turn ran lacks its id: lines without one are from outside any turn.
      const utanId = r.filter((x) => !x.korrelation).map((x) => x.msg);
      assert.deepEqual(
        utanId.filter((m) => !/kör utan autentisering/.test(m)),
        [],
        `rader utan korrelations-id: ${utanId.join(', ')}`,
      );
      figur('loggning_rader_kontrollerade', r.length);
    });
  });

  it('den riktiga processen (src/index.ts) skriver bara JSON-rader på stderr, också Nodes varningar, och inget på stdout', async () => {
    const fil = join(mkdtempSync(join(tmpdir(), 'bk-logg-')), 'store.json');
    const rent = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(BOT_|HOST$|PORT$|NODE_ENV$|ALLOWED_TENANTS$|STORE_PATH$)/.test(k)),
    );
    const barn = folj(
      spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
        env: { ...rent, PORT: '0', HOST: '127.0.0.1', STORE_PATH: fil, LOG_LEVEL: 'debug' },
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    let fel = '';
    let ut = '';
    barn.stdout!.on('data', (d: Buffer) => {
      ut += d;
    });
    barn.stderr!.on('data', (d: Buffer) => {
      fel += d;
    });
    const slut = new Promise<number | null>((r) => barn.on('exit', (kod) => r(kod)));
    const start = Date.now();
    while (!/"msg":"lyssnar","port":(\d+)/.test(fel)) {
      if (Date.now() - start > 120000) throw new Error(fel);
      await new Promise((r) => setTimeout(r, 20));
    }
    const port = /"msg":"lyssnar","port":(\d+)/.exec(fel)![1];
    await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        id: 'p1',
        text: 'hej',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9',
        from: { id: 'u' },
        recipient: { id: 'b' },
        conversation: { id: 'c' },
      }),
    });
    await fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '[1,2,3]',
    });
    barn.kill('SIGTERM');
    assert.equal(await slut, 0, fel);
    assert.equal(ut, '', 'servern skrev på stdout');
    const r = tolka(fel.trimEnd().split('\n'));
    assert.ok(
      r.some((x) => x.msg === 'varning från Node'),
      'Nodes varning blev ingen JSON-rad',
    );
    assert.ok(
      r.some((x) => x.korrelation === 'p1' && x.niva === 'error'),
      'turens fel saknar korrelations-id',
    );
  });
});
