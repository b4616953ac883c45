/**
 * Text a person typed (a comment, a rejected value), made safe to put into markdown. Teams renders message
 * text, TextBlocks and facts as markdown, so markup characters are escaped and the text shows as typed:
 * no bold, links, mentions, code or lists that the writer did not mean, and no `${…}` left for a template.
 */
export function somSkrivet(text: string): string {
  return text
    .replace(/[\\`*_[\]{}<>~]/g, '\\$&')
    .replace(/^([^\S\n\r\u2028\u2029]*)([#+-])(?=\s|$)/gm, '$1\\$2')
    .replace(/^([^\S\n\r\u2028\u2029]*)(\d+)\.(?=\s|$)/gm, '$1$2\\.');
}

/** A name shows differently as markdown than as written: it holds a markup character, or begins like a list. */
const MARKUP_I_NAMN = /[\\`*_[\]{}<>~]|^[^\S\n\r\u2028\u2029]*(?:[#+-]|\d+\.)(?:\s|$)/m;

export function harMarkup(namn: string): boolean {
  return MARKUP_I_NAMN.test(namn);
}

/**
 * A text the bot wrote, with every name that people gave (a unit, a user, a measure, a chat) made to show as
 * written: escaped as `somSkrivet` escapes a comment. `namn` are the names that hold markup (`harMarkup`); the
 * longest is tried first, and each place in the text is escaped once.
 */
export function skyddaNamn(text: string, namn: readonly string[]): string {
  if (!namn.length || !text) return text;
  const monster = new RegExp(
    [...namn]
      .sort((a, b) => b.length - a.length)
      .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|'),
    'g',
  );
  return text.replace(monster, (m) => somSkrivet(m));
}
