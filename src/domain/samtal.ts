import type { Konversation } from './schema.js';

/**
 * Where a message came from and who wrote it, as a plain value: all that the core needs of a Teams activity.
 * Built by src/teams/samtal.ts.
 */
export interface Samtal {
  /** the conversation; a channel thread belongs to its channel */
  id: string;
  typ: Konversation['typ'];
  /** the conversation's name as Teams gave it, possibly empty */
  namn: string | undefined;
  /** the team a channel belongs to; null outside channels */
  team: string | null;
  /** where proactive messages (alerts) to this conversation go; read only by src/teams */
  referens: Record<string, unknown>;
  /** who wrote: the Teams user's AAD object id, the key of anvandare.csv */
  anvandare: string;
}
