/** Lowercase, no diacritics, words only: "Hur går det för Äldreomsorgen?" -> "hur gar det for aldreomsorgen". */
export function normalisera(text: string): string {
  return text
    .toLowerCase()
    .replace(/t\.\s?o\.\s?m\.?|t\s+o\s+m\b/g, 'tom')
    .replace(/&/g, ' och ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9%]+/g, ' ')
    .trim();
}

/** The same words as `ord`, with their original case, so "SeN" (an alias) can be told from "sen" (since). */
export function ordMedVersaler(text: string): string[] {
  const n = text
    .replace(/t\.\s?o\.\s?m\.?|t\s+o\s+m\b/gi, 'tom')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9%]+/g, ' ')
    .trim();
  return n ? n.split(' ') : [];
}

export function ord(text: string): string[] {
  const n = normalisera(text);
  return n ? n.split(' ') : [];
}

/** The words of the text as written, with where each stands, one for each word `normalisera` gives. */
export function ordMedOriginal(text: string): Array<{ ord: string; start: number; slut: number }> {
  return [...text.matchAll(/t\.\s?o\.\s?m\.?|t\s+o\s+m\b|[\p{L}\p{N}%]+/giu)].map((m) => ({
    ord: m[0],
    start: m.index,
    slut: m.index + m[0].length,
  }));
}
