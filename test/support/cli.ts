import { execFile, spawnSync } from 'node:child_process';

/** Runs one of the project's CLI scripts as `npm run` does, to its end. */
export function körCli(skript: string, ...argument: string[]): { kod: number | null; ut: string; fel: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', skript, ...argument], { encoding: 'utf-8' });
  return { kod: r.status, ut: r.stdout, fel: r.stderr };
}

/** `npm run import -- <mapp> --store <store>` */
export function importeraCli(mapp: string, store: string): { kod: number | null; ut: string; fel: string } {
  return körCli('src/cli/import.ts', mapp, '--store', store);
}

/**
 * The same without blocking the test's own event loop: a test that also holds HTTP connections to a running bot
 * must go on reading them, or it sends its next request on a connection the bot has already closed.
 */
export function körCliIBakgrunden(skript: string, ...argument: string[]): Promise<{ kod: number | null; ut: string; fel: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', skript, ...argument], { encoding: 'utf-8' }, (e, ut, fel) =>
      resolve({ kod: e ? (typeof e.code === 'number' ? e.code : null) : 0, ut, fel }),
    );
  });
}
