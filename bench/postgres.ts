import { randomBytes } from 'node:crypto';
import { type Server, createServer } from 'node:http';
import { Agent } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { besvara } from '../src/answers/besvara.js';
import { läsImportmapp } from '../src/store/import.js';
import { importera } from '../src/usecases/import.js';
import { Pglagring } from '../src/store/postgres/pglagring.js';
import type { Store } from '../src/store/store.js';
import { Miljofabrik } from '../src/answers/svarsmiljo.js';
import { type Matning, kör, percentil, posta, sammanfatta } from './last.js';
import { type Manadssiffror, type Organisation, rimligaSiffror } from './organisation.js';
import { foregaende, manad } from '../src/domain/period.js';
import { startaServerprocess } from './process.js';

/**
 * `npm run bench -- --postgres [adress]`: the same organisation on PostgreSQL. A database of its own on the
 * server (created and dropped; the address is the server's maintenance database, by default
 * postgres://postgres@127.0.0.1:5432/postgres): the import, questions in process on an instance's read model,
 * card submissions over HTTP to a bot on the database, and cross-instance visibility: from the receipt of a
 * submission to bot A until a question to bot B answers with the new figure.
 */
export interface Pgbench {
  admin: string;
  org: Organisation;
  csv: string;
  rot: string;
  tmp: string;
  nu: string;
  klocka: () => Date;
  /** the file store of the same organisation: questions in process are measured on both, in alternating rounds */
  filstore: Store;
  fragor: string[];
  uppvarmning: string[];
  /** the submissions (Action.Execute invokes) to send, the first 20 as warm-up */
  inlamningar: Array<{ id: string; [k: string]: unknown }>;
  sparad: (svar: { status: number; kropp: string }) => boolean;
  synlighet: number;
  rad: (text: string) => void;
}

export interface Pgresultat {
  pg_import_s: number;
  pg_questions_per_s: number;
  /** the file store in the same rounds, for the ratio */
  pg_questions_file_per_s: number;
  pg_questions_ratio: number;
  pg_startup_ms: number;
  pg_submit_p50_ms: number;
  pg_submit_p99_ms: number;
  pg_submit_errors: number;
  pg_visibility_p50_ms: number;
  pg_visibility_p99_ms: number;
  pg_visibility_samples: number;
}

/** A Bot Connector stand-in that keeps the text of each reply, so the bench can see what an answer said. */
async function svarsmottagare(): Promise<{ url: string; vanta(id: string, ms?: number): Promise<string>; stang(): Promise<void> }> {
  const vantande = new Map<string, (text: string) => void>();
  const server: Server = createServer((req, res) => {
    const delar: Buffer[] = [];
    req.on('data', (d: Buffer) => delar.push(d));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"id":"x"}');
      const m = /\/activities\/([^/?]+)/.exec(req.url ?? '');
      const id = m ? decodeURIComponent(m[1]) : '';
      const klar = vantande.get(id);
      if (!klar) return;
      vantande.delete(id);
      klar(Buffer.concat(delar).toString('utf-8'));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
    vanta: (id, ms = 10_000) =>
      new Promise((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`inget svar till ${id}`)), ms);
        vantande.set(id, (text) => {
          clearTimeout(t);
          resolve(text);
        });
      }),
    stang: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

const läsbar = (s: string) => s.replace(/\\u00a0|\\u202f|[\u00a0\u202f]/g, ' ').replace(/\\u2212|\u2212/g, '-');
const tkr = (v: number) => läsbar(new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(v));

