import assert from 'node:assert/strict';
import sinon from 'sinon';
import {
  Hastighetsgrans,
  Leveransundantag,
  OSAKERT,
  TEAMS_GRANSER,
  type Leverans,
  type Tid,
  type Transport,
  Utkorgsavsandare,
} from '../../src/alerts/utkorg.js';
import { skapaLogg } from '../../src/logg.js';
import { Store } from '../../src/store/store.js';
import { tolkaLeveransfel } from '../../src/teams/avsandare.js';
import { NU, type Scen, scen } from './scen.js';

type Svarskod = 200 | { status: number; retryAfter?: string; kod?: string };

/**
 * A Bot Connector as the sender sees it: answers with the next code in line, failing with errors shaped like
 * botbuilder's RestError, read the way the Teams transport reads them.
 */
class Kopplingsstubbe implements Transport {
  readonly anrop: Array<{ tid: number; konversation: string; utskick: string; text: string }> = [];
  constructor(
    private readonly klocka: () => number,
    private readonly svar: Svarskod[] = [],
  ) {}

  async skicka(l: Leverans): Promise<void> {
    this.anrop.push({ tid: this.klocka(), konversation: l.konversation.id, utskick: l.utskick.id, text: l.svar.text });
    const s = this.svar.shift() ?? 200;
    if (s === 200) return;
    const rubriker = new Map(s.retryAfter ? [['retry-after', s.retryAfter]] : []);
    const fel = Object.assign(new Error(`Operation returned an invalid status code '${s.status}'`), {
      name: 'RestError',
      statusCode: s.status,
      response: {
        status: s.status,
        headers: { get: (n: string) => rubriker.get(n.toLowerCase()) },
        bodyAsText: s.kod ? JSON.stringify({ error: { code: s.kod, message: 'x' } }) : '',
      },
    });
    throw new Leveransundantag(tolkaLeveransfel(fel, this.klocka()));
  }
}

const T0 = Date.parse('2025-12-10T12:00:00Z');

