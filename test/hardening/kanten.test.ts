// Issue 12, items 1, 2 and 7: the HTTP edge of a running bot with BOT_ID. Compressed bodies (broken gzip, gzip
// over the limit, decompression bombs) and multipart uploads, unauthenticated or with a forged token of the right
// form, are refused on their headers before a byte of the body is read; the process lives on and answers /healthz.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { Botprocess, skicka } from './botprocess.js';
import { NYCKEL_ID, connectorClaims, figur, jwt, nyckelpar } from './stod.js';

const BOT_ID = '11111111-2222-3333-4444-555555555555';

describe('härdning 9: HTTP-kanten med BOT_ID (issue 12: 1, 2, 7)', function () {
  this.timeout(120000);
  let bot: Botprocess;
  const falsk = `Bearer ${jwt(nyckelpar().privat, connectorClaims(BOT_ID, 'https://smba.trafficmanager.net/emea/'), { kid: NYCKEL_ID })}`;
  const aktivitet = JSON.stringify({
    type: 'message',
    id: 'kant-1',
    text: 'hur ligger IFO mot budget?',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: '29:x' },
    recipient: { id: `28:${BOT_ID}` },
    conversation: { id: 'a:x' },
  });
  const json = { 'content-type': 'application/json' };
  let attacker = 0;

  before(async () => {
    bot = await Botprocess.starta({ BOT_ID, BOT_PASSWORD: 'hemligt', BOT_TENANT_ID: 'tenant-asby' });
  });

  after(async () => {
    await bot?.stoppa();
    figur('kanten_attacker_med_bot_id', attacker);
  });

  it('gzip-huvud med en kropp som inte är gzip (en byte): 401 eller 415, processen lever', async () => {
    for (const auth of [{}, { authorization: falsk }] as Array<Record<string, string>>) {
      const r = await skicka(bot.url, { ...json, 'content-encoding': 'gzip', ...auth }, 'x');
      assert.equal(r.status, 'authorization' in auth ? 415 : 401, JSON.stringify(r));
      attacker++;
      await bot.halsa();
    }
  });

  it('giltig gzip över gränsen, gzip med fel längd och deflate/br: 415, processen lever', async () => {
    const stor = gzipSync(randomBytes(400 * 1024));
    const trasig = gzipSync(Buffer.from(aktivitet)).subarray(0, 20);
    for (const [kodning, kropp] of [
      ['gzip', stor],
      ['gzip', trasig],
      ['GZIP', stor],
      ['deflate', Buffer.from('x')],
      ['br', Buffer.from('x')],
      ['gzip, identity', stor],
    ] as const) {
      const r = await skicka(bot.url, { ...json, 'content-encoding': kodning, authorization: falsk }, kropp);
      assert.equal(r.status, 415, `${kodning}: ${JSON.stringify(r)}`);
      attacker++;
      await bot.halsa();
    }
  });

  it('dekomprimeringsbomb (64 MB JSON i 64 KB gzip): 415 utan att minnet växer', async () => {
    const bomb = gzipSync(Buffer.from(`{"type":"message","text":"${'a'.repeat(64 * 1024 * 1024)}"}`), { level: 9 });
    assert.ok(bomb.length < 256 * 1024, `bomben är ${bomb.length} byte`);
    const fore = bot.rss();
    for (let i = 0; i < 3; i++) {
      const r = await skicka(bot.url, { ...json, 'content-encoding': 'gzip', authorization: falsk }, bomb);
      assert.equal(r.status, 415);
      attacker++;
    }
    await bot.halsa();
    const okning = bot.rss() - fore;
    figur('kanten_bomb_rss_okning_mb', Math.round(okning / 1e5) / 10);
    assert.ok(okning < 32 * 1024 * 1024, `minnet växte med ${Math.round(okning / 1e6)} MB`);
  });

  it('svarar på huvudena utan att vänta på kroppen: utan token 401, för stor 413, komprimerad 415', async () => {
    const stort = { ...json, 'content-length': String(50 * 1024 * 1024) };
    assert.equal((await skicka(bot.url, stort, '', { utanKropp: true })).status, 401);
    assert.equal((await skicka(bot.url, { ...stort, authorization: 'Bearer abc' }, '', { utanKropp: true })).status, 401);
    assert.equal((await skicka(bot.url, { ...stort, authorization: falsk }, '', { utanKropp: true })).status, 413);
    assert.equal(
      (
        await skicka(bot.url, { ...json, 'content-length': '1000', 'content-encoding': 'gzip', authorization: falsk }, '', {
          utanKropp: true,
        })
      ).status,
      415,
    );
    attacker += 4;
    await bot.halsa();
  });

  it('multipart/form-data och formulär: 401 eller 415, och inga upload_*-filer i temp-katalogen', async () => {
    const grans = 'grans123';
    // A file formidable would have saved, small enough to be in the socket whole before the answer comes: the
    // server answers on the headers, and a larger body could meet the closed connection (EPIPE) instead of the answer.
    const fil = randomBytes(36 * 1024).toString('base64');
    const multipart = [
      `--${grans}`,
      'Content-Disposition: form-data; name="fil"; filename="a.bin"',
      'Content-Type: application/octet-stream',
      '',
      fil,
      `--${grans}`,
      'Content-Disposition: form-data; name="type"',
      '',
      'message',
      `--${grans}--`,
      '',
    ].join('\r\n');
    for (const auth of [{}, { authorization: falsk }] as Array<Record<string, string>>) {
      const r = await skicka(bot.url, { 'content-type': `multipart/form-data; boundary=${grans}`, ...auth }, multipart);
      assert.equal(r.status, 'authorization' in auth ? 415 : 401, JSON.stringify(r));
      const f = await skicka(bot.url, { 'content-type': 'application/x-www-form-urlencoded', ...auth }, 'type=message&text=hej');
      assert.equal(f.status, 'authorization' in auth ? 415 : 401, JSON.stringify(f));
      const t = await skicka(bot.url, { 'content-type': 'text/plain', ...auth }, aktivitet);
      assert.equal(t.status, 'authorization' in auth ? 415 : 401, JSON.stringify(t));
      attacker += 3;
    }
    await bot.halsa();
    assert.deepEqual(
      readdirSync(bot.tmp).filter((f) => f.startsWith('upload_')),
      [],
      'formidable lämnade filer i temp-katalogen',
    );
  });

  it('avvisningarna loggas som varningar, högst 10 per minut; en aktivitet som JSON med en falsk token når tokenkontrollen (401)', async () => {
    const r = await skicka(bot.url, { 'content-type': 'application/json; charset=utf-8', authorization: 'Bearer a.b.c' }, aktivitet);
    assert.equal(r.status, 401);
    const avvisade = bot.rader().filter((x) => x.msg === 'avvisad vid kanten');
    assert.ok(avvisade.length >= 1 && avvisade.length <= 10, `${avvisade.length} rader om avvisningar vid kanten (högst 10 per minut)`);
    assert.ok(
      bot.rader().every((x) => x.niva !== 'error'),
      bot.fel,
    );
    await bot.halsa();
  });
});
