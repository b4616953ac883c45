import { createHash, randomUUID } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, readlinkSync, renameSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { Lagringsfel } from './fel.js';

/** Who holds the lock: enough to tell whether that very process still runs, also across containers and reboots. */
interface Innehavare {
  pid: number;
  vem: string;
  sedan: string;
  /** the host name; a lock from another host cannot be checked from here */
  vard?: string;
  /** /proc/sys/kernel/random/boot_id: another boot id on the same host means the machine restarted since */
  boot?: string | null;
  /** the pid namespace (/proc/self/ns/pid): containers on one host each count their pids from 1 */
  pidns?: string | null;
  /** the process's start time in clock ticks after boot (/proc/<pid>/stat): a reused pid has another */
  starttid?: string | null;
  /** unique for each taking of the lock, so two holders never write the same content */
  nyckel?: string;
}

const FORSOK = 200;

/**
 * Only one process may write a store: the running bot and `npm run import` each append to the journal and
 * compact the snapshot, and two of them at once would overwrite each other's acknowledged changes. The lock
 * is a file next to the store (`<store>.las`) naming the process that holds it; it goes when that process
 * exits, and a lock left by a process that no longer runs (killed, power cut) is taken over.
 *
 * Taking it is atomic: the owner is written and synced to a file of this process's own, which is then linked
 * to `<store>.las` (link() fails if the name exists), so the lock never exists without its owner. A lock whose
 * holder is gone is replaced atomically (rename) by the one process that first creates the takeover mark for
 * exactly that lock's content; see `taOver`. Returns how to let go (the process's exit does it too).
 * The store's folder must exist.
 */
export function låsLagringen(fil: string, vem: string, nu: Date = new Date()): () => void {
  const låsfil = `${fil}.las`;
  const jag: Innehavare = { pid: process.pid, vem, sedan: nu.toISOString(), ...identitet(), nyckel: randomUUID() };
  const innehall = Buffer.from(JSON.stringify(jag));
  const egen = `${låsfil}.${process.pid}.${jag.nyckel}`;
  try {
    skrivSynkat(egen, innehall);
  } catch (e) {
    throw new Lagringsfel(`Kan inte låsa ${fil}: ${(e as Error).message}. Inget har ändrats.`);
  }
  try {
    for (let forsok = 0; forsok < FORSOK; forsok++) {
      try {
        linkSync(egen, låsfil);
        return släppVidSlut(låsfil, innehall);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST')
          throw new Lagringsfel(`Kan inte låsa ${fil}: ${(e as Error).message}. Inget har ändrats.`);
      }
      const las = läsRå(låsfil);
      if (las === null) continue;
      const annan = tolka(las);
      if (annan && lever(annan)) throw new Lagringsfel(upptagen(fil, låsfil, annan));
      // Left by a process that is gone, or unreadable: nobody holds it.
      if (taOver(låsfil, las, egen)) return släppVidSlut(låsfil, innehall);
      vanta(5 + Math.random() * 20);
    }
  } finally {
    rmSync(egen, { force: true });
  }
  throw new Lagringsfel(`Kan inte låsa ${fil}: andra processer tog och släppte låset hela tiden. Inget har ändrats.`);
}

/**
 * Replaces the abandoned lock `las` with this process's own file, or answers false when another process took
 * (or is taking) it first. The right to replace one content is the exclusive creation of `<lock>.overtag-<hash
 * of that content>`; a mark whose own maker died is passed over by the mark of the mark, so a taker killed half-way
 * does not block the lock for ever. Whoever holds the deepest mark checks that the lock is still `las` and renames
 * its own file over it: no one else may replace that content, and its owner is gone, so it cannot change between.
 */
