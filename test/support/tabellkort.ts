// Test support: a table card read as a reader meets it, top to bottom. A text block standing alone is a line
// of its own over the card's width; a ColumnSet or TableRow is one line of cells side by side, each with its
// alignment. Headings are the bold lines standing alone.
import assert from 'node:assert/strict';

export interface Cell {
  text: string;
  /** horizontalAlignment as the card says it; absent = left */
  justering: string;
}

export type Kortrad = { text: string; fet: boolean } | { celler: Cell[] };

export function kortrader(kort: unknown): Kortrad[] {
  const ut: Kortrad[] = [];
  const celltext = (nod: unknown): Cell[] => {
    const block: Cell[] = [];
    const besok = (n: unknown): void => {
      if (Array.isArray(n)) return n.forEach(besok);
      if (!n || typeof n !== 'object') return;
      const e = n as Record<string, unknown>;
      if (e.type === 'TextBlock') block.push({ text: String(e.text), justering: String(e.horizontalAlignment ?? 'Left') });
      for (const k of ['items', 'columns', 'cells']) besok(e[k]);
    };
    besok(nod);
    return block;
  };
  const besok = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(besok);
    if (!n || typeof n !== 'object') return;
    const e = n as Record<string, unknown>;
    if (e.type === 'TextBlock') ut.push({ text: String(e.text), fet: e.weight === 'Bolder' });
    else if (e.type === 'ColumnSet') ut.push({ celler: (e.columns as unknown[]).flatMap(celltext) });
    else if (e.type === 'Table')
      for (const r of e.rows as unknown[]) ut.push({ celler: ((r as { cells: unknown[] }).cells ?? []).flatMap(celltext) });
    else for (const k of ['body', 'items']) besok(e[k]);
  };
  besok(kort);
  return ut;
}

export interface Sektion {
  rubrik: string;
  /** every line under the heading up to the next, as text ("a | b | c" for cells) */
  rader: string[];
  /** the lines of cells: the column headings first */
  celler: Cell[][];
  /** the numbers in front of the rows' names ("5. Placeringskostnader IFO" → 5) */
  nummer: number[];
}

/** The card's sections: each bold line standing alone after the card's own heading starts one. */
export function sektioner(kort: unknown): Sektion[] {
  const [, ...rader] = kortrader(kort);
  const ut: Sektion[] = [];
  for (const r of rader) {
    if ('fet' in r && r.fet) {
      ut.push({ rubrik: r.text, rader: [], celler: [], nummer: [] });
      continue;
    }
    const s = ut[ut.length - 1];
    if (!s) continue;
    if ('celler' in r) {
      s.celler.push(r.celler);
      s.rader.push(r.celler.map((c) => c.text).join(' | '));
    } else {
      s.rader.push(r.text);
      const nr = /^(\d+)\.\u00a0\S/.exec(r.text);
      if (nr) s.nummer.push(Number(nr[1]));
    }
  }
  return ut;
}

export function sektion(kort: unknown, rubrik: string): Sektion {
  const alla = sektioner(kort);
  const s = alla.find((x) => x.rubrik === rubrik);
  assert.ok(s, `ingen sektion "${rubrik}"; har ${alla.map((x) => JSON.stringify(x.rubrik)).join(', ')}`);
  return s;
}

const TAL = /^[−+-]?\d[\d\u00a0\u202f ]*(,\d+)?(\u00a0(tkr|mnkr|%))?$|^–$/;

/** Every cell that holds a figure (or "–" for none), and whether the card right-aligns it. */
export function talceller(s: Sektion): Cell[] {
  return s.celler.flat().filter((c) => TAL.test(c.text));
}

/**
 * The words in cells side by side (not on a line of their own) longer than `max` characters: in a column a
 * third or a quarter of a phone's width, such a word is broken inside itself.
 */
export function langaOrdICeller(kort: unknown, max = 12): string[] {
  return kortrader(kort)
    .flatMap((r) => ('celler' in r ? r.celler.map((c) => c.text) : []))
    .flatMap((t) => t.split(/[\s\-–/]+/))
    .filter((o) => o.length > max);
}
