// Issue 12, item 9: when the Bot Connector's signing keys cannot be fetched, a forged token is still refused
// with 401 (not 500), logged as a warning, and a flood of them writes a few lines, not one per request.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import sinon from 'sinon';
import { glesLogg, skapaLogg } from '../../src/logg.js';
import type { Store } from '../../src/store/store.js';
import type { Server } from '../../src/teams/server.js';
import { CONTROLLER_SN, httpbot } from '../support/testbot.js';
import { demoStore } from '../support/demo.js';
import { Connectorstub, connectorClaims, figur, jwt, lagrat, nyckelpar } from './stod.js';

const krav = createRequire(import.meta.url);
// Where botbuilder fetches the signing keys (the OpenID metadata and its JWKS); made to fail as it fails offline.
const { OpenIdMetadata } = krav('botframework-connector/lib/auth/openIdMetadata.js') as {
  OpenIdMetadata: { prototype: { refreshCache(): Promise<void> } };
};
const { AuthenticationError } = krav('botframework-connector') as {
  AuthenticationError: new (meddelande: string, status: number) => Error;
};

const BOT_ID = '11111111-2222-3333-4444-555555555555';
const TENANT = 'tenant-asby';

describe('härdning 9: signeringsnycklarna går inte att hämta (issue 12: 9)', function () {
  this.timeout(60000);
  const sandlada = sinon.createSandbox();
  let store: Store;
  let connector: Connectorstub;
  let server: Server;
  let run: sinon.SinonSpy;
  const rader: Array<Record<string, unknown>> = [];

  // A bot of its own for each case, so each starts with an empty log window.
  const starta = async () => {
    await server?.stang();
    store = await demoStore();
    ({ server } = await httpbot(
      store,
      { BOT_ID, BOT_PASSWORD: 'hemligt', BOT_TENANT_ID: TENANT },
      {
        logg: skapaLogg('debug', {}, (r) => rader.push(JSON.parse(r) as Record<string, unknown>)),
        fore: (app) => (run = sinon.spy(app, 'run')),
      },
    ));
  };

  before(async () => {
    connector = await Connectorstub.starta();
  });

  afterEach(() => sandlada.restore());

  after(async () => {
    await server?.stang();
    await connector?.stang();
  });

  const aktivitet = (n: number) => ({
    type: 'message',
    id: `nyckel-${n}`,
    text: 'hur ligger IFO mot budget?',
    channelId: 'msteams',
    serviceUrl: connector.url,
    from: { id: '29:alex', aadObjectId: CONTROLLER_SN },
    recipient: { id: `28:${BOT_ID}` },
    conversation: { id: 'a:alex', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  });

  for (const [namn, fel] of [
    [
      'nätverksfel (ENOTFOUND)',
      () => Object.assign(new Error('request to https://login.botframework.com failed'), { name: 'FetchError', code: 'ENOTFOUND' }),
    ],
    ['metadata svarar 503 (botbuilders AuthenticationError 500)', () => new AuthenticationError('Failed to load openID config: 503', 500)],
  ] as const) {
    it(`${namn}: 40 förfalskade token får 401, inget behandlas, och loggen får högst 10 varningar`, async () => {
      sandlada.stub(OpenIdMetadata.prototype, 'refreshCache').rejects(fel());
      sandlada.stub(console, 'error');
      await starta();
      rader.length = 0;
      const fore = lagrat(store);
      const falsk = nyckelpar();
      const statusar: number[] = [];
      for (let i = 0; i < 40; i++) {
        const r = await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${jwt(falsk.privat, connectorClaims(BOT_ID, connector.url))}`,
          },
          body: JSON.stringify(aktivitet(i)),
        });
        assert.doesNotMatch(await r.text(), /openID|botframework|Failed/i, 'svaret avslöjar felet');
        statusar.push(r.status);
      }
      assert.deepEqual([...new Set(statusar)], [401]);
      assert.equal(run.callCount, 0, 'Application.run anropades');
      assert.equal(lagrat(store), fore, 'lagringen ändrades');
      assert.equal(connector.mottaget.length, 0);
      assert.deepEqual(
        rader.filter((r) => r.niva === 'error').map((r) => r.msg),
        [],
        'fel i loggen',
      );
      const varningar = rader.filter((r) => /token kunde inte kontrolleras/.test(String(r.msg)));
      assert.ok(varningar.length >= 1 && varningar.length <= 10, `${varningar.length} loggrader för 40 avvisningar`);
      assert.ok(varningar.every((r) => r.niva === 'warn'));
      assert.equal(varningar[0].korrelation, 'nyckel-0', 'raden bär aktivitetens korrelations-id');
      figur('tokenkontroll_utan_nycklar_avvisade', 40);
    });
  }

  it('den glesa loggen: högst 10 rader per meddelande och minut, sedan en rad som säger hur många som hölls tillbaka', () => {
    let nu = 0;
    const ut: Array<Record<string, unknown>> = [];
    const logg = glesLogg(
      skapaLogg('debug', {}, (r) => ut.push(JSON.parse(r) as Record<string, unknown>)),
      10,
      60_000,
      () => nu,
    );
    for (let i = 0; i < 25; i++) logg.warn('avvisad', { i });
    for (let i = 0; i < 3; i++) logg.warn('annat', { i });
    assert.equal(ut.filter((r) => r.msg === 'avvisad').length, 10);
    assert.equal(ut.filter((r) => r.msg === 'annat').length, 3);
    nu = 59_999;
    logg.warn('avvisad', { i: 25 });
    assert.equal(ut.filter((r) => r.msg === 'avvisad').length, 10);
    nu = 60_000;
    logg.warn('avvisad', { i: 26 });
    const sista = ut[ut.length - 1];
    assert.equal(sista.i, 26);
    assert.equal(sista.undantryckta, 16);
    logg.warn('avvisad', { i: 27 });
    assert.equal(ut[ut.length - 1].undantryckta, undefined);
  });
});
