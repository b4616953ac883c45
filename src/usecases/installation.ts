import type { Samtal } from '../domain/samtal.js';
import type { Konversation } from '../domain/schema.js';
import type { Logg } from '../logg.js';
import type { Store } from '../store/store.js';

/** Remembers where the bot is installed. True when it is new here, or back after being removed. */
export async function installera(store: Store, logg: Logg, samtal: Samtal): Promise<boolean> {
  const id = samtal.id;
  const fore = store.dokument.konversationer.find((k) => k.id === id);
  await store.ändra({ vem: samtal.anvandare, kalla: 'system' }, (tx) =>
    tx.sätt('konversationer', {
      id,
      typ: samtal.typ,
      namn: samtal.namn ?? null,
      referens: samtal.referens,
      aktiv: true,
      installerad: fore?.installerad ?? tx.nu.toISOString(),
      team: samtal.team,
      // a personal chat is its user's: where the round's reminders to them go
      ...(samtal.typ === 'personal' ? { anvandare: samtal.anvandare } : {}),
    }),
  );
  logg.info('installerad', { konversation: id, typ: samtal.typ });
  return !fore?.aktiv;
}

/**
 * Forgets a conversation (or, for a team, every channel of it) and ends its alert subscriptions, so
 * a later reinstall starts silent until someone subscribes again.
 */
export async function avaktivera(store: Store, vem: string, team: string | null, id: string, logg: Logg, orsak: string): Promise<void> {
  const traffar = (k: Konversation) => k.id === id || (team !== null && (k.team === team || k.id === team));
  const berorda = store.dokument.konversationer.filter((k) => traffar(k) && k.aktiv).map((k) => k.id);
  if (berorda.length || store.dokument.prenumerationer.some((p) => p.aktiv && p.konversation === id)) {
    await store.ändra({ vem, kalla: 'system' }, (tx) => {
      const dok = tx.register.dokument;
      const ids = new Set(
        dok.konversationer
          .filter(traffar)
          .map((k) => k.id)
          .concat(id),
      );
      for (const k of dok.konversationer) if (ids.has(k.id) && k.aktiv) tx.sätt('konversationer', { ...k, aktiv: false });
      for (const p of dok.prenumerationer) if (ids.has(p.konversation) && p.aktiv) tx.sätt('prenumerationer', { ...p, aktiv: false });
    });
  }
  logg.info(orsak, { konversation: id, team, konversationer: berorda });
}
