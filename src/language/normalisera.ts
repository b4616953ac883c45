/** Lowercase, no diacritics, words only: "Hur går det för Äldreomsorgen?" -> "hur gar det for aldreomsorgen". */
export function normalisera(text: string): string {
  return text
    .toLowerCase()
    .replace(/t\.\s?o\.\s?m\.?|t\s+o\s+m\b/g, 'tom')
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
