import assert from 'node:assert/strict';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { läsConfig } from '../../src/config.js';
import type { Store } from '../../src/store/store.js';
import { type Server } from '../../src/teams/server.js';
import { demoStore } from '../support/demo.js';
import { httpbot } from '../support/testbot.js';

/** A stand-in Bot Connector on loopback that records what the bot sends. */
async function sank(): Promise<{ url: string; mottaget: Array<{ sokvag: string; kropp: Record<string, unknown> }>; stang: () => void }> {
  const mottaget: Array<{ sokvag: string; kropp: Record<string, unknown> }> = [];
  const server: HttpServer = createServer((req, res) => {
    let data = '';
    req.on('data', (d) => {
      data += d;
    });
    req.on('end', () => {
      mottaget.push({ sokvag: req.url ?? '', kropp: data ? JSON.parse(data) : {} });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `svar-${mottaget.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, mottaget, stang: () => server.close() };
}

function aktivitet(serviceUrl: string, text: string) {
  return {
    type: 'message',
    id: 'a1',
    text,
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:u', aadObjectId: '00000000-0000-0000-0000-0000000000021', name: 'Megan' },
    recipient: { id: '28:bot', name: 'Budgetkollen' },
    conversation: { id: 'c1', conversationType: 'personal', tenantId: 't1' },
    channelData: { tenant: { id: 't1' } },
  };
}

async function starta(env: Record<string, string>, store: Store): Promise<Server> {
  return (await httpbot(store, { BUDGETKOLLEN_NOW: '2025-12-10', ...env })).server;
}

describe('integration: HTTP-servern', () => {
  it('vägrar starta oautentiserad utanför loopback eller i produktion, och säger vad som ska sättas', () => {
    assert.throws(() => läsConfig({ HOST: '0.0.0.0' }), /sätt BOT_ID, BOT_PASSWORD och BOT_TENANT_ID/);
    assert.throws(() => läsConfig({ NODE_ENV: 'production' }), /NODE_ENV=production/);
    assert.throws(() => läsConfig({ PORT: 'abc' }), /Ogiltig miljövariabel PORT/);
    assert.throws(() => läsConfig({ BUDGETKOLLEN_NOW: '2025-13-45' }), /BUDGETKOLLEN_NOW/);
    assert.equal(läsConfig({ HOST: '0.0.0.0', BOT_ID: 'x', BOT_PASSWORD: 'y', BOT_TENANT_ID: 't' }).allowedTenants[0], 't');
  });

  it('lokalt läge: /healthz svarar och en fråga får sitt svar via Bot Connector', async () => {
    const store = await demoStore();
    const s = await sank();
    const server = await starta({}, store);
    try {
      const h = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      assert.equal(h.status, 200);
      const r = await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(aktivitet(s.url, 'hur ligger IFO mot budget?')),
      });
      assert.ok(r.status < 300, String(r.status));
      const svar = s.mottaget.find((m) => m.sokvag.startsWith('/v3/conversations/c1/activities'));
      assert.ok(svar, JSON.stringify(s.mottaget.map((m) => m.sokvag)));
      assert.match(JSON.stringify(svar.kropp), /Individ- och familjeomsorg t.o.m. november 2025/);
    } finally {
      await server.stang();
      s.stang();
    }
  });

  it('med BOT_ID: utan giltig token 401 och inget behandlas', async () => {
    const store = await demoStore();
    const s = await sank();
    const server = await starta({ BOT_ID: '11111111-2222-3333-4444-555555555555', BOT_PASSWORD: 'hemligt', BOT_TENANT_ID: 't1' }, store);
    try {
      for (const auth of [undefined, 'Bearer abc', 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXI']) {
        const r = await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
          body: JSON.stringify(aktivitet(s.url, 'hur ligger IFO mot budget?')),
        });
        assert.equal(r.status, 401, `${auth}: ${r.status}`);
      }
      assert.equal(s.mottaget.length, 0);
    } finally {
      await server.stang();
      s.stang();
    }
  });

  it('med ALLOWED_TENANTS: en annan tenant får inga siffror', async () => {
    const store = await demoStore();
    const s = await sank();
    const server = await starta({ ALLOWED_TENANTS: 'annan-tenant' }, store);
    try {
      await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(aktivitet(s.url, 'hur ligger IFO mot budget?')),
      });
      const allt = JSON.stringify(s.mottaget);
      assert.doesNotMatch(allt, /tkr/);
      assert.match(allt, /inte öppen för din organisation/);
    } finally {
      await server.stang();
      s.stang();
    }
  });
});
