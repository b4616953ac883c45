// Issue 12, items 13 and 14: the process itself. Configuration is normalised before it is judged, so
// `NODE_ENV=Production` does not start unauthenticated and `BOT_ID=" "` is refused in Swedish, not with a stack
// trace; and a crash (an uncaught exception, a promise nobody awaited) is one JSON line with the turn's
// correlation id, after which the process exits non-zero so that the platform restarts it.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { läsConfig } from '../../src/config.js';
import { Botprocess, skicka } from './botprocess.js';
import { Connectorstub, figur } from './stod.js';

describe('härdning 9: processen (issue 12: 13, 14)', function () {
  this.timeout(180000);

  describe('konfigurationen normaliseras och valideras', () => {
    const fall: Array<[string, Record<string, string>, RegExp]> = [
      ['NODE_ENV=Production utan BOT_ID', { NODE_ENV: 'Production' }, /startar inte oautentiserad med NODE_ENV=production/],
      ['NODE_ENV=" production" utan BOT_ID', { NODE_ENV: ' production' }, /startar inte oautentiserad med NODE_ENV=production/],
      ['NODE_ENV="PRODUCTION\\n" utan BOT_ID', { NODE_ENV: 'PRODUCTION\n' }, /startar inte oautentiserad med NODE_ENV=production/],
      [
        'BOT_ID=" " med lösenord och tenant',
        { BOT_ID: ' ', BOT_PASSWORD: 'hemligt', BOT_TENANT_ID: 'tenant-asby' },
        /Ogiltig miljövariabel BOT_ID: består bara av blanksteg/,
      ],
    ];

    it('avslutar med kod 1 och ett svenskt besked, utan stackspårning och innan lagringen skapas', async function () {
      // Two at a time: each start loads the whole bot, and the machine has two cores.
      const resultat = [];
      for (let i = 0; i < fall.length; i += 2) {
        resultat.push(
          ...(await Promise.all(
            fall.slice(i, i + 2).map(async ([namn, env, monster]) => ({ namn, monster, ...(await Botprocess.korTillSlut(env)) })),
          )),
        );
      }
      for (const r of resultat) {
        assert.equal(r.kod, 1, `${r.namn}: kod ${r.kod}\n${r.fel}`);
        assert.match(r.fel, r.monster, r.namn);
        assert.doesNotMatch(r.fel, /\n\s+at |AssertionError|Error:/, `${r.namn}: en stackspårning i stället för ett besked`);
        assert.ok(!existsSync(r.storePath), `${r.namn}: lagringen skapades`);
      }
      figur('konfiguration_vagrade_starter', resultat.length);
    });

    it('läsConfig: versaler, blanksteg och radbrytningar runt värden, blanksteg inuti ett id och variabler av bara blanksteg', () => {
      assert.equal(läsConfig({ NODE_ENV: 'PRODUCTION\n', BOT_ID: 'a', BOT_PASSWORD: 'p', BOT_TENANT_ID: 't' }).production, true);
      assert.throws(() => läsConfig({ NODE_ENV: '\tProduction' }), /startar inte oautentiserad med NODE_ENV=production/);
      assert.throws(
        () => läsConfig({ BOT_ID: '1111 2222', BOT_PASSWORD: 'p', BOT_TENANT_ID: 't' }),
        /BOT_ID: får inte innehålla blanksteg/,
      );
      assert.throws(() => läsConfig({ BOT_ID: 'x', BOT_PASSWORD: 'p', BOT_TENANT_ID: '  ' }), /BOT_TENANT_ID: består bara av blanksteg/);
      assert.throws(() => läsConfig({ BOT_PASSWORD: ' \n' }), /BOT_PASSWORD: består bara av blanksteg/);
      assert.equal(läsConfig({ LOG_LEVEL: ' WARN ' }).logLevel, 'warn');
      assert.equal(läsConfig({ RAPPORTERINGSRUNDA: 'Extern' }).rapporteringsrunda, 'extern');
      assert.equal(läsConfig({ HOST: ' 127.0.0.1 ' }).host, '127.0.0.1');
      // Variables that are not ours are not judged.
      assert.doesNotThrow(() => läsConfig({ PATH: ' ', HOME: '' }));
    });

    it('kontroll: blanksteg runt ett giltigt värde tas bort, och NODE_ENV=" Production " med BOT_ID startar autentiserad', async () => {
      const bot = await Botprocess.starta({
        NODE_ENV: ' Production ',
        BOT_ID: ' 11111111-2222-3333-4444-555555555555 ',
        BOT_PASSWORD: 'hemligt',
        BOT_TENANT_ID: 'tenant-asby ',
        LOG_LEVEL: ' INFO',
      });
      try {
        await bot.halsa();
        assert.doesNotMatch(bot.fel, /kör utan autentisering/);
        // Authenticated: a request without a token is refused.
        const r = await skicka(bot.url, { 'content-type': 'application/json' }, '{}');
        assert.equal(r.status, 401);
      } finally {
        await bot.stoppa();
      }
    });
  });

  describe('en krasch blir en JSON-rad med korrelations-id och kod 1', () => {
    let connector: Connectorstub;
    before(async () => {
      connector = await Connectorstub.starta();
    });
    after(async () => connector?.stang());

    for (const [namn, text, slag] of [
      ['ett undantag som ingen fångar', 'kasta ett undantag', 'uncaughtException'],
      ['ett löfte som ingen väntar på', 'glöm ett löfte', 'unhandledRejection'],
    ] as const) {
      it(`${namn} under en tur`, async () => {
        const bot = await Botprocess.starta({}, ['./test/hardening/processer/kraschar.ts']);
        try {
          const id = `krasch-${slag}`;
          await skicka(
            bot.url,
            { 'content-type': 'application/json' },
            JSON.stringify({
              type: 'message',
              id,
              text,
              channelId: 'msteams',
              serviceUrl: connector.url,
              from: { id: '29:u', aadObjectId: 'u' },
              recipient: { id: '28:b' },
              conversation: { id: 'a:krasch', conversationType: 'personal', tenantId: 'lokal' },
            }),
          ).catch(() => undefined);
          const slut = await bot.vantaPaSlut();
          assert.equal(slut.kod, 1, `kod ${slut.kod}, signal ${slut.signal}\n${bot.fel.slice(-2000)}`);
          const rader = bot.fel.trimEnd().split('\n');
          for (const rad of rader) assert.doesNotThrow(() => JSON.parse(rad), `inte JSON: ${rad}`);
          const sista = JSON.parse(rader[rader.length - 1]) as Record<string, unknown>;
          assert.equal(sista.niva, 'error');
          assert.equal(sista.msg, 'oväntat fel; processen avslutas');
          assert.equal(sista.slag, slag);
          assert.equal(sista.korrelation, id, 'raden saknar turens korrelations-id');
          assert.match(JSON.stringify(sista.fel), /provkrasch/);
        } finally {
          await bot.stoppa();
        }
      });
    }
  });
});
