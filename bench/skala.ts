import { join } from 'node:path';
import { type Fillagring, Store } from '../src/store/store.js';
import { skapaFragor } from './fragor.js';
import { kör } from './last.js';
import { type GenAnvandare, type Organisation, lagringensStorlek, skapaOrganisation } from './organisation.js';
import { startaServerprocess } from './process.js';
import type { Skalrad } from './sammanstallning.js';
import type { Sink } from './sink.js';

/**
 * The scale curve (issue 20.2): the same generated municipality at each size (two measures a unit, three KPIs a
 * committee and area, as at 1 000), each measured the same way on the embedded store: import, questions in process,
 * start-up, questions over HTTP and card submissions, one size at a time, its store let go before the next.
 */
export interface Skalbench {
  storlekar: number[];
  manader: number;
  sista: string;
  seed: number;
  tmp: string;
  rot: string;
  nu: string;
  klocka: () => Date;
  sink: Sink;
  bygg(namn: string, org: Organisation): Promise<{ store: Fillagring; fil: string; importMs: number }>;
  iProcess(store: Fillagring, org: Organisation): number;
  meddelanden(
    fragor: Array<{ text: string }>,
    prefix: string,
    lasare: GenAnvandare[],
    samtal: number,
    serviceUrl: string,
  ): Array<{ id: string; [k: string]: unknown }>;
  inlamningar(
    org: Organisation,
    antal: number,
    seed: number,
    prefix: string,
    serviceUrl: string,
  ): Array<{ id: string; [k: string]: unknown }>;
  sparad(svar: { status: number; kropp: string }): boolean;
  rad(text: string): void;
}

const HTTP_UPPVARMNING = 600;
const HTTP_MATT = 600;
const INLAMNINGAR = 200;

const r2 = (v: number) => Math.round(v * 100) / 100;

export async function skalkurva(o: Skalbench): Promise<Skalrad[]> {
  const rader: Skalrad[] = [];
  for (const enheter of o.storlekar) {
    const org = skapaOrganisation({ enheter, manader: o.manader, atgarder: 2 * enheter, sista: o.sista, seed: o.seed });
    // The import's store is let go when this returns. Questions in process are asked of the file opened afresh, as the
    // server opens it: measured on the import's own store, right after it, a 10 000-unit heap full of the import's
    // garbage made them look 14 times slower than at 1 000 units, while a fresh open of the same file at the same load
    // gave within 1.4 times.
    const { fil, importMs } = await (async () => {
      const lagring = await o.bygg(`skala-${enheter}`, org);
      await lagring.store.vanta();
      return { fil: lagring.fil, importMs: lagring.importMs };
    })();
    const perSekund = await (async () => {
      const store = await Store.oppna(fil, o.klocka);
      const q = o.iProcess(store, org);
      await store.stang();
      return q;
    })();
    const bot = await startaServerprocess(
      `budgetkollen-${enheter}`,
      'src/index.ts',
      { STORE_PATH: fil, BUDGETKOLLEN_NOW: o.nu, LOG_LEVEL: 'info' },
      o.rot,
      join(o.tmp, `bot-skala-${enheter}.log`),
      600_000,
    );
    try {
      const vidStart = bot.minne().toppMb;
      const lasare = org.anvandare.filter((a) => a.roll === 'chef').slice(0, 8);
      const fragor = skapaFragor(org, HTTP_UPPVARMNING + HTTP_MATT, o.seed + 300);
      await kör(bot.port, o.meddelanden(fragor.slice(0, HTTP_UPPVARMNING), `uv-${enheter}`, lasare, 8, o.sink.url), 8, o.sink);
      const http = await kör(bot.port, o.meddelanden(fragor.slice(HTTP_UPPVARMNING), `h-${enheter}`, lasare, 8, o.sink.url), 8, o.sink);
      const efterLast = bot.minne().toppMb;
      const inl = o.inlamningar(org, INLAMNINGAR + 20, o.seed + 400, `s${enheter}`, o.sink.url);
      await kör(bot.port, inl.slice(0, 20), 1, null, o.sparad);
      const s = await kör(bot.port, inl.slice(20), 1, null, o.sparad);
      const rad: Skalrad = {
        units: org.enheter.length,
        months: o.manader,
        outcome_rows: org.rader.utfall,
        store_bytes: lagringensStorlek(fil),
        import_s: r2(importMs / 1000),
        startup_ms: Math.round(bot.startMs),
        rss_start_mb: Math.round(vidStart),
        rss_after_load_mb: Math.round(efterLast),
        questions_per_s: Math.round(perSekund),
        http_p50_ms: r2(http.p50),
        http_p99_ms: r2(http.p99),
        submit_p50_ms: r2(s.p50),
        submit_p99_ms: r2(s.p99),
        errors: http.fel + s.fel,
      };
      rader.push(rad);
      o.rad(
        `skala ${rad.units} enheter: store ${(rad.store_bytes / 1e6).toFixed(1)} MB, import ${rad.import_s} s, ${rad.questions_per_s} frågor/s i processen, /healthz efter ${rad.startup_ms} ms, RSS ${rad.rss_start_mb} MB vid start och ${rad.rss_after_load_mb} MB efter frågorna, http p50 ${rad.http_p50_ms} ms p99 ${rad.http_p99_ms} ms, inlämningar p50 ${rad.submit_p50_ms} ms p99 ${rad.submit_p99_ms} ms, ${rad.errors} fel`,
      );
    } finally {
      await bot.stoppa();
    }
  }
  return rader;
}
