import { spawnSync } from 'node:child_process';

/** Runs one of the project's CLI scripts as `npm run` does, to its end. */
export function körCli(skript: string, ...argument: string[]): { kod: number | null; ut: string; fel: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', skript, ...argument], { encoding: 'utf-8' });
  return { kod: r.status, ut: r.stdout, fel: r.stderr };
}

/** `npm run import -- <mapp> --store <store>` */
export function importeraCli(mapp: string, store: string): { kod: number | null; ut: string; fel: string } {
  return körCli('src/cli/import.ts', mapp, '--store', store);
}
