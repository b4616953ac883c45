// npm run package -- [--env dev]
// Validates appPackage/ for one environment and writes appPackage/build/appPackage.<env>.zip.
// Exit code 0 when the zip was written, 1 on any problem (and then no zip is written).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildAppPackage, zipPackage, zipPathFor } from '../package/build.js';
import { isValidEnvName } from '../package/envfile.js';
import { MANIFEST_SCHEMA_VERSION } from '../package/manifest.js';
import { formatProblem } from '../package/problem.js';

export interface CliContext {
  root: string;
  realEnv: Record<string, string | undefined>;
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = 'Användning: npm run package -- [--env <miljö>]   (standard: --env dev)';

function parseArgs(argv: string[]): { envName: string } | { error: string } {
  let envName = 'dev';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--env') {
      const value = argv[++i];
      if (value === undefined) return { error: '--env kräver ett miljönamn, t.ex. --env dev' };
      envName = value;
    } else if (arg.startsWith('--env=')) {
      envName = arg.slice('--env='.length);
    } else {
      return { error: `okänt argument "${arg}"` };
    }
  }
  if (!isValidEnvName(envName)) return { error: `ogiltigt miljönamn "${envName}" (bokstäver, siffror, - och _)` };
  return { envName };
}

export async function main(argv: string[], ctx: CliContext): Promise<number> {
  const args = parseArgs(argv);
  if ('error' in args) {
    ctx.err(`Fel: ${args.error}`);
    ctx.err(USAGE);
    return 1;
  }
  const result = buildAppPackage({ root: ctx.root, envName: args.envName, realEnv: ctx.realEnv });
  for (const warning of result.warnings) ctx.err(warning);
  if (result.problems.length > 0) {
    for (const problem of result.problems) ctx.err(formatProblem(problem));
    const n = result.problems.length;
    ctx.err(`Inget paket skrevs: ${n} fel att rätta.`);
    return 1;
  }

  const zipPath = zipPathFor(args.envName);
  const target = join(ctx.root, zipPath);
  const bytes = await zipPackage(result.files);
  mkdirSync(dirname(target), { recursive: true });
  const temp = `${target}.${process.pid}.tmp`;
  writeFileSync(temp, bytes);
  renameSync(temp, target);

  ctx.out(`Manifestet är giltigt (schema v${MANIFEST_SCHEMA_VERSION}).`);
  const names = result.files.map((f) => f.name);
  ctx.out(`Lokalisering och ikoner är giltiga: ${names.filter((n) => n !== 'manifest.json').join(', ')}.`);
  ctx.out(`Skrev ${zipPath} (${names.length} filer).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  main(process.argv.slice(2), {
    root,
    realEnv: process.env,
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`Oväntat fel: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
