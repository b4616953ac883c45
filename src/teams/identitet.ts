import type { TurnContext } from 'botbuilder';

/** Who wrote: the Teams user's AAD object id, which is how users are keyed in the store. */
export function anvandarId(context: TurnContext): string {
  return context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'okänd';
}
