// Promise 2: with ALLOWED_TENANTS, activities from any other tenant are refused and logged, never answered
// with data, whatever their kind: messages, card buttons, Action.Execute invokes, installs.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Activity } from 'botbuilder';
import sinon from 'sinon';
import { skapaLogg } from '../../src/logg.js';
import type { Store } from '../../src/store/store.js';
import { LokalKanal } from '../../src/teams/lokalt.js';
import { type Server } from '../../src/teams/server.js';
import { ADMIN, CONTROLLER_SN, httpbot, testbot } from '../support/testbot.js';
import { demoStore } from '../support/demo.js';
import { Connectorstub, NYCKEL_ID, connectorClaims, figur, jwt, lagrat, nyckelpar } from './stod.js';

const krav = createRequire(import.meta.url);
const { OpenIdMetadata } = krav('botframework-connector/lib/auth/openIdMetadata.js') as {
  OpenIdMetadata: { prototype: { getKey(kid: string): Promise<unknown> } };
};
const { AppCredentials } = krav('botframework-connector') as { AppCredentials: { prototype: { getToken(): Promise<string> } } };

const VAR = 'tenant-asby';
const ANNAN = 'tenant-annan';
/** Anything that would only be in an answer with data: amounts, a unit's name, a card. */
const DATA = /tkr|Individ- och familjeomsorg|Socialnämnden|Barn och unga|AdaptiveCard|application\/vnd\.microsoft\.card/;

function spara(grundversion = 1): Record<string, unknown> {
  return {
    kortId: randomUUID(),
    grundversion,
    grundenhet: 'bou',
    grundperiod: '2025-11',
    enhet: 'bou',
    period: '2025-11',
    budget_ack: '21 974',
    utfall_ack: '28 900',
    budget_helar: '24 000',
    prognos_helar: '31 000',
    kommentar: 'Placeringar',
  };
}

/** Every kind of activity a stranger could send, with the tenant given in the ways Teams gives it. */
function framlingar(tenant: { konversation?: string; kanal?: string }): Array<{ namn: string; aktivitet: Partial<Activity> }> {
  const grund: Partial<Activity> = {
    conversation: {
      id: 'a:framling',
      conversationType: 'personal',
      isGroup: false,
      name: '',
      ...(tenant.konversation ? { tenantId: tenant.konversation } : {}),
    },
    channelData: tenant.kanal ? { tenant: { id: tenant.kanal } } : {},
  };
  return [
    { namn: 'fråga om siffror', aktivitet: { ...grund, type: 'message', text: 'hur ligger IFO mot budget?' } },
    { namn: 'hjälp', aktivitet: { ...grund, type: 'message', text: 'hjälp' } },
    { namn: 'rapportera', aktivitet: { ...grund, type: 'message', text: 'rapportera för barn och unga' } },
    {
      namn: 'kortknapp "fråga"',
      aktivitet: { ...grund, type: 'message', value: { verb: 'fraga', fraga: 'hur ligger IFO mot budget?', enhet: 'ifo' } },
    },
    {
      namn: 'kortknapp "rapportera"',
      aktivitet: { ...grund, type: 'message', value: { verb: 'rapportera', enhet: 'bou', period: '2025-11' } },
    },
    {
      namn: 'Action.Execute spara_utfall',
      aktivitet: {
        ...grund,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb: 'spara_utfall', data: spara() }, trigger: 'manual' },
      },
    },
    {
      namn: 'Action.Execute oppna_rapportering',
      aktivitet: {
        ...grund,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: { type: 'Action.Execute', verb: 'oppna_rapportering', data: { enhet: 'bou', period: '2025-11' } },
          trigger: 'manual',
        },
      },
    },
    {
      namn: 'Action.Execute spara_atgard',
      aktivitet: {
        ...grund,
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'spara_atgard',
            data: { kortId: randomUUID(), grundversion: 1, enhet: 'ifo', nr: 1, status: 'pågår', ar: '', besparing: '', kommentar: '' },
          },
          trigger: 'manual',
        },
      },
    },
    { namn: 'installation', aktivitet: { ...grund, type: 'installationUpdate', action: 'add' } },
    {
      namn: 'tillagd i team',
      aktivitet: {
        ...grund,
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:budgetkollen', name: 'Budgetkollen' }],
        conversation: { ...grund.conversation!, id: '19:kanal@thread.tacv2', conversationType: 'channel', isGroup: true },
        channelData: { ...(grund.channelData as object), team: { id: '19:team@thread.tacv2' }, eventType: 'teamMemberAdded' },
      },
    },
    { namn: 'prenumerera', aktivitet: { ...grund, type: 'message', text: 'prenumerera på larm för IFO' } },
    { namn: 'sätt tröskel', aktivitet: { ...grund, type: 'message', text: 'sätt varningströskel för IFO till 103 %' } },
  ];
}

