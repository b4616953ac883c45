import { type ConversationReference, TurnContext } from 'botbuilder';
import type { Konversation } from '../domain/schema.js';
import type { Samtal } from '../domain/samtal.js';

/** Who wrote: the Teams user's AAD object id, which is how users are keyed in the store. */
export function anvandarId(context: TurnContext, okand = 'okänd'): string {
  return context.activity.from?.aadObjectId ?? context.activity.from?.id ?? okand;
}

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

/** The team a channel conversation belongs to (Teams puts it in channelData). */
export function teamId(context: TurnContext): string | null {
  if (konversationstyp(context) !== 'channel') return null;
  return (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id ?? null;
}

/** The activity's conversation and writer as the core sees them; `okand` names a writer Teams did not name. */
export function samtalFran(context: TurnContext, okand = 'okänd'): Samtal {
  return {
    id: konversationsId(context),
    typ: konversationstyp(context),
    namn: context.activity.conversation?.name,
    team: teamId(context),
    referens: referensFor(context) as unknown as Record<string, unknown>,
    anvandare: anvandarId(context, okand),
  };
}
