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
