import type { TurnContext } from 'botbuilder';
import type { Konversation } from '../domain/schema.js';
import type { Logg } from '../logg.js';
import type { Store } from '../store/store.js';
import { konversationsId, konversationstyp, referensFor, teamId } from './samtal.js';

/** Remembers where the bot is installed (added) or forgets it (removed). True when newly installed. */
export async function registreraInstallation(context: TurnContext, store: Store, logg: Logg): Promise<boolean> {
  const id = konversationsId(context);
  const action = String(context.activity.action ?? 'add');
  const fore = store.dokument.konversationer.find((k) => k.id === id);
  const vem = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'teams';
  if (action.startsWith('remove')) {
    await avaktivera(store, vem, teamId(context), id, logg, 'avinstallerad');
    return false;
  }
  const typ = konversationstyp(context);
  await store.andra({ vem, kalla: 'system' }, (tx) =>
    tx.satt('konversationer', {
      id,
      typ,
      namn: context.activity.conversation?.name ?? null,
      referens: referensFor(context) as unknown as Record<string, unknown>,
      aktiv: true,
      installerad: fore?.installerad ?? tx.nu.toISOString(),
      team: teamId(context),
    }),
  );
  logg.info('installerad', { konversation: id, typ });
  return !fore?.aktiv;
}

/**
 * Forgets a conversation (or, for a team, every channel of it) and ends its alert subscriptions, so
 * a later reinstall starts silent until someone subscribes again.
 */
async function avaktivera(store: Store, vem: string, team: string | null, id: string, logg: Logg, orsak: string): Promise<void> {
  const traffar = (k: Konversation) => k.id === id || (team !== null && (k.team === team || k.id === team));
  const berorda = store.dokument.konversationer.filter((k) => traffar(k) && k.aktiv).map((k) => k.id);
  if (berorda.length || store.dokument.prenumerationer.some((p) => p.aktiv && p.konversation === id)) {
    await store.andra({ vem, kalla: 'system' }, (tx) => {
      const dok = tx.register.dokument;
      const ids = new Set(
        dok.konversationer
          .filter(traffar)
          .map((k) => k.id)
          .concat(id),
      );
      for (const k of dok.konversationer) if (ids.has(k.id) && k.aktiv) tx.satt('konversationer', { ...k, aktiv: false });
      for (const p of dok.prenumerationer) if (ids.has(p.konversation) && p.aktiv) tx.satt('prenumerationer', { ...p, aktiv: false });
    });
  }
  logg.info(orsak, { konversation: id, team, konversationer: berorda });
}

/**
 * Team and channel events that are not installationUpdate: the bot added to or removed from a team
 * (membersAdded/membersRemoved naming the bot), a team deleted, a channel deleted.
 */
export async function hanteraKonversationsuppdatering(context: TurnContext, store: Store, logg: Logg): Promise<void> {
  const a = context.activity;
  const bot = a.recipient?.id;
  const vem = a.from?.aadObjectId ?? a.from?.id ?? 'teams';
  const data = (a.channelData ?? {}) as { eventType?: string; team?: { id?: string }; channel?: { id?: string } };
  const team = data.team?.id ?? null;
  if (data.eventType === 'teamDeleted' || data.eventType === 'teamHardDeleted') {
    await avaktivera(store, vem, team, team ?? konversationsId(context), logg, 'team borttaget');
    return;
  }
  if (data.eventType === 'channelDeleted' && data.channel?.id) {
    await avaktivera(store, vem, null, data.channel.id, logg, 'kanal borttagen');
    return;
  }
  if (bot && a.membersRemoved?.some((m) => m.id === bot)) {
    await avaktivera(store, vem, teamId(context), konversationsId(context), logg, 'borttagen ur konversationen');
    return;
  }
  if (bot && a.membersAdded?.some((m) => m.id === bot)) {
    await registreraInstallation(context, store, logg);
  }
}
