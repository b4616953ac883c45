// `npm run dev`: the bot with the demo data in the Microsoft 365 Agents Playground.
// Seeds STORE_PATH from data/demo if it is missing, then runs the bot and the Playground as child
// processes (their output prefixed) until Ctrl-C, which stops both.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { REPO_ROOT, onLines, playgroundCommand, spawnGroup, stopGroup, waitForHttpOk, waitForListening } from './playground.js';

const DEMO_NOW = '2025-12-10';
const PLAYGROUND_PORT = 56150;

function prefixed(name: string, child: ChildProcess): ChildProcess {
  onLines(child.stdout, (line) => process.stdout.write(`[${name}] ${line}\n`));
  onLines(child.stderr, (line) => process.stderr.write(`[${name}] ${line}\n`));
  return child;
}

function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((done) => child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0))));
}

async function main(): Promise<number> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  const storePath = resolve(env.STORE_PATH || 'data/store.json');
  env.STORE_PATH = storePath;
  if (!env.BUDGETKOLLEN_NOW) {
    env.BUDGETKOLLEN_NOW = DEMO_NOW;
    console.log(`BUDGETKOLLEN_NOW är inte satt: klockan står på ${DEMO_NOW} (demodatan slutar i november 2025).`);
  }

  if (env.STORE_URL) {
    console.log('STORE_URL är satt: boten använder databasen. Tom databas? Kör npm run import -- data/demo --store "$STORE_URL" först.');
  } else if (!existsSync(storePath)) {
    console.log(`Ingen lagring i ${shown(storePath)}: importerar demodatan från data/demo …`);
    // In our own process group, so a Ctrl-C stops it too.
    const importer = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', 'data/demo', '--store', storePath], {
      cwd: REPO_ROOT,
      env,
      stdio: 'inherit',
    });
    const code = await exitOf(importer);
    if (code !== 0) {
      console.error(`Importen misslyckades (kod ${code}).`);
      return code;
    }
  }

  const botPort = Number(env.PORT || 3978);
  const host = env.HOST || '127.0.0.1';
  const botHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const logDir = join(REPO_ROOT, 'devTools');
  mkdirSync(logDir, { recursive: true });
  const launch = playgroundCommand({
    botEndpoint: `http://${botHost}:${botPort}/api/messages`,
    port: Number(env.PLAYGROUND_PORT || PLAYGROUND_PORT),
    logFile: join(logDir, 'm365agentsplayground.log'),
  });

  const bot = prefixed('bot', spawnGroup(['--import', 'tsx', 'src/index.ts'], { cwd: REPO_ROOT, env }));
  const playground = spawnGroup(launch.args, { cwd: REPO_ROOT, env: { ...env, ...launch.env } });
  const listening = waitForListening(playground, 20_000); // reads stdout before the prefixer sees it
  prefixed('playground', playground);

  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    await Promise.all([stopGroup(bot), stopGroup(playground)]);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.log('\nStoppar boten och Playground …');
      void stopAll().then(() => process.exit(0));
    });
  }
  const firstExit = Promise.race([
    exitOf(bot).then((code) => ({ name: 'Boten', code })),
    exitOf(playground).then((code) => ({ name: 'Playground', code })),
  ]);

  try {
    const [playgroundPort] = await Promise.all([
      listening,
      waitForHttpOk(`http://${botHost}:${botPort}/healthz`, 60_000, () => bot.exitCode === null && bot.signalCode === null),
    ]);
    console.log(`\n  Budgetkollen är igång på http://${botHost}:${botPort}/api/messages`);
    console.log(`  Öppna http://localhost:${playgroundPort} i webbläsaren\n  (Ctrl-C stoppar båda)\n`);
  } catch (error) {
    if (!stopping) console.error(`Kunde inte starta: ${(error as Error).message}`);
    await stopAll();
    return 1;
  }

  const { name, code } = await firstExit;
  if (stopping) return 0;
  console.error(`${name} avslutades (kod ${code}); stoppar resten.`);
  await stopAll();
  return code === 0 ? 1 : code;
}

process.exitCode = await main();