function taOver(låsfil: string, las: Buffer, egen: string): boolean {
  const passerade: string[] = [];
  let innehall = las;
  try {
    for (let djup = 0; djup < FORSOK; djup++) {
      const markering = `${låsfil}.overtag-${createHash('sha256').update(innehall).digest('hex').slice(0, 32)}`;
      try {
        linkSync(egen, markering);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        const annan = läsRå(markering);
        if (annan === null) continue;
        const innehavare = tolka(annan);
        if (!innehavare || lever(innehavare)) return false;
        passerade.push(markering);
        innehall = annan;
        continue;
      }
      try {
        const nu = läsRå(låsfil);
        if (nu === null || !nu.equals(las)) return false;
        // A second name for our file, renamed over the lock: the lock is never missing, and `egen` stays for a retry.
        const ny = `${egen}.ny`;
        linkSync(egen, ny);
        renameSync(ny, låsfil);
        for (const m of passerade) rmSync(m, { force: true });
        return true;
      } finally {
        rmSync(markering, { force: true });
      }
    }
    return false;
  } catch (e) {
    throw new Lagringsfel(`Kan inte ta över låset ${låsfil}: ${(e as Error).message}. Inget har ändrats.`);
  }
}

function släppVidSlut(låsfil: string, innehall: Buffer): () => void {
  let släppt = false;
  const släpp = () => {
    if (släppt) return;
    släppt = true;
    process.off('exit', släpp);
    // Only this process can replace its own lock while it runs, so what it reads here is still there when removed.
    if (läsRå(låsfil)?.equals(innehall)) rmSync(låsfil, { force: true });
  };
  process.on('exit', släpp);
  return släpp;
}

function upptagen(fil: string, låsfil: string, annan: Innehavare): string {
  const var_ = annan.vard && annan.vard !== hostname() ? ` på ${annan.vard}` : '';
  return (
    `${fil} används av ${annan.vem}${var_} (process ${annan.pid}, sedan ${annan.sedan}). Stoppa den först; inget har ändrats. ` +
    `Kör ingen sådan process längre kan du ta bort ${låsfil}.`
  );
}

function skrivSynkat(sokvag: string, data: Buffer): void {
  const fd = openSync(sokvag, 'wx', 0o644);
  try {
    writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function läsRå(sokvag: string): Buffer | null {
  try {
    return readFileSync(sokvag);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function tolka(data: Buffer): Innehavare | null {
  try {
    const v = JSON.parse(data.toString('utf-8')) as Partial<Innehavare>;
    if (!Number.isInteger(v.pid) || (v.pid as number) <= 0) return null;
    return { ...v, pid: v.pid as number, vem: String(v.vem ?? 'en annan process'), sedan: String(v.sedan ?? 'okänd tid') };
  } catch {
    return null;
  }
}

function läsText(sokvag: string): string | null {
  try {
    return readFileSync(sokvag, 'utf-8').trim();
  } catch {
    return null;
  }
}

/** The start time (field 22 of /proc/<pid>/stat), or null where there is no /proc or no such process. */
function starttid(pid: number | 'self'): string | null {
  const stat = läsText(`/proc/${pid}/stat`);
  if (!stat) return null;
  // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
}

function identitet(): Pick<Innehavare, 'vard' | 'boot' | 'pidns' | 'starttid'> {
  let pidns: string | null = null;
  try {
    pidns = readlinkSync('/proc/self/ns/pid');
  } catch {
    /* no /proc: only the pid can be checked */
  }
  return { vard: hostname(), boot: läsText('/proc/sys/kernel/random/boot_id'), pidns, starttid: starttid('self') };
}

/**
 * Whether the holder may still run. A lock from another host, or from another pid namespace (another container)
 * on this one, cannot be checked from here and counts as held; one from before this host's last boot cannot be.
 */
function lever(h: Innehavare): boolean {
  const jag = identitet();
  if (h.vard === undefined) return h.pid !== process.pid && finns(h.pid); // written by an older version
  if (h.vard !== jag.vard) return true;
  if (h.boot && jag.boot && h.boot !== jag.boot) return false;
  if (h.pidns && jag.pidns && h.pidns !== jag.pidns) return true;
  if (!finns(h.pid)) return false;
  if (h.starttid && jag.starttid) return starttid(h.pid) === h.starttid;
  return true;
}

function finns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it runs, as another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const sovplats = new Int32Array(new SharedArrayBuffer(4));
function vanta(ms: number): void {
  Atomics.wait(sovplats, 0, 0, ms);
}
