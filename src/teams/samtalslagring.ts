import type { Storage, StoreItems } from 'botbuilder';
import type { Logg } from '../logg.js';
import type { Nyckelvarden } from '../store/delad.js';

/**
 * teams-ai's turn state (the conversation's context, "och i september?") in the shared store, so a follow-up
 * question can land on another instance. The database is the truth; a copy in memory stands in while it cannot
 * be reached, so questions are still answered, with what this instance last knew of the conversation.
 * Last write wins, as with teams-ai's own MemoryStorage when no eTag is given.
 */
export class Samtalslagring implements Storage {
  private readonly minne = new Map<string, string>();

  constructor(
    private readonly kv: Nyckelvarden,
    private readonly logg: Logg,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    try {
      return (await this.kv.las(keys)) as StoreItems;
    } catch (e) {
      this.logg.warn('samtalets tillstånd kunde inte läsas ur databasen; minnets kopia används', { fel: e as Error });
      const ut: StoreItems = {};
      for (const k of keys) {
        const v = this.minne.get(k);
        if (v !== undefined) ut[k] = JSON.parse(v);
      }
      return ut;
    }
  }

  async write(changes: StoreItems): Promise<void> {
    const rena: StoreItems = {};
    for (const [k, v] of Object.entries(changes)) {
      const { eTag: _etag, ...varde } = (v ?? {}) as Record<string, unknown>;
      rena[k] = varde;
      this.minne.set(k, JSON.stringify(varde));
    }
    try {
      await this.kv.skriv(rena);
    } catch (e) {
      this.logg.warn('samtalets tillstånd kunde inte sparas i databasen; det finns kvar i minnet', { fel: e as Error });
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const k of keys) this.minne.delete(k);
    try {
      await this.kv.radera(keys);
    } catch (e) {
      this.logg.warn('samtalets tillstånd kunde inte tas bort ur databasen', { fel: e as Error });
    }
  }
}