describe('larm: avsändaren (utkorgen töms med omförsök)', () => {
  let klocka: sinon.SinonFakeTimers;
  let tid: Tid;
  let s: Scen;
  const loggrader: string[] = [];
  const logg = skapaLogg('debug', {}, (r) => loggrader.push(r));
  const avsandare: Utkorgsavsandare[] = [];

  const starta = (transport: Transport, store: Store = s.store) => {
    const a = new Utkorgsavsandare({ store, transport, logg, tid, slump: () => 1 });
    avsandare.push(a);
    a.starta();
    return a;
  };
  /**
   * Lets fake time pass in steps of 500 ms (every wait in these tests is a multiple of it), and after each
   * step waits for a pass in progress, which may be writing to disk in real time, so no timer fires late.
   */
  const vanta = async (ms: number) => {
    let kvar = ms;
    do {
      const steg = Math.min(500, kvar);
      await klocka.tickAsync(steg);
      for (const a of avsandare) await a.vila();
      kvar -= steg;
    } while (kvar > 0);
  };
  const utskick = (id: string, store: Store = s.store) => store.dokument.utskick.find((u) => u.id === id)!;

  beforeEach(async () => {
    loggrader.length = 0;
    klocka = sinon.useFakeTimers({ now: T0, toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    tid = { nu: () => klocka.now, sätt: (fn, ms) => klocka.setTimeout(fn, ms), rensa: (h) => klocka.clearTimeout(h as number) };
    s = await scen(() => new Date(NU));
    await s.prenumerera('kanal-1', 'bou');
    await s.rapportera('bou', '2025-11', 10000, 10300);
    assert.equal(s.store.dokument.utskick.length, 1);
  });

  afterEach(async () => {
    for (const a of avsandare.splice(0)) await a.stoppa();
    klocka.restore();
  });

  it('500, sedan 429 med Retry-After, sedan 200: levererat exakt en gång, med väntetiderna respekterade och allt sparat', async () => {
    const id = 'larm|kanal-1|bou|2025-11|varning';
    const k = new Kopplingsstubbe(() => klocka.now, [{ status: 500 }, { status: 429, retryAfter: '7' }, 200]);
    starta(k);
    await vanta(0);
    assert.equal(k.anrop.length, 1);
    assert.deepEqual(
      { ...utskick(id), innehall: undefined },
      { ...utskick(id), innehall: undefined, status: 'väntar', forsok: 1, nasta_forsok: new Date(T0 + 2000).toISOString() },
    );
    assert.match(utskick(id).senaste_fel!, /^500: /);

    await vanta(1999);
    assert.equal(k.anrop.length, 1, 'inget nytt försök före backoff (2 s)');
    await vanta(1);
    assert.equal(k.anrop.length, 2);
    assert.equal(utskick(id).nasta_forsok, new Date(T0 + 2000 + 7000).toISOString(), 'Retry-After: 7 s');
    assert.match(utskick(id).senaste_fel!, /^429: /);

    await vanta(6999);
    assert.equal(k.anrop.length, 2, 'inget nytt försök före Retry-After');
    await vanta(1);
    assert.deepEqual(
      k.anrop.map((a) => a.tid - T0),
      [0, 2000, 9000],
    );
    const u = utskick(id);
    assert.equal(u.status, 'skickat');
    assert.equal(u.forsok, 3);
    assert.equal(u.skickat, new Date(T0 + 9000).toISOString());
    assert.equal(u.nasta_forsok, null);

    await vanta(60_000);
    assert.equal(k.anrop.length, 3, 'aldrig igen');
    // durable: another process opening the file sees it as sent
    const igen = await Store.oppna(s.store.plats, () => new Date(NU));
    assert.equal(utskick(id, igen).status, 'skickat');
    // the message is the alert itself
    assert.match(k.anrop[2].text, /^\*\*Varning: Barn och unga t\.o\.m\. november 2025\*\*/);
  });

  it('backoff fördubblas med jitter, och ett utskick ges upp som misslyckat efter max antal försök', async () => {
    const k = new Kopplingsstubbe(
      () => klocka.now,
      Array.from({ length: 20 }, () => ({ status: 503 })),
    );
    const a = new Utkorgsavsandare({ store: s.store, transport: k, logg, tid, slump: () => 0, basMs: 1000, maxMs: 8000, maxForsok: 6 });
    avsandare.push(a);
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6].map((n) => a.fordrojning(n)),
      [500, 1000, 2000, 4000, 4000, 4000],
      'slump 0: halva den fulla väntan',
    );
    a.starta();
    await vanta(0);
    await vanta(30_000);
    assert.equal(k.anrop.length, 6);
    assert.deepEqual(
      k.anrop.map((x) => x.tid - T0),
      [0, 500, 1500, 3500, 7500, 11500],
    );
    const u = s.store.dokument.utskick[0];
    assert.equal(u.status, 'misslyckat');
    assert.equal(u.forsok, 6);
    assert.match(u.senaste_fel!, /^503/);
    assert.ok(loggrader.some((r) => /larm kunde inte skickas/.test(r)));
  });

  it('ett utskick som kan ha kommit fram (inget svar) skickas aldrig igen: det står som osäkert i larmstatus och loggas som fel', async () => {
    const id = 'larm|kanal-1|bou|2025-11|varning';
    const anrop: number[] = [];
    const transport: Transport = {
      skicka: async () => {
        anrop.push(klocka.now);
        throw new Leveransundantag({
          status: null,
          kod: null,
          vantaMs: null,
          meddelande: 'The operation was aborted.',
          kanHaKommitFram: true,
        });
      },
    };
    starta(transport);
    await vanta(0);
    await vanta(600_000);
    assert.equal(anrop.length, 1, 'skickades igen');
    const u = utskick(id);
    assert.equal(u.status, 'misslyckat');
    assert.equal(u.forsok, 1);
    assert.equal(u.nasta_forsok, null);
    assert.ok(u.senaste_fel!.startsWith(OSAKERT), u.senaste_fel!);
    assert.match(u.senaste_fel!, /The operation was aborted/);
    assert.ok(loggrader.some((r) => /"niva":"error".*kan ha kommit fram/.test(r)));
    const igen = await Store.oppna(s.store.plats, () => new Date(NU));
    assert.equal(utskick(id, igen).status, 'misslyckat', 'beslutet är sparat: en omstart skickar det inte heller');
  });

  it('403 BotNotInConversationRoster stänger av konversationen och dess prenumerationer och loggar det; andra konversationer får sina larm', async () => {
    await s.prenumerera('kanal-2', 'bou');
    await s.rapportera('bou', '2025-11', 10000, 10600); // kritisk: one entry each for kanal-1 and kanal-2
    const k = new Kopplingsstubbe(() => klocka.now, [{ status: 403, kod: 'BotNotInConversationRoster' }, 200, 200]);
    starta(k);
    await vanta(0);
    await vanta(0);
    const dok = s.store.dokument;
    assert.equal(dok.konversationer.find((x) => x.id === 'kanal-1')!.aktiv, false);
    assert.equal(dok.prenumerationer.find((p) => p.konversation === 'kanal-1')!.aktiv, false);
    assert.deepEqual(
      dok.utskick.filter((u) => u.konversation === 'kanal-1').map((u) => [u.slag, u.status]),
      [
        ['varning', 'misslyckat'],
        ['kritisk', 'misslyckat'],
      ],
    );
    assert.match(dok.utskick[0].senaste_fel!, /403 BotNotInConversationRoster/);
    assert.deepEqual(
      dok.utskick.filter((u) => u.konversation === 'kanal-2').map((u) => u.status),
      ['skickat'],
    );
    assert.deepEqual(
      k.anrop.map((a) => a.konversation),
      ['kanal-1', 'kanal-2'],
    );
    const rad = loggrader
      .map((r) => JSON.parse(r) as Record<string, unknown>)
      .find((r) => r.konversation === 'kanal-1' && r.status === 403);
    assert.ok(rad, 'avstängningen loggas');
    assert.equal(rad.kod, 'BotNotInConversationRoster');
    // later changes plan nothing for the silenced conversation
    await s.rapportera('bou', '2025-12', 11000, 9000);
    assert.deepEqual(
      s.store.dokument.utskick.filter((u) => u.period === '2025-12').map((u) => `${u.konversation} ${u.slag}`),
      ['kanal-2 återställt'],
    );
  });

  it('404 ConversationNotFound stänger också av; ett annat 4xx-fel ger upp utan omförsök', async () => {
    const k = new Kopplingsstubbe(() => klocka.now, [{ status: 404, kod: 'ConversationNotFound' }]);
    starta(k);
    await vanta(0);
    assert.equal(s.store.dokument.konversationer.find((x) => x.id === 'kanal-1')!.aktiv, false);

    const s2 = await scen(() => new Date(NU));
    await s2.prenumerera('kanal-1', 'bou');
    await s2.rapportera('bou', '2025-11', 10000, 10300);
    const k2 = new Kopplingsstubbe(() => klocka.now, [{ status: 400, kod: 'BadArgument' }]);
    starta(k2, s2.store);
    await vanta(0);
    await vanta(60_000);
    assert.equal(k2.anrop.length, 1);
    assert.equal(s2.store.dokument.utskick[0].status, 'misslyckat');
    assert.equal(s2.store.dokument.konversationer[0].aktiv, true, '400 stänger inte av konversationen');
  });

  it('håller Teams gränser per konversation (7 per sekund, 8 per 2 s) och skickar i ordning', async () => {
    // ten alerts for one conversation at once: ten units under one subscription
    await s.store.ändra({ vem: 't', kalla: 'system' }, (tx) => {
      const mall = tx.register.dokument.utskick[0];
      for (let i = 2; i <= 10; i++) tx.sätt('utskick', { ...mall, id: `${mall.id}|${i}` });
    });
    const k = new Kopplingsstubbe(() => klocka.now);
    starta(k);
    await vanta(0);
    await vanta(5000);
    assert.equal(k.anrop.length, 10);
    const tider = k.anrop.map((a) => a.tid - T0);
    for (const t of tider) {
      assert.ok(tider.filter((x) => x > t - 1000 && x <= t).length <= 7, `mer än 7 inom en sekund: ${tider}`);
      assert.ok(tider.filter((x) => x > t - 2000 && x <= t).length <= 8, `mer än 8 inom två sekunder: ${tider}`);
    }
    assert.deepEqual(tider, [0, 0, 0, 0, 0, 0, 0, 1000, 2000, 2000]);
    assert.deepEqual(
      k.anrop.map((a) => a.utskick.split('|').length),
      [5, 6, 6, 6, 6, 6, 6, 6, 6, 6],
    );
    assert.deepEqual(
      k.anrop.slice(1).map((a) => Number(a.utskick.split('|')[5])),
      [2, 3, 4, 5, 6, 7, 8, 9, 10],
    );
  });

  it('en konversation som väntar på omförsök håller inte upp en annan', async () => {
    await s.prenumerera('kanal-2', 'bou');
    await s.rapportera('bou', '2025-11', 10000, 10600);
    const k = new Kopplingsstubbe(() => klocka.now, [{ status: 500 }, 200, 200]);
    starta(k);
    await vanta(0);
    await vanta(0);
    // kanal-1: varning failed (backoff), its kritisk waits behind it; kanal-2 already got its kritisk
    assert.deepEqual(
      k.anrop.map((a) => `${a.konversation} ${a.utskick.split('|')[4]}`),
      ['kanal-1 varning', 'kanal-2 kritisk'],
    );
    await vanta(2000);
    await vanta(0);
    assert.deepEqual(
      k.anrop.map((a) => `${a.konversation} ${a.utskick.split('|')[4]}`),
      ['kanal-1 varning', 'kanal-2 kritisk', 'kanal-1 varning', 'kanal-1 kritisk'],
    );
  });

  it('efter en omstart fortsätter en ny avsändare där den förra slutade: sparad väntetid respekteras, inget skickas två gånger', async () => {
    const id = 'larm|kanal-1|bou|2025-11|varning';
    const forsta = starta(new Kopplingsstubbe(() => klocka.now, [{ status: 500 }]));
    await vanta(0);
    await forsta.stoppa();
    const store2 = await Store.oppna(s.store.plats, () => new Date(NU));
    assert.equal(utskick(id, store2).nasta_forsok, new Date(T0 + 2000).toISOString());
    const k = new Kopplingsstubbe(() => klocka.now);
    starta(k, store2);
    await vanta(1999);
    assert.equal(k.anrop.length, 0);
    await vanta(1);
    assert.equal(k.anrop.length, 1);
    assert.equal(utskick(id, store2).status, 'skickat');
    const store3 = await Store.oppna(s.store.plats, () => new Date(NU));
    const k3 = new Kopplingsstubbe(() => klocka.now);
    starta(k3, store3);
    await vanta(10_000);
    assert.equal(k3.anrop.length, 0);
  });

  it('ett larm till en konversation som hunnit avinstalleras skickas inte', async () => {
    await s.store.ändra({ vem: 't', kalla: 'system' }, (tx) => {
      const k = tx.register.dokument.konversationer.find((x) => x.id === 'kanal-1')!;
      tx.sätt('konversationer', { ...k, aktiv: false });
    });
    const k = new Kopplingsstubbe(() => klocka.now);
    starta(k);
    await vanta(0);
    assert.equal(k.anrop.length, 0);
    assert.equal(s.store.dokument.utskick[0].status, 'misslyckat');
    assert.match(s.store.dokument.utskick[0].senaste_fel!, /inte längre aktiv/);
  });

  describe('Hastighetsgrans', () => {
    it('60 per 30 s: det 61:a inlägget till en konversation väntar tills det första är 30 s gammalt; andra konversationer påverkas inte', () => {
      const g = new Hastighetsgrans(TEAMS_GRANSER);
      for (let i = 0; i < 60; i++) g.notera('a', T0 + i * 300); // 60 posts over 17,7 s: within 7/s and 8/2 s
      assert.equal(g.tidigast('a', T0 + 18_000), T0 + 30_000);
      assert.equal(g.tidigast('a', T0 + 30_000), T0 + 30_000);
      assert.equal(g.tidigast('b', T0 + 18_000), T0 + 18_000);
    });
  });

  describe('tolkaLeveransfel (src/teams/avsandare.ts)', () => {
    it('läser status, felkod och Retry-After (sekunder eller datum) ur olika former av fel', () => {
      const nu = Date.parse('2025-12-10T12:00:00Z');
      assert.deepEqual(
        tolkaLeveransfel(
          { statusCode: 429, message: 'Too many', response: { headers: { get: (n: string) => (n === 'retry-after' ? '3' : undefined) } } },
          nu,
        ),
        { status: 429, kod: null, vantaMs: 3000, meddelande: 'Too many', kanHaKommitFram: false },
      );
      assert.equal(tolkaLeveransfel({ status: 429, headers: { 'Retry-After': 'Wed, 10 Dec 2025 12:00:30 GMT' } }, nu).vantaMs, 30_000);
      assert.equal(
        tolkaLeveransfel({ statusCode: 403, body: { error: { code: 'BotNotInConversationRoster' } } }, nu).kod,
        'BotNotInConversationRoster',
      );
      assert.deepEqual(tolkaLeveransfel(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), nu), {
        status: null,
        kod: 'ECONNREFUSED',
        vantaMs: null,
        meddelande: 'connect ECONNREFUSED',
        kanHaKommitFram: false,
      });
    });

    it('skiljer ett fel före anslutningen (kan skickas igen) från ett utan svar (kan ha kommit fram)', () => {
      const nu = Date.parse('2025-12-10T12:00:00Z');
      const fel = (namn: string, meddelande: string, kod?: string) => Object.assign(new Error(meddelande), { name: namn, code: kod });
      const osaker = (e: unknown) => tolkaLeveransfel(e, nu).kanHaKommitFram;
      // botbuilder's time limit (the AbortError of @azure/core-rest-pipeline) and a connection broken mid-request
      assert.equal(
        osaker(fel('AbortError', 'The operation was aborted. Rejecting from abort signal callback while making request.')),
        true,
      );
      assert.equal(osaker(fel('RestError', 'socket hang up', 'ECONNRESET')), true);
      assert.equal(osaker(fel('RestError', 'read ETIMEDOUT', 'ETIMEDOUT')), true);
      // never reached the connector, or the connector answered: safe to send again
      assert.equal(osaker(fel('RestError', 'connect ECONNREFUSED 127.0.0.1:9', 'ECONNREFUSED')), false);
      assert.equal(osaker(fel('RestError', 'getaddrinfo ENOTFOUND smba.example', 'ENOTFOUND')), false);
      assert.equal(osaker({ statusCode: 503, message: 'Service Unavailable' }), false);
      assert.equal(osaker(new Error('AADSTS7000215: Invalid client secret')), false);
    });
  });
});
