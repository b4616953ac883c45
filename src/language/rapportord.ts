import type { Enhet } from '../domain/schema.js';
import { normalisera } from './normalisera.js';

/**
 * The nämnd's monthly report, as people ask for it (normalised text): "månadsrapport för socialnämnden",
 * "rapport till nämnden november", "ks-rapporten", "monthly report".
 */
export const MANADSRAPPORT =
  /\brapporten\b|\bmanadsrapport\w*|\bmanadsuppfoljning\w*|\b(namnd|ks|kf|ekonomi|uppfoljnings|protokolls)rapport\w*|\b(ks|kf|namnd|namnds) rapport\w*|\brapport(en)? (till|for)\b|\btabell(en)? till (namnden|ks|kf|kommunstyrelsen|fullmaktige|kommunfullmaktige)\b|\bverksamhetsuppfoljning\w*|\bmonthly report\b|\b(board|committee|council) report\b|\breport (for|to) the (board|committee|council)\b/;

/** Who the report is for, when the question says so without naming a unit. */
export type Rapportmottagare = 'kommun' | 'nämnd';

const TILL_KOMMUNEN =
  /\b(ks|kf)( |)rapport\w*|\btill (ks|kf|kommunstyrelsen|fullmaktige|kommunfullmaktige)\b|\bto the council\b|\bcouncil report\b|\b(for )?the (whole )?municipality\b/;
const TILL_NAMNDEN = /\b(till|for) namnden\b|\bnamnd( |s |)rapport(en)?\b|\bto the (board|committee)\b|\b(board|committee) report\b/;

/**
 * "ks-rapporten", "rapport till kommunstyrelsen": the report KS reads covers every nämnd, so it is the whole
 * municipality's, even where KS is also a unit of its own ("månadsrapport för KS" is that unit's).
 * "rapport till nämnden": the nämnd of the one who asks.
 */
export function rapportmottagare(normal: string): Rapportmottagare | null {
  if (TILL_KOMMUNEN.test(normal)) return 'kommun';
  if (TILL_NAMNDEN.test(normal)) return 'nämnd';
  return null;
}

const STYRELSEN = /^(ks|kf|kommunstyrelse\w*|kommunfullmaktige|fullmaktige)$/;

/** A unit the words "KS" or "kommunstyrelsen" name, which in "rapport till KS" is who reads, not what. */
export function ärStyrelsen(enhet: Enhet): boolean {
  return [enhet.namn, ...enhet.alias].some((n) => STYRELSEN.test(normalisera(n)));
}

/** Words of the request itself ("rapporten", "nämnden", "ks"), which name no unit. */
const RAPPORTORD =
  /^(\w*rapport\w*|\w*uppfoljning\w*|tabell\w*|ekonomisk\w*|namnd(en|s)?|ks|kf|kommunstyrelsen|fullmaktige|kommunfullmaktige|monthly|report|board|committee|council|municipality|whole|the)$/;

export function ärRapportord(ord: string): boolean {
  return RAPPORTORD.test(ord);
}

const BEGARAN = /^(\w*rapport\w*|manadsuppfoljning\w*|verksamhetsuppfoljning\w*|monthly|report)$/;

/**
 * Where the question asks for the report, the positions of the words that ask ("månadsrapporten"): they name no
 * KPI or measure, however like one they are ("månadsrapport" is not "… längre än 3 månader").
 */
export function begaranordensPositioner(ordlista: readonly string[], normal: string): number[] {
  if (!MANADSRAPPORT.test(normal)) return [];
  return ordlista.flatMap((o, i) => (BEGARAN.test(o) ? [i] : []));
}