export async function benchPostgres(o: Pgbench): Promise<Pgresultat> {
  const namn = `bk_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: o.admin });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${namn}`);
  const url = new URL(o.admin);
  url.pathname = `/${namn}`;
  const adress = url.toString();
  const stopp: Array<() => Promise<void>> = [];
  try {
    // 1. The import: opening (migrations, an empty load) and the whole organisation in one transaction.
    const t = performance.now();
    const store = await Pglagring.oppna(adress, o.klocka, 'bench');
    stopp.push(() => store.stang());
    await importera(store, läsImportmapp(o.csv));
    const importS = (performance.now() - t) / 1000;
    o.rad(`postgres: importerat på ${importS.toFixed(1)} s (${store.dokument.utfall.length} utfallsrader)`);

    // 2. Questions in process, over the read model of an instance opened on the database as a server opens it, and
    // over the file store opened afresh the same way, in the same rounds, taking turns, so that the shared machine's
    // moods hit both. Not over the importing instance: its rows are the import's objects, among the import's garbage.
    const lasare = await Pglagring.oppna(adress, o.klocka, 'bench-lasare');
    stopp.push(() => lasare.stang());
    const fabriker = { pg: new Miljofabrik(lasare, o.klocka), fil: new Miljofabrik(o.filstore, o.klocka) };
    for (const f of Object.values(fabriker)) for (const q of o.uppvarmning) besvara(q, f.skapa(undefined, undefined));
    const ms = { pg: 0, fil: 0 };
    const RUNDOR = 12;
    for (let i = 0; i < RUNDOR; i++) {
      const del = o.fragor.slice(Math.floor((i * o.fragor.length) / RUNDOR), Math.floor(((i + 1) * o.fragor.length) / RUNDOR));
      for (const vem of i % 2 ? (['fil', 'pg'] as const) : (['pg', 'fil'] as const)) {
        const t0 = performance.now();
        for (const q of del) besvara(q, fabriker[vem].skapa(undefined, undefined));
        ms[vem] += performance.now() - t0;
      }
    }
    const perSekund = (o.fragor.length / ms.pg) * 1000;
    const filPerSekund = (o.fragor.length / ms.fil) * 1000;
    o.rad(
      `postgres: frågor i processen ${perSekund.toFixed(0)} frågor/s; filen i samma omgångar ${filPerSekund.toFixed(0)} frågor/s (kvot ${(perSekund / filPerSekund).toFixed(2)})`,
    );

    // 3. Two bots on the database.
    const mottagare = await svarsmottagare();
    stopp.push(() => mottagare.stang());
    const env = { STORE_URL: adress, BUDGETKOLLEN_NOW: o.nu, LOG_LEVEL: 'warn' };
    const botA = await startaServerprocess('budgetkollen-pg-a', 'src/index.ts', env, o.rot, join(o.tmp, 'bot-pg-a.log'));
    stopp.push(() => botA.stoppa());
    const botB = await startaServerprocess('budgetkollen-pg-b', 'src/index.ts', env, o.rot, join(o.tmp, 'bot-pg-b.log'));
    stopp.push(() => botB.stoppa());
    o.rad(`postgres: två botar uppe, /healthz efter ${botA.startMs.toFixed(0)} ms och ${botB.startMs.toFixed(0)} ms`);

    // 4. Submissions to A, one at a time, after 20 to warm up.
    await kör(botA.port, o.inlamningar.slice(0, 20), 1, null, o.sparad);
    const tider: number[] = [];
    const inl: Matning = await kör(botA.port, o.inlamningar.slice(20), 1, null, o.sparad, tider);
    o.rad(
      `postgres: inlämningar p50 ${inl.p50.toFixed(2)} ms p99 ${inl.p99.toFixed(2)} ms, ${inl.perSekund.toFixed(0)} per sekund, ${inl.fel} fel av ${o.inlamningar.length - 20}`,
    );

    // 5. Visibility: a figure saved through A, until B answers a question with it.
    const agent = new Agent({ keepAlive: true, maxSockets: 2 });
    const synlighet: number[] = [];
    await store.ikapp();
    for (let i = 0; i < o.synlighet; i++) {
      const enhet = o.org.lov[(i * 7919) % o.org.lov.length];
      const controller = o.org.controllerFor.get(enhet.namnd!)!;
      await store.ikapp();
      const version = store.register.senasteVersion(enhet.id, periodNu(o.nu))?.version ?? 0;
      const period = periodNu(o.nu);
      const fore = o.org.senaste.get(`${enhet.id}|${foregaende(period)}`);
      if (!fore) throw new Error(`synlighet: ${enhet.namn} har inga siffror för ${foregaende(period)}`);
      const siffror = rimligaSiffror(fore, manad(period), 0.001 * (i + 1), 0);
      const utfall = siffror.utfall_ack;
      const kort = invoke(`syn-${i}`, mottagare.url, controller, enhet.id, period, version, siffror);
      const kvitto = await posta(agent, botA.port, kort);
      const t0 = performance.now();
      if (!o.sparad(kvitto)) throw new Error(`synlighet: inskicket sparades inte: ${kvitto.kropp.slice(0, 300)}`);
      for (let f = 0; ; f++) {
        const id = `syn-${i}-fraga-${f}`;
        const svar = mottagare.vanta(id);
        await posta(agent, botB.port, fraga(id, mottagare.url, controller, `hur ligger ${enhet.namn} mot budget i ${manadsnamn(o.nu)}?`));
        const text = läsbar(await svar);
        if (text.includes(`Utfall ${tkr(utfall)} tkr`)) {
          synlighet.push(performance.now() - t0);
          break;
        }
        if (performance.now() - t0 > 10_000)
          throw new Error(`synlighet: B svarade inte med den nya siffran inom 10 s: ${text.slice(0, 300)}`);
      }
    }
    agent.destroy();
    const s = [...synlighet].sort((x, y) => x - y);
    const syn = sammanfatta(s, 0, 1);
    o.rad(
      `postgres: synlighet från kvitto i A till svar från B: p50 ${syn.p50.toFixed(1)} ms p99 ${syn.p99.toFixed(1)} ms över ${s.length} inskick`,
    );
    return {
      pg_import_s: Math.round(importS * 10) / 10,
      pg_questions_per_s: Math.round(perSekund),
      pg_questions_file_per_s: Math.round(filPerSekund),
      pg_questions_ratio: Math.round((perSekund / filPerSekund) * 100) / 100,
      pg_startup_ms: Math.round(botA.startMs),
      pg_submit_p50_ms: Math.round(inl.p50 * 100) / 100,
      pg_submit_p99_ms: Math.round(inl.p99 * 100) / 100,
      pg_submit_errors: inl.fel,
      pg_visibility_p50_ms: Math.round(percentil(s, 50) * 10) / 10,
      pg_visibility_p99_ms: Math.round(percentil(s, 99) * 10) / 10,
      pg_visibility_samples: s.length,
    };
  } finally {
    for (const f of stopp.reverse()) await f().catch(() => undefined);
    await admin.query(`DROP DATABASE IF EXISTS ${namn} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

const periodNu = (nu: string) => nu.slice(0, 7);
const MANADER = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];
const manadsnamn = (nu: string) => `${MANADER[Number(nu.slice(5, 7)) - 1]} ${nu.slice(0, 4)}`;

const TENANT = 'bench-tenant';
function bas(id: string, serviceUrl: string, anv: { id: string; namn: string }) {
  return {
    id,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${anv.id}`, aadObjectId: anv.id, name: anv.namn },
    recipient: { id: '28:budgetkollen', name: 'Budgetkollen' },
    conversation: { id: `a:syn-${anv.id}`, conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
    locale: 'sv-SE',
  };
}

function fraga(id: string, serviceUrl: string, anv: { id: string; namn: string }, text: string) {
  return { ...bas(id, serviceUrl, anv), type: 'message', text, textFormat: 'plain' };
}

function invoke(
  id: string,
  serviceUrl: string,
  anv: { id: string; namn: string },
  enhet: string,
  period: string,
  grundversion: number,
  siffror: Manadssiffror,
) {
  const sv = (v: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(v);
  return {
    ...bas(id, serviceUrl, anv),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'spara_utfall',
        data: {
          kortId: `${id}-kort-${randomBytes(4).toString('hex')}`,
          grundversion: String(grundversion),
          grundenhet: enhet,
          grundperiod: period,
          enhet,
          period,
          budget_ack: sv(siffror.budget_ack),
          utfall_ack: sv(siffror.utfall_ack),
          budget_helar: sv(siffror.budget_helar),
          prognos_helar: sv(siffror.prognos_helar),
          kommentar: 'Synlighetsmätning.',
        },
      },
      trigger: 'manual',
    },
  };
}
