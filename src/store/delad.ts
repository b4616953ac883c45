/**
 * What a store that several instances share (PostgreSQL) offers besides the document. The embedded store
 * has one writer and none of this: its outbox, rate limits and conversation state stay in its process.
 */
export interface Delad {
  /** null while the database answers; otherwise since when this instance has not reached it (its answers may be stale) */
  otillgangligSedan(): Date | null;
  /** small values by key (teams-ai's conversation state), shared by every instance */
  readonly nyckelvarden: Nyckelvarden;
  /**
   * Claims a waiting outbox entry for this instance for a while (its lease), so that no other instance sends it,
   * and only if every limit in `granser` (at most `antal` sends to the conversation in any `ms`) still holds
   * counting every instance's sends. A claim held by an instance that stopped is taken over when its lease ends.
   */
  gripaUtskick(utskick: { id: string; konversation: string }, granser: ReadonlyArray<{ antal: number; ms: number }>): Promise<Ansprak>;
}

/** `vantaMs`: how long until the limits allow a send; null when another instance has it or it no longer waits. */
export type Ansprak = { fick: true } | { fick: false; vantaMs: number | null };

export interface Nyckelvarden {
  las(nycklar: string[]): Promise<Record<string, unknown>>;
  skriv(poster: Record<string, unknown>): Promise<void>;
  radera(nycklar: string[]): Promise<void>;
}
