import { open } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Handelse } from '../domain/schema.js';
import { Lagringsfel } from './fel.js';

const BITAR = 1 << 20;

/**
 * The embedded store's audit log: every audit event, one JSON line each, append-only, in a file beside the
 * snapshot (`<store>.granskningslogg`). It is never read at start-up.
 *
 * The snapshot is the commit record: it names how many bytes of the log it accounts for. Events reach the log
 * only at compaction, from the journal lines that already hold them durably: the log is cut back to the length
 * the current snapshot names (dropping whatever a crashed compaction left), the events since that snapshot are
 * appended and synced, and only then is the new snapshot, naming the new length, renamed into place and the
 * journal emptied. A crash at any point leaves either the old snapshot and the journal (the events are appended
 * again, once) or the new snapshot and a log that holds them.
 */
export class Granskningslogg {
  constructor(readonly fil: string) {}

  /** Refuses a log shorter than the snapshot says: events the store has acknowledged would be missing. */
  async kontrollera(langd: number): Promise<void> {
    const storlek = await this.storlek();
    if (storlek < langd)
      throw new Lagringsfel(
        `Granskningsloggen ${this.fil} ${storlek === 0 ? 'saknas eller är tom' : `är kortare (${storlek} byte) än lagringen säger (${langd} byte)`}. ` +
          'Den hör ihop med lagringsfilen bredvid; återställ båda från samma säkerhetskopia. Inget har ändrats.',
      );
  }

  /** Cuts the log back to `fran` bytes, appends `handelser` and syncs; returns the new length. */
  async lagg(handelser: readonly unknown[], fran: number): Promise<number> {
    const fh = await open(this.fil, 'a+');
    let langd = fran;
    try {
      const storlek = (await fh.stat()).size;
      if (storlek < fran) throw new Lagringsfel(`Granskningsloggen ${this.fil} är kortare än lagringen säger; inget har skrivits.`);
      if (storlek > fran) await fh.truncate(fran);
      let bit: string[] = [];
      let bitlangd = 0;
      const toem = async () => {
        const buf = Buffer.from(bit.join(''), 'utf-8');
        await fh.appendFile(buf);
        langd += buf.length;
        bit = [];
        bitlangd = 0;
      };
      for (const h of handelser) {
        const rad = `${JSON.stringify(h)}\n`;
        bit.push(rad);
        bitlangd += rad.length;
        if (bitlangd >= BITAR) await toem();
      }
      if (bit.length) await toem();
      await fh.datasync();
    } finally {
      await fh.close();
    }
    if (fran === 0) await synkaMapp(this.fil);
    return langd;
  }

  /** Every event in the first `langd` bytes, in the order they were written. */
  async läs(langd: number): Promise<Handelse[]> {
    if (langd === 0) return [];
    const fh = await open(this.fil, 'r');
    try {
      const data = Buffer.allocUnsafe(langd);
      const { bytesRead } = await fh.read(data, 0, langd, 0);
      if (bytesRead < langd) throw new Lagringsfel(`Granskningsloggen ${this.fil} är kortare än lagringen säger.`);
      const ut: Handelse[] = [];
      for (let start = 0; start < langd;) {
        const slut = data.indexOf(10, start);
        ut.push(JSON.parse(data.toString('utf-8', start, slut < 0 || slut > langd ? langd : slut)) as Handelse);
        start = slut < 0 ? langd : slut + 1;
      }
      return ut;
    } finally {
      await fh.close();
    }
  }

  private async storlek(): Promise<number> {
    try {
      const fh = await open(this.fil, 'r');
      try {
        return (await fh.stat()).size;
      } finally {
        await fh.close();
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw e;
    }
  }
}

async function synkaMapp(fil: string): Promise<void> {
  const mapp = await open(dirname(fil), 'r');
  try {
    await mapp.sync();
  } finally {
    await mapp.close();
  }
}
