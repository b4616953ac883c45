import { foregaende, type Period } from '../domain/period.js';
import { type Fristangivelse, tolkaFrist, tolkaManad } from '../domain/rapporteringsplan.js';
import { normalisera } from './normalisera.js';
import { tolkaPeriod } from './perioder.js';

/**
 * The reporting round's commands, as written: "klarmarkera socialnämnden november", "ta bort klarmarkeringen",
 * "rapporteringsfrist arbetsdag 5", "rapporteringsfrist för november 2025: 2025-12-05", "ingen rapportering i
 * juli", "påminn 2 arbetsdagar före klockan 07:30", "visa rapporteringsplanen".
 */

/** "avmarkera", "ta bort klarmarkeringen", "ångra klarmarkeringen": unmark instead of mark. */
export function arAvmarkering(text: string): boolean {
  return /\bavmarkera|\bavklarmarkera|\b(ta bort|tabort|angra|upphav)\w* (\w+ )?klarmarkering|\binte klar\b/.test(normalisera(text));
}

export interface Fristkommando {
  /** the month a rule is for, when one is named; otherwise the rule for every month */
  period: Period | null;
  frist: Fristangivelse | null;
  /** a deadline was written but could not be read: why */
  fristfel: string | null;
  /** "ingen rapportering i juli" (true) or "rapportering i juli igen" (false), with the month */
  uppehall: { manad: number; uppehall: boolean } | null;
  paminnDagar: number | null;
  klockslag: string | null;
  /** nothing to change: show the plan */
  visa: boolean;
}

const DATUM = /\b(\d{4}-\d{2}-\d{2})\b/;

export function tolkaFristkommando(text: string, nu: Period): Fristkommando {
  const rå = text.replace(/<at>[^<]*<\/at>/g, ' ');
  const n = normalisera(rå);
  const datum = DATUM.exec(rå);
  const arbetsdag = /\b(?:arbetsdag(?:en)? (\d{1,2})|(\d{1,2}) (?:e |a )?arbetsdag(?:en)?)\b(?! (?:fore|innan))/.exec(n);
  let frist: Fristangivelse | null = null;
  let fristfel: string | null = null;
  const las = (skrivet: string) => {
    const t = tolkaFrist(skrivet);
    if (t.ok) frist = t.frist;
    else fristfel = t.fel;
  };
  if (datum) las(datum[1]);
  else if (arbetsdag) las(`arbetsdag ${arbetsdag[1] ?? arbetsdag[2]}`);
  else if (/\bfrist\w*\b.*\bingen\b|\bingen frist\b/.test(n)) las('ingen');

  const juli =
    /\b(ingen|utan) rapportering (i|under) (\w+)\b/.exec(n) ?? /\brapportering (?:aven |igen )?(i|under) (\w+)( igen)?\b/.exec(n);
  let uppehall: Fristkommando['uppehall'] = null;
  if (juli) {
    const ingen = juli[0].startsWith('ingen') || juli[0].startsWith('utan');
    const manad = tolkaManad(ingen ? juli[3] : juli[2]);
    if (manad) uppehall = { manad, uppehall: ingen };
  }
  const dagar = /\b(\d{1,2}) arbetsdag\w* (?:fore|innan)\b/.exec(n);
  const kl = /\b(?:kl|klockan)\.?\s*(\d{1,2})(?:[:.](\d{2}))?/i.exec(rå.toLowerCase());
  const klockslag = kl && Number(kl[1]) < 24 && Number(kl[2] ?? 0) < 60 ? `${kl[1].padStart(2, '0')}:${kl[2] ?? '00'}` : null;

  // the month a rule is for: named without the date (whose month is the deadline's, not the report's)
  const utanDatum = n.replace(/\b\d{4} \d{2} \d{2}\b/, ' ').replace(/\b(ingen|utan) rapportering (i|under) \w+\b/, ' ');
  const ordlista = utanDatum.split(' ').filter(Boolean);
  const tid = uppehall ? null : tolkaPeriod(ordlista, nu, utanDatum);
  const period = tid?.period ?? (tid?.relativ === 'senaste_stangda' ? foregaende(nu) : null);
  return {
    period,
    frist,
    fristfel,
    uppehall,
    paminnDagar: dagar ? Number(dagar[1]) : null,
    klockslag,
    visa: !frist && !fristfel && !uppehall && !dagar && !klockslag,
  };
}
