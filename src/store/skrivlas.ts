import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { Lagringsfel } from './fel.js';

interface Innehavare {
  pid: number;
  vem: string;
  sedan: string;
}

/**
 * Only one process may write a store: the running bot and `npm run import` each append to the journal and
 * compact the snapshot, and two of them at once would overwrite each other's acknowledged changes. The lock
 * is a file next to the store (`<store>.las`) naming the process that holds it; it goes when that process
 * exits, and a lock left by a process that no longer runs (killed, power cut) is taken over.
 * The store's folder must exist.
 */
export function låsLagringen(fil: string, vem: string, nu: Date = new Date()): void {
  const låsfil = `${fil}.las`;
  const innehall = JSON.stringify({ pid: process.pid, vem, sedan: nu.toISOString() } satisfies Innehavare);
  for (let forsok = 0; forsok < 2; forsok++) {
    try {
      const fd = openSync(låsfil, 'wx');
      writeSync(fd, innehall);
      closeSync(fd);
      process.on('exit', () => {
        if (låsinnehavare(låsfil)?.pid === process.pid) rmSync(låsfil, { force: true });
      });
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new Lagringsfel(`Kan inte låsa ${fil}: ${(e as Error).message}. Inget har ändrats.`);
    }
    const annan = låsinnehavare(låsfil);
    if (annan && annan.pid !== process.pid && lever(annan.pid)) {
      throw new Lagringsfel(
        `${fil} används av ${annan.vem} (process ${annan.pid}, sedan ${annan.sedan}). Stoppa den först; inget har ändrats. ` +
          `Kör ingen sådan process längre kan du ta bort ${låsfil}.`,
      );
    }
    // Left by a process that is gone, by this one, or unreadable: nobody holds it.
    rmSync(låsfil, { force: true });
  }
  throw new Lagringsfel(`Kan inte låsa ${fil}: en annan process tog låset samtidigt. Inget har ändrats.`);
}

function låsinnehavare(låsfil: string): Innehavare | null {
  try {
    const v = JSON.parse(readFileSync(låsfil, 'utf-8')) as Partial<Innehavare>;
    return Number.isInteger(v.pid) && (v.pid as number) > 0
      ? { pid: v.pid as number, vem: String(v.vem ?? 'en annan process'), sedan: String(v.sedan ?? 'okänd tid') }
      : null;
  } catch {
    return null;
  }
}

function lever(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
