import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Sink } from './sink.js';

export interface Matning {
  antal: number;
  fel: number;
  p50: number;
  p99: number;
  medel: number;
  perSekund: number;
  vaggMs: number;
}

export function percentil(sorterade: number[], p: number): number {
  if (!sorterade.length) return NaN;
  const i = Math.min(sorterade.length - 1, Math.max(0, Math.ceil((p / 100) * sorterade.length) - 1));
  return sorterade[i];
}

export function sammanfatta(tider: number[], fel: number, vaggMs: number): Matning {
  const s = [...tider].sort((a, b) => a - b);
  return {
    antal: s.length,
    fel,
    p50: percentil(s, 50),
    p99: percentil(s, 99),
    medel: s.reduce((a, b) => a + b, 0) / (s.length || 1),
    perSekund: (s.length / vaggMs) * 1000,
    vaggMs,
  };
}

/** POSTs one activity to /api/messages; resolves with the status and body when the response is complete. */
export function posta(agent: Agent, port: number, aktivitet: unknown): Promise<{ status: number; kropp: string }> {
  const data = Buffer.from(JSON.stringify(aktivitet), 'utf-8');
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/messages',
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': data.length },
      },
      (res) => {
        const delar: Buffer[] = [];
        res.on('data', (d: Buffer) => delar.push(d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, kropp: Buffer.concat(delar).toString('utf-8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(15_000, () => req.destroy(new Error('timeout mot /api/messages')));
    req.on('error', reject);
    req.end(data);
  });
}

/**
 * Sends `aktiviteter` with `samtidighet` requests in flight; the latency of each is from the start of its
 * POST to the arrival of the bot's reply at the sink (messages), or to the end of the HTTP response (invokes).
 */
export async function kör(
  port: number,
  aktiviteter: Array<{ id: string; [k: string]: unknown }>,
  samtidighet: number,
  sink: Sink | null,
  kontroll?: (svar: { status: number; kropp: string }) => boolean,
  samla?: number[],
): Promise<Matning> {
  const agent = new Agent({ keepAlive: true, maxSockets: samtidighet });
  const tider: number[] = [];
  let fel = 0;
  let nasta = 0;
  const start = performance.now();
  const arbetare = async () => {
    while (nasta < aktiviteter.length) {
      const a = aktiviteter[nasta++];
      const t0 = performance.now();
      try {
        const svar = sink ? sink.vanta(a.id).catch((e: Error) => e) : null;
        const http = await posta(agent, port, a);
        const t1 = svar ? await svar : performance.now();
        if (t1 instanceof Error || http.status >= 300 || (kontroll && !kontroll(http))) fel++;
        else tider.push(t1 - t0);
      } catch {
        fel++;
      }
    }
  };
  await Promise.all(Array.from({ length: samtidighet }, arbetare));
  const vagg = performance.now() - start;
  agent.destroy();
  samla?.push(...tider);
  return sammanfatta(tider, fel, vagg);
}
