import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';

/** A server started as its own process, as `npm start` would, so the load generator does not share its event loop. */
export interface Serverprocess {
  namn: string;
  port: number;
  pid: number;
  /** ms from spawn to the first 200 from /healthz */
  startMs: number;
  /** the last lines the process wrote to stderr, for when something goes wrong */
  stderr(): string;
  /** peak and current resident memory in MB, from /proc/<pid>/status */
  minne(): { toppMb: number; nuMb: number };
  stoppa(): Promise<void>;
}

const levande = new Set<ChildProcess>();

/** Kills what is still running; called on every way out of the bench. */
export function stoppaAlla(): void {
  for (const p of levande) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  levande.clear();
}

export function ledigPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function healthz(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/healthz', method: 'GET', timeout: 500, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode === 200));
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
    req.end();
  });
}

function statusMb(pid: number, falt: string): number {
  const m = new RegExp(`^${falt}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf-8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/**
 * Spawns `node --import tsx <skript>` (plain `node` for a built `.js`) in the repository and waits until /healthz answers 200. Its stderr (the
 * JSON log) goes to `loggfil`, not to a pipe: a pipe the bench is slow to drain would block the server's writes.
 */
export async function startaServerprocess(
  namn: string,
  skript: string,
  env: Record<string, string>,
  rot: string,
  loggfil: string,
  maxMs = 120_000,
): Promise<Serverprocess> {
  const port = await ledigPort();
  const miljo: NodeJS.ProcessEnv = { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' };
  for (const k of ['BOT_ID', 'BOT_PASSWORD', 'BOT_TENANT_ID', 'ALLOWED_TENANTS', 'NODE_ENV']) delete miljo[k];
  const start = performance.now();
  // BENCH_CPU_PROF=<dir>: profile the servers too (node --cpu-prof), to see where their time goes.
  const profil = process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : [];
  // BENCH_NODE_ARGS="--trace-gc ...": more node flags for the servers, for diagnosis; their stdout goes to the log too.
  if (process.env.BENCH_NODE_ARGS) profil.push(...process.env.BENCH_NODE_ARGS.split(' ').filter(Boolean));
  const fd = openSync(loggfil, 'a');
  // built JavaScript (dist/, as `npm start` runs it) needs no TypeScript loader
  const lastare = skript.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const barn = spawn(process.execPath, [...profil, ...lastare, skript], {
    cwd: rot,
    env: miljo,
    stdio: ['ignore', process.env.BENCH_NODE_ARGS ? fd : 'ignore', fd],
  });
  closeSync(fd);
  levande.add(barn);
  const logg = () => {
    try {
      return readFileSync(loggfil, 'utf-8').slice(-8000);
    } catch {
      return '';
    }
  };
  let slut: string | null = null;
  barn.on('exit', (kod, signal) => {
    slut = `avslutades (${kod ?? signal})`;
  });
  for (;;) {
    if (slut) throw new Error(`${namn} ${slut} innan /healthz svarade:\n${logg()}`);
    if (await healthz(port)) break;
    if (performance.now() - start > maxMs) {
      barn.kill('SIGKILL');
      throw new Error(`${namn} svarade inte på /healthz inom ${maxMs} ms:\n${logg()}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const startMs = performance.now() - start;
  const pid = barn.pid!;
  return {
    namn,
    port,
    pid,
    startMs,
    stderr: logg,
    minne: () => ({ toppMb: statusMb(pid, 'VmHWM'), nuMb: statusMb(pid, 'VmRSS') }),
    stoppa: () =>
      new Promise<void>((resolve) => {
        if (barn.exitCode !== null || barn.signalCode !== null) {
          levande.delete(barn);
          resolve();
          return;
        }
        const t = setTimeout(() => barn.kill('SIGKILL'), 3000);
        barn.once('exit', () => {
          clearTimeout(t);
          levande.delete(barn);
          resolve();
        });
        barn.kill('SIGTERM');
      }),
  };
}
