// The real composition root (`src/index.ts`) in a process of its own, for attacks that could end the process:
// after each, the test asks whether it still answers /healthz.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tills } from './stod.js';

export class Botprocess {
  readonly barn: ChildProcess;
  readonly slut: Promise<{ kod: number | null; signal: NodeJS.Signals | null }>;
  /** Everything it wrote on stderr (its JSON log lines). */
  fel = '';
  port = 0;
  /** Its own temp directory (TMPDIR), where a multipart parser would leave upload_* files. */
  readonly tmp: string;

  private constructor(env: Record<string, string>, forladdning: string[]) {
    this.tmp = mkdtempSync(join(tmpdir(), 'bk-process-tmp-'));
    const rent = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(BOT_|HOST$|PORT$|NODE_ENV$|ALLOWED_TENANTS$|STORE_|LOG_LEVEL$)/.test(k)),
    );
    this.barn = spawn(process.execPath, ['--import', 'tsx', ...forladdning.flatMap((f) => ['--import', f]), 'src/index.ts'], {
      env: { ...rent, PORT: '0', HOST: '127.0.0.1', BUDGETKOLLEN_NOW: '2025-12-10', TMPDIR: this.tmp, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.barn.stderr!.on('data', (d: Buffer) => {
      this.fel += d.toString();
    });
    this.slut = new Promise((r) => this.barn.on('exit', (kod, signal) => r({ kod, signal })));
  }

  /** Starts the bot with `env` (a fresh store unless STORE_PATH is given) and waits until it listens. */
  static async starta(env: Record<string, string> = {}, forladdning: string[] = []): Promise<Botprocess> {
    const storePath = env.STORE_PATH ?? join(mkdtempSync(join(tmpdir(), 'bk-process-')), 'store.json');
    const b = new Botprocess({ ...env, STORE_PATH: storePath }, forladdning);
    await tills(() => /"msg":"lyssnar","port":\d+/.test(b.fel) || !b.lever, 60000, 'att boten lyssnar');
    if (!b.lever) throw new Error(`boten startade inte:\n${b.fel}`);
    b.port = Number(/"msg":"lyssnar","port":(\d+)/.exec(b.fel)![1]);
    return b;
  }

  /** Starts the bot and waits (at most `ms`) for it to end by itself: its exit code and what it wrote. */
  static async korTillSlut(env: Record<string, string>, ms = 60000): Promise<{ kod: number | null; fel: string; storePath: string }> {
    const storePath = env.STORE_PATH ?? join(mkdtempSync(join(tmpdir(), 'bk-process-')), 'store.json');
    const b = new Botprocess({ ...env, STORE_PATH: storePath }, []);
    const slut = await Promise.race([b.slut, new Promise<null>((r) => setTimeout(() => r(null), ms))]);
    if (slut === null) {
      await b.stoppa();
      throw new Error(`boten avslutades inte av sig själv inom ${ms} ms:\n${b.fel.slice(-2000)}`);
    }
    return { kod: slut.kod, fel: b.fel, storePath };
  }

  /** Waits (at most `ms`) for the process to end by itself. */
  async vantaPaSlut(ms = 30000): Promise<{ kod: number | null; signal: NodeJS.Signals | null }> {
    const slut = await Promise.race([this.slut, new Promise<null>((r) => setTimeout(() => r(null), ms))]);
    if (slut === null) throw new Error(`processen levde kvar efter ${ms} ms:\n${this.fel.slice(-2000)}`);
    return slut;
  }

  get lever(): boolean {
    return this.barn.exitCode === null && this.barn.signalCode === null;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Alive and answering /healthz with 200; otherwise what it last wrote. */
  async halsa(): Promise<void> {
    if (!this.lever) throw new Error(`processen har avslutats:\n${this.fel.slice(-3000)}`);
    const r = await fetch(`${this.url}/healthz`);
    if (r.status !== 200) throw new Error(`/healthz svarade ${r.status}`);
  }

  /** Resident memory in bytes, from /proc. */
  rss(): number {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${this.barn.pid}/status`, 'utf-8'));
    return Number(m![1]) * 1024;
  }

  /** Its JSON log lines, parsed. */
  rader(): Array<Record<string, unknown>> {
    return this.fel
      .split('\n')
      .filter((r) => r.startsWith('{'))
      .map((r) => JSON.parse(r) as Record<string, unknown>);
  }

  async stoppa(): Promise<void> {
    if (!this.lever) return;
    this.barn.kill('SIGTERM');
    const klar = await Promise.race([this.slut.then(() => true), new Promise((r) => setTimeout(() => r(false), 10000))]);
    if (!klar) this.barn.kill('SIGKILL');
    await this.slut;
  }
}

export interface Svar {
  status: number;
  kropp: string;
}

/**
 * One request through node:http, so that every header is as written (Host, Content-Length). With `utanKropp`
 * only the headers go out: the answer must come without the body it announced.
 */
export function skicka(
  url: string,
  huvuden: Record<string, string>,
  kropp: Buffer | string = '',
  val: { utanKropp?: boolean; sokvag?: string } = {},
): Promise<Svar> {
  return new Promise((resolve, reject) => {
    const data = typeof kropp === 'string' ? Buffer.from(kropp) : kropp;
    const req = request(`${url}${val.sokvag ?? '/api/messages'}`, {
      method: 'POST',
      // a connection of its own: a refused body is discarded by the server, and no later request waits behind it
      agent: false,
      headers: { 'content-length': String(data.length), ...huvuden },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, kropp: text }));
      res.on('error', reject);
    });
    req.on('error', (e: NodeJS.ErrnoException) => reject(new Error(`inget svar: ${e.code ?? e.message} (processen dog?)`)));
    if (val.utanKropp) req.flushHeaders();
    else req.end(data);
    setTimeout(() => reject(new Error(`inget svar på 20 s (${JSON.stringify(huvuden)})`)), 20000).unref();
  });
}
