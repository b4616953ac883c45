// Expected figures for the end-to-end tests, read straight from the demo CSVs in data/demo and
// computed here without any of the bot's code, so a wrong sum in the bot cannot also be in the test.
// Rule (DESIGN.md): a unit's figures are the sum of the leaf rows below it; only leaves have rows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../src/cli/playground.js';
import { normalizeText } from '../support/playground.js';

export type Row = Record<string, string>;

const cache = new Map<string, Row[]>();

export function readDemoCsv(file: string): Row[] {
  let rows = cache.get(file);
  if (!rows) {
    const [header, ...lines] = readFileSync(join(REPO_ROOT, 'data', 'demo', file), 'utf-8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '');
    const columns = header!.split(';');
    rows = lines.map((line) => {
      const cells = line.split(';');
      return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? '']));
    });
    cache.set(file, rows);
  }
  return rows;
}

/** A plain decimal-comma number from the CSVs ("5353,8"); empty is 0. */
export function num(cell: string | undefined): number {
  return cell ? Number(cell.replace(',', '.')) : 0;
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export interface Unit {
  id: string;
  namn: string;
  typ: string;
  foralder: string;
}

export function units(): Unit[] {
  return readDemoCsv('enheter.csv').map((r) => ({ id: r.id!, namn: r.namn!, typ: r.typ!, foralder: r.foralder! }));
}

export function unit(id: string): Unit {
  const found = units().find((u) => u.id === id);
  if (!found) throw new Error(`no unit ${id} in enheter.csv`);
  return found;
}

export function childrenOf(id: string): Unit[] {
  return units().filter((u) => u.foralder === id);
}

export function leavesUnder(id: string): string[] {
  const children = childrenOf(id);
  return children.length === 0 ? [id] : children.flatMap((c) => leavesUnder(c.id));
}

export interface Figures {
  budget: number;
  utfall: number;
  budgetHelar: number;
  prognosHelar: number;
  /** budget − utfall; negative = underskott */
  avvikelse: number;
  /** utfall / budget in %, one decimal */
  procent: number;
  /** årsbudget − helårsprognos */
  prognosavvikelse: number;
  reported: number;
}

/** The unit's figures for a period (YYYY-MM): the sum of its leaves' rows. */
export function figures(unitId: string, period: string): Figures {
  const leaves = new Set(leavesUnder(unitId));
  const rows = readDemoCsv('utfall.csv').filter((r) => leaves.has(r.enhet!) && r.period === period);
  if (rows.length === 0) throw new Error(`no rows for ${unitId} ${period} in utfall.csv`);
  const sum = (column: string) => round1(rows.reduce((total, r) => total + num(r[column]), 0));
  const budget = sum('budget_ack');
  const utfall = sum('utfall_ack');
  const budgetHelar = sum('budget_helar');
  const prognosHelar = sum('prognos_helar');
  return {
    budget,
    utfall,
    budgetHelar,
    prognosHelar,
    avvikelse: round1(budget - utfall),
    procent: Math.round((utfall / budget) * 1000) / 10,
    prognosavvikelse: round1(budgetHelar - prognosHelar),
    reported: rows.length,
  };
}

/** The latest period any leaf under the unit has reported, up to `notAfter` (YYYY-MM). */
export function latestPeriod(unitId: string, notAfter = '9999-12'): string {
  const leaves = new Set(leavesUnder(unitId));
  return readDemoCsv('utfall.csv')
    .filter((r) => leaves.has(r.enhet!) && r.period! <= notAfter)
    .map((r) => r.period!)
    .sort()
    .at(-1)!;
}

export function kpi(unitId: string, period: string, name: string): { varde: number; mal: number } {
  const row = readDemoCsv('nyckeltal.csv').find((r) => r.enhet === unitId && r.period === period && r.nyckeltal === name);
  if (!row) throw new Error(`no ${name} for ${unitId} ${period} in nyckeltal.csv`);
  return { varde: num(row.varde), mal: num(row.mal) };
}

export function measures(unitId: string): Row[] {
  return readDemoCsv('atgarder.csv').filter((r) => r.enhet === unitId);
}

/** Sum of every plan_YYYY cell of a unit's measures (tkr). */
export function plannedTotal(unitId: string): number {
  return round1(
    measures(unitId).reduce((total, r) => total + Object.entries(r).reduce((s, [k, v]) => (k.startsWith('plan_') ? s + num(v) : s), 0), 0),
  );
}

export function actionPlan(unitId: string): { sparbeting: number; angivenSumma: number } {
  const row = readDemoCsv('atgardsplaner.csv').find((r) => r.enhet === unitId);
  if (!row) throw new Error(`no action plan for ${unitId} in atgardsplaner.csv`);
  return { sparbeting: num(row.sparbeting), angivenSumma: num(row.angiven_summa) };
}

// ---- how the figures look in a reply (after normalizeText: plain spaces, ASCII minus) -------------

const MONTHS = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** "2025-09" → "september 2025" */
export function periodName(period: string): string {
  const [year, month] = period.split('-');
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

/** sv-SE with at most one decimal, as the bot writes amounts: "17 795,6", "-1 651,4", "9 870". */
export function sv(value: number): string {
  return normalizeText(new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(value));
}

/** A percentage with one decimal: "121,1". */
export function svPercent(value: number): string {
  return normalizeText(new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The amount as a whole number in the text, not part of a longer one ("19 870", "9 870,5"). Unsigned
 * by default (matches "9 870" in "underskott 9 870" and in "-9 870"); `signed` requires the sign.
 */
export function amount(value: number, options: { signed?: boolean } = {}): RegExp {
  const text = options.signed ? sv(value) : sv(Math.abs(value));
  const before = options.signed && value >= 0 ? '(?<![\\d,-]|\\d )' : '(?<![\\d,]|\\d )';
  return new RegExp(`${before}${escape(text)}(?!\\d|,\\d| \\d{3})`);
}

/** "121,1 %" */
export function percent(value: number): RegExp {
  return new RegExp(`(?<![\\d,])${escape(svPercent(value))} ?%`);
}

/** Collects what a reply lacks, so one assertion lists every missing figure at once. */
export class Expectations {
  readonly missing: string[] = [];
  constructor(readonly seen: string) {}
  has(what: string, pattern: RegExp | string): this {
    const ok = typeof pattern === 'string' ? this.seen.includes(pattern) : pattern.test(this.seen);
    if (!ok) this.missing.push(`${what} ${pattern}`);
    return this;
  }
  /** The patterns occur in this order. */
  inOrder(what: string, patterns: RegExp[]): this {
    let from = 0;
    for (const pattern of patterns) {
      const match = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(this.seen.slice(from));
      if (!match) {
        this.missing.push(`${what}: ${pattern} (in order, after position ${from})`);
        return this;
      }
      from += match.index + match[0].length;
    }
    return this;
  }
  message(): string {
    return `the reply lacks:\n  ${this.missing.join('\n  ')}\n--- reply ---\n${this.seen}`;
  }
}
