import { open, readFile, truncate } from 'node:fs/promises';
import type { Operation } from './samlingar.js';

export interface Journalpost {
  sekvens: number;
  ops: Operation[];
}

const RADSLUT = 0x0a;

/**
 * Append-only log of transactions beside the snapshot. A transaction is acknowledged only once its
 * line is on disk, so its cost depends on the size of the change, not on the size of the store.
 * Only whole lines count: a line is written with its newline in one append, so what follows the last newline
 * is a write that was killed halfway and never acknowledged.
 */
export class Journal {
  /** Bytes of whole, readable lines: where the next line must start. Unknown until the journal is read. */
  private langd: number | undefined;
  /** A failed append left bytes that could not be cut at once. */
  private kapaFore = false;

  constructor(readonly fil: string) {}

  async läs(): Promise<Journalpost[]> {
    let data: Buffer;
    try {
      data = await readFile(this.fil);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
        this.langd = 0;
        return [];
      }
      throw e;
    }
    const poster: Journalpost[] = [];
    let start = 0;
    let giltig = 0;
    let rivenRad: number | undefined;
    for (let radnr = 1; start < data.length; radnr++) {
      const slut = data.indexOf(RADSLUT, start);
      if (slut === -1) break; // a torn tail without its newline
      const rad = data.toString('utf-8', start, slut);
      start = slut + 1;
      if (!rad.trim()) {
        if (rivenRad === undefined) giltig = start;
        continue;
      }
      if (rivenRad !== undefined) throw new Error(`journalen ${this.fil} är skadad på rad ${rivenRad}`);
      try {
        poster.push(JSON.parse(rad) as Journalpost);
        giltig = start;
      } catch {
        // Only the last line can be torn (killed mid-append); it was never acknowledged.
        rivenRad = radnr;
      }
    }
    this.langd = giltig;
    return poster;
  }

  /**
   * Cuts a torn tail (a write killed halfway, with or without a newline) so the next line starts on its own;
   * appended to the fragment, an acknowledged change would be unreadable at the next start. After `läs`.
   */
  async kapaRivenSvans(): Promise<void> {
    if (this.langd === undefined) throw new Error('journalen måste läsas innan den kapas');
    const fh = await open(this.fil, 'r+').catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null;
      throw e;
    });
    if (!fh) return;
    try {
      if ((await fh.stat()).size > this.langd) {
        await fh.truncate(this.langd);
        await fh.datasync();
      }
    } finally {
      await fh.close();
    }
  }

  async skriv(post: Journalpost): Promise<void> {
    const rad = Buffer.from(`${JSON.stringify(post)}\n`, 'utf-8');
    if (this.kapaFore) {
      await this.kapaRivenSvans();
      this.kapaFore = false;
    }
    const fh = await open(this.fil, 'a');
    try {
      await fh.appendFile(rad);
      await fh.datasync();
      if (this.langd !== undefined) this.langd += rad.length;
    } catch (e) {
      // A half-written line must not stay in front of the next one; if it cannot be cut now, it is cut first next time.
      if (this.langd !== undefined) await fh.truncate(this.langd).catch(() => (this.kapaFore = true));
      throw e;
    } finally {
      await fh.close();
    }
  }

  async tom(): Promise<void> {
    try {
      await truncate(this.fil, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    this.langd = 0;
  }
}
