// @ts-expect-error the package's dist build has no typings of its own; its lib build does not resolve in Node
import * as AdaptiveCardsModul from 'adaptivecards/dist/adaptivecards.js';

interface AC {
  AdaptiveCard: new () => { parse(json: unknown, ctx: unknown): void };
  SerializationContext: new () => { eventCount: number; getEventAt(i: number): { message: string } };
}
const AC = ((AdaptiveCardsModul as { default?: AC }).default ?? AdaptiveCardsModul) as AC;

/** Parses a card with the adaptivecards package; returns every warning it raised (empty = valid). */
export function kortvarningar(kort: unknown): string[] {
  const card = new AC.AdaptiveCard();
  const ctx = new AC.SerializationContext();
  card.parse(kort, ctx);
  const ut: string[] = [];
  for (let i = 0; i < ctx.eventCount; i++) ut.push(ctx.getEventAt(i).message);
  const version = (kort as { version?: string }).version;
  if (version !== '1.5') ut.push(`kortet har version ${version}, inte 1.5`);
  return ut;
}

export const MAX_KORTSTORLEK = 28 * 1024;

export function kortstorlek(kort: unknown): number {
  return Buffer.byteLength(JSON.stringify(kort), 'utf-8');
}
