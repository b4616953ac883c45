import { type ConversationReference, TurnContext } from 'botbuilder';
import type { Konversation } from '../domain/schema.js';
import type { Logg } from '../logg.js';
import type { Store } from '../store/store.js';

/** A channel thread ("19:…;messageid=…") belongs to its channel; alerts go to the channel. */
export function konversationsId(context: TurnContext): string {
  return (context.activity.conversation?.id ?? '').split(';messageid=')[0];
}

export function konversationstyp(context: TurnContext): Konversation['typ'] {
  const t = context.activity.conversation?.conversationType;
  return t === 'channel' || t === 'groupChat' ? t : 'personal';
}

export function referensFor(context: TurnContext): ConversationReference {
  const ref = TurnContext.getConversationReference(context.activity) as ConversationReference;
  return { ...ref, conversation: { ...ref.conversation, id: konversationsId(context) } };
}

/** Remembers where the bot is installed (added) or forgets it (removed). True when newly installed. */
export async function registreraInstallation(context: TurnContext, store: Store, logg: Logg): Promise<boolean> {
  const id = konversationsId(context);
  const action = String(context.activity.action ?? 'add');
  const fore = store.dokument.konversationer.find((k) => k.id === id);
  const vem = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'teams';
  if (action.startsWith('remove')) {
    if (fore?.aktiv) await store.andra({ vem, kalla: 'system' }, (tx) => tx.satt('konversationer', { ...fore, aktiv: false }));
    logg.info('avinstallerad', { konversation: id });
    return false;
  }
  const rad: Konversation = {
    id,
    typ: konversationstyp(context),
    namn: context.activity.conversation?.name ?? null,
    referens: referensFor(context) as unknown as Record<string, unknown>,
    aktiv: true,
    installerad: fore?.installerad ?? '',
  };
  await store.andra({ vem, kalla: 'system' }, (tx) => tx.satt('konversationer', { ...rad, installerad: fore?.installerad ?? tx.nu.toISOString() }));
  logg.info('installerad', { konversation: id, typ: rad.typ });
  return !fore?.aktiv;
}

/** Keeps the reference current whenever someone writes, so a later alert can reach this conversation. */
export async function kannerTillKonversation(context: TurnContext, store: Store): Promise<void> {
  const id = konversationsId(context);
  if (store.dokument.konversationer.some((k) => k.id === id && k.aktiv)) return;
  await store.andra({ vem: context.activity.from?.aadObjectId ?? 'teams', kalla: 'system' }, (tx) => tx.satt('konversationer', {
    id, typ: konversationstyp(context), namn: context.activity.conversation?.name ?? null,
    referens: referensFor(context) as unknown as Record<string, unknown>, aktiv: true, installerad: tx.nu.toISOString(),
  }));
}