describe('härdning 2: tenanter', function () {
  this.timeout(60000);
  let store: Store;
  let kanal: LokalKanal;
  const rader: string[] = [];

  before(async () => {
    store = await demoStore();
    ({ kanal } = await testbot({ store, logg: skapaLogg('debug', {}, (r) => rader.push(r)), tillatnaTenants: [VAR] }));
  });

  const varianter: Array<[string, { konversation?: string; kanal?: string }]> = [
    ['annan tenant i båda fälten', { konversation: ANNAN, kanal: ANNAN }],
    ['annan tenant bara i conversation.tenantId', { konversation: ANNAN }],
    ['annan tenant bara i channelData', { kanal: ANNAN }],
    ['ingen tenant alls', {}],
    ['motstridiga uppgifter: vår i conversation, annan i channelData', { konversation: VAR, kanal: ANNAN }],
    ['motstridiga uppgifter: annan i conversation, vår i channelData', { konversation: ANNAN, kanal: VAR }],
    [
      'versaler och blanksteg runt vår tenant räknas inte som vår',
      { konversation: ` ${VAR.toUpperCase()} `, kanal: ` ${VAR.toUpperCase()} ` },
    ],
  ];

  for (const [variant, tenant] of varianter) {
    it(`${variant}: avvisas, loggas och får inga siffror; inget lagras`, async () => {
      let antal = 0;
      for (const { namn, aktivitet } of framlingar(tenant)) {
        const fore = lagrat(store);
        const loggFore = rader.length;
        // The sender is a controller and an admin of ours, so only the tenant stands between them and the data.
        for (const anvandare of [CONTROLLER_SN, ADMIN]) {
          const svar = await kanal.skicka(
            { ...aktivitet, conversation: aktivitet.conversation, channelData: aktivitet.channelData },
            { anvandare, tenant: '' },
          );
          const allt = JSON.stringify(svar);
          assert.doesNotMatch(allt, DATA, `${namn}: svaret innehåller data: ${allt.slice(0, 300)}`);
          if (aktivitet.type === 'message') assert.match(allt, /inte öppen för din organisation/, `${namn}: inget besked`);
          antal++;
        }
        assert.equal(lagrat(store), fore, `${namn}: lagringen ändrades`);
        const loggat = rader
          .slice(loggFore)
          .map((r) => JSON.parse(r) as Record<string, unknown>)
          .filter((r) => r.msg === 'aktivitet från otillåten tenant avvisad');
        assert.equal(loggat.length, 2, `${namn}: avvisningen loggades inte`);
      }
      figur(`tenanter_avvisade_${varianter.findIndex(([v]) => v === variant)}`, antal);
    });
  }

  it('kontroll: samma aktiviteter från vår tenant besvaras med data', async () => {
    const svar = await kanal.skicka({ type: 'message', text: 'hur ligger IFO mot budget?' }, { anvandare: CONTROLLER_SN, tenant: VAR });
    assert.match(JSON.stringify(svar), /Individ- och familjeomsorg t\.o\.m\. november 2025/);
    const r = await kanal.invoke('spara_utfall', spara(), { anvandare: CONTROLLER_SN, tenant: VAR });
    assert.equal(r.status, 200);
    assert.equal(store.register.senasteVersion('bou', '2025-11')?.version, 2);
  });
});

describe('härdning 2: tenanter över HTTP med giltig token från en annan tenant', function () {
  this.timeout(60000);
  const sandlada = sinon.createSandbox();
  const nyckel = nyckelpar();
  const BOT_ID = '11111111-2222-3333-4444-555555555555';
  let store: Store;
  let connector: Connectorstub;
  let server: Server;
  const rader: string[] = [];

  before(async () => {
    sandlada
      .stub(OpenIdMetadata.prototype, 'getKey')
      .callsFake(async (kid: string) => (kid === NYCKEL_ID ? { key: nyckel.publikPem, endorsements: ['msteams'] } : null));
    sandlada.stub(AppCredentials.prototype, 'getToken').resolves('utgaende-testtoken');
    store = await demoStore();
    connector = await Connectorstub.starta();
    // No ALLOWED_TENANTS: the bot's own tenant is the only one.
    const bot = await httpbot(
      store,
      { BOT_ID, BOT_PASSWORD: 'hemligt', BOT_TENANT_ID: VAR },
      { logg: skapaLogg('debug', {}, (r) => rader.push(r)) },
    );
    assert.deepEqual(bot.config.allowedTenants, [VAR]);
    server = bot.server;
  });

  after(async () => {
    sandlada.restore();
    await server?.stang();
    await connector?.stang();
  });

  it('avvisas och loggas med korrelations-id; Bot Connector får bara beskedet, invoke-svaret har ingen data', async () => {
    const fore = lagrat(store);
    const token = `Bearer ${jwt(nyckel.privat, connectorClaims(BOT_ID, connector.url))}`;
    for (const { namn, aktivitet } of framlingar({ konversation: ANNAN, kanal: ANNAN })) {
      const id = `framling-${randomUUID()}`;
      const r = await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: token },
        body: JSON.stringify({
          channelId: 'msteams',
          serviceUrl: connector.url,
          from: { id: '29:x', aadObjectId: CONTROLLER_SN },
          recipient: { id: `28:${BOT_ID}` },
          ...aktivitet,
          id,
        }),
      });
      const kropp = await r.text();
      assert.doesNotMatch(kropp, DATA, `${namn}: HTTP-svaret innehåller data`);
      assert.ok(r.status < 500, `${namn}: ${r.status}`);
      if (aktivitet.type === 'invoke') assert.match(kropp, /inte öppen för din organisation/, `${namn}: kortet fick inget besked`);
      const logg = rader
        .map((x) => JSON.parse(x) as Record<string, unknown>)
        .find((x) => x.korrelation === id && x.msg === 'aktivitet från otillåten tenant avvisad');
      assert.ok(logg, `${namn}: ingen loggrad med korrelations-id`);
      assert.equal(logg.tenant, ANNAN);
    }
    assert.doesNotMatch(JSON.stringify(connector.mottaget.map((m) => m.kropp)), DATA);
    assert.ok(connector.mottaget.every((m) => /inte öppen för din organisation/.test(JSON.stringify(m.kropp))));
    assert.equal(lagrat(store), fore);
  });
});
