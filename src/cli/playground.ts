// Child-process plumbing shared by `npm run dev` and the end-to-end test harness: how the
// Microsoft 365 Agents Playground is started offline, free ports, readiness polling and
// process-group teardown. The mock tenant (ids of chats, team, users) is .m365agentsplayground.yml.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PLAYGROUND_CONFIG_PATH = join(REPO_ROOT, '.m365agentsplayground.yml');

export interface PlaygroundLaunch {
  botEndpoint: string;
  port: number;
  logFile: string;
}

/** Node arguments and environment that start the Playground without telemetry, browser or stray files. */
export function playgroundCommand(launch: PlaygroundLaunch): { args: string[]; env: NodeJS.ProcessEnv } {
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  return {
    args: [cli, '-e', launch.botEndpoint, '-c', 'msteams', '-p', String(launch.port), '--disable-telemetry'],
    env: {
      TEAMSAPPTESTER_BROWSER: 'none',
      APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
      M365_AGENTS_PLAYGROUND_LOGFILE: launch.logFile,
      M365_AGENTS_PLAYGROUND_CONFIG_PATH: PLAYGROUND_CONFIG_PATH,
    },
  };
}

/** Spawns `node ...args` as the leader of its own process group, so the whole group can be stopped. */
export function spawnGroup(args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveGroups.add(child);
  child.once('exit', () => liveGroups.delete(child));
  return child;
}

const liveGroups = new Set<ChildProcess>();
// Last resort when the parent exits without stopping its children (a crashed test run).
process.once('exit', () => killAllGroups());

/** SIGKILLs every process group spawned here that is still running. */
export function killAllGroups(): void {
  for (const child of liveGroups) signalGroup(child, 'SIGKILL');
}

export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // ESRCH: the group is already gone.
  }
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** SIGTERM to the process group, SIGKILL after `graceMs`; resolves once the leader has exited. */
export async function stopGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.pid === undefined) return;
  if (!hasExited(child)) {
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    signalGroup(child, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      exited.then(() => true),
      new Promise<boolean>((done) => (timer = setTimeout(() => done(false), graceMs))),
    ]);
    clearTimeout(timer);
    if (!inTime) {
      signalGroup(child, 'SIGKILL');
      await exited;
    }
  }
  // Anything the leader left behind in its group.
  signalGroup(child, 'SIGKILL');
  liveGroups.delete(child);
}

export function onLines(stream: NodeJS.ReadableStream | null, onLine: (line: string) => void): void {
  if (stream) createInterface({ input: stream, crlfDelay: Infinity }).on('line', onLine);
}

/** Resolves with the port from the Playground's "Listening on <port>" (it silently picks another if busy). */
export function waitForListening(child: ChildProcess, timeoutMs: number): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const timer = setTimeout(() => fail(new Error(`Playground printed no "Listening on <port>" within ${timeoutMs} ms`)), timeoutMs);
    const onExit = (code: number | null, signal: string | null) =>
      fail(new Error(`Playground exited before listening (code ${code}, signal ${signal})`));
    function fail(error: Error) {
      clearTimeout(timer);
      child.off('exit', onExit);
      reject(error);
    }
    child.once('exit', onExit);
    onLines(child.stdout, (line) => {
      const match = /Listening on (\d+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        child.off('exit', onExit);
        resolvePort(Number(match[1]));
      }
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Polls `url` until it answers 2xx; gives up early when `alive()` turns false. */
export async function waitForHttpOk(url: string, timeoutMs: number, alive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (!alive()) throw new Error(`process exited while waiting for ${url} (${last})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await delay(100);
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms (${last})`);
}

export function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
