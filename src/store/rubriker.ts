/**
 * Column headers and sheet names as people write them in Excel ("Budget ack", "Åtgärder", "BUDGET_HELÅR"),
 * compared without regard to case, spaces, underscores or diacritics.
 */
export function jamforbar(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, '');
}

/** A header as a contract column: the known column it is like, else the header in lower case with `_` for spaces. */
export function kanoniskRubrik(rubrik: string, kanda: readonly string[]): string {
  const j = jamforbar(rubrik);
  if (!j) return '';
  const kand = kanda.find((k) => jamforbar(k) === j);
  if (kand) return kand;
  return rubrik
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_');
}
