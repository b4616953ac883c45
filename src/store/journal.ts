import { open, readFile, truncate } from 'node:fs/promises';
import type { Operation } from './samlingar.js';

export interface Journalpost {
  sekvens: number;
  ops: Operation[];
}

/**
 * Append-only log of transactions beside the snapshot. A transaction is acknowledged only once its
 * line is on disk, so its cost depends on the size of the change, not on the size of the store.
 */
export class Journal {
  constructor(readonly fil: string) {}

  async läs(): Promise<Journalpost[]> {
    let text: string;
    try {
      text = await readFile(this.fil, 'utf-8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
    const poster: Journalpost[] = [];
    const rader = text.split('\n');
    for (let i = 0; i < rader.length; i++) {
      if (!rader[i]) continue;
      try {
        poster.push(JSON.parse(rader[i]) as Journalpost);
      } catch {
        // Only the last line can be torn (killed mid-append); it was never acknowledged.
        if (i < rader.length - 1 && rader.slice(i + 1).some(Boolean)) {
          throw new Error(`journalen ${this.fil} är skadad på rad ${i + 1}`);
        }
      }
    }
    return poster;
  }

  async skriv(post: Journalpost): Promise<void> {
    const fh = await open(this.fil, 'a');
    try {
      await fh.appendFile(`${JSON.stringify(post)}\n`, 'utf-8');
      await fh.datasync();
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
  }
}
