/** The bench's arithmetic, kept apart from the measuring so that it can be tested: no clocks, no processes. */

/** The servers in round `i`'s order: each goes first in turn. */
export function turordning<T>(servrar: readonly T[], i: number): T[] {
  const n = servrar.length;
  return servrar.map((_, j) => servrar[(i + j) % n]);
}

/**
 * The replies' sizes, pairwise: the bot's and the card echo's reply to the same question. Equal means within 1 %:
 * the activities' ids and conversation names differ by a few bytes between the servers.
 */
export function jamforStorlekar(bot: number[], kort: number[]): { botMedel: number; kortMedel: number; lika: number; antal: number } {
  const antal = Math.min(bot.length, kort.length);
  let lika = 0;
  for (let i = 0; i < antal; i++) if (Math.abs(bot[i] - kort[i]) <= 0.01 * bot[i]) lika++;
  const medel = (v: number[]) => v.slice(0, antal).reduce((a, x) => a + x, 0) / (antal || 1);
  return { botMedel: medel(bot), kortMedel: medel(kort), lika, antal };
}
