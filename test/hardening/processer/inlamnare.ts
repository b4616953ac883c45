// Child process for krasch.test.ts: submits figures through the product's submit function (sparaUtfall, the
// path of the Action.Execute card) a few at a time, prints "ACK …" once each is durable, and sends the outbox
// through the product's adapter transport to the Bot Connector named in the references. The parent kills it.
//   STORE=<file> SEED=<n> [ARBETE=0] [SKICKA=1] node --import tsx test/hardening/processer/inlamnare.ts
import { randomUUID } from 'node:crypto';
import { skapaLogg } from '../../../src/logg.js';
import { sparaUtfall } from '../../support/inlamning.js';
import { Store } from '../../../src/store/store.js';
import { ALEX, ENHETER, PERIODER } from './konstanter.js';

let s = Number(process.env.SEED ?? 1) >>> 0;
const slump = () => {
  s = (s + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const valj = <T>(lista: T[]) => lista[Math.floor(slump() * lista.length)];

const store = await Store.oppna(process.env.STORE!, () => new Date('2025-12-10T12:00:00Z'));
const vem = { id: ALEX, anvandare: store.register.anvandare.get(ALEX) };

if (process.env.SKICKA) {
  // Loaded only when sending: botbuilder takes a second or two to load, and most runs only submit.
  const { Utkorgsavsandare } = await import('../../../src/alerts/utkorg.js');
  const { läsConfig } = await import('../../../src/config.js');
  const { skapaAdapter } = await import('../../../src/teams/adapter.js');
  const { adapterTransport } = await import('../../../src/teams/avsandare.js');
  // Warnings and errors go to stderr, which the parent shows when something fails.
  const logg = skapaLogg('warn', { barn: process.pid });
  const adapter = skapaAdapter(läsConfig({ HOST: '127.0.0.1', PORT: '0' }), logg, 5000);
  const avsandare = new Utkorgsavsandare({
    store,
    logg,
    transport: adapterTransport(adapter),
    intervallMs: 20,
    basMs: 50,
    maxMs: 200,
  });
  avsandare.starta();
}
process.stdout.write('REDO\n');

if (process.env.ARBETE === '0') {
  // Only sending: say when nothing is left to send.
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    if (!store.dokument.utskick.some((u) => u.status === 'väntar')) process.stdout.write('TOM\n');
  }
}

for (let n = 0; ; n++) {
  const antal = 1 + Math.floor(slump() * 3);
  await Promise.all(
    Array.from({ length: antal }, async () => {
      const enhet = valj(ENHETER);
      const period = valj(PERIODER);
      const version = store.register.senasteVersion(enhet, period)?.version ?? 0;
      // Around the warning and critical thresholds, so alerts come and go.
      const utfall = Math.round((900 + slump() * 250) * 10) / 10;
      const kortId = randomUUID();
      const r = await sparaUtfall(store, vem, {
        kortId,
        grundversion: version,
        grundenhet: enhet,
        grundperiod: period,
        enhet,
        period,
        budget_ack: '1 000',
        utfall_ack: String(utfall).replace('.', ','),
        budget_helar: '12 000',
        prognos_helar: '12 500',
        kommentar: `Inskick ${n}`,
      });
      if (r.typ === 'sparad' && !r.upprepad) process.stdout.write(`ACK ${kortId} ${enhet} ${period} ${r.ny.version} ${r.ny.utfall_ack}\n`);
      else if (r.typ === 'konflikt') process.stdout.write(`KONFLIKT ${kortId}\n`);
    }),
  );
}
