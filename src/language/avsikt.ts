import { MANADSRAPPORT } from './rapportord.js';

/** What the person wants, read from normalised text. The order of the rules is the precedence. */
export const AVSIKTER = [
  'hjalp',
  'rapporteringsfrist',
  'klarmarkera',
  'rapporteringslage',
  'rapportera',
  'uppdatera_atgard',
  'historik',
  'prenumerera',
  'avsluta_larm',
  'larmlista',
  'larmstatus',
  'troskel',
  'farskhet',
  'manadsrapport',
  'nyckeltal',
  'atgarder',
  'nedbrytning',
  'jamforelse',
  'rankning',
  'trend',
  'prognos',
  'status',
  'okand',
] as const;
export type Avsikt = (typeof AVSIKTER)[number];

interface Regel {
  avsikt: Avsikt;
  monster: RegExp;
}

const REGLER: Regel[] = [
  {
    avsikt: 'hjalp',
    monster:
      /^(hjalp|help|hej|hallo|tjena|\?|meny|kommandon)$|\bvad kan (du|jag fraga)\b|\bhur (funkar|fungerar|anvander jag) (du|boten|budgetkollen)\b|\bwhat can you\b|\bexempel pa fragor\b/,
  },
  {
    avsikt: 'rapporteringsfrist',
    monster:
      /\brapporteringsfrist\w*|\brapporteringsplan\w*|\bfrist(en)? for rapportering\w*|\bingen rapportering\b|\brapportering (aven |igen )?i juli\b|\bpaminn\w* (\d+ arbetsdag\w*|kl|klockan)\b/,
  },
  { avsikt: 'klarmarkera', monster: /\bklarmark\w*|\bavklarmark\w*|\bavmarkera\w*|\bmarkera\b.*\bsom klar\b|\bmark\b.*\bready\b/ },
  {
    avsikt: 'rapporteringslage',
    monster:
      /\b(vilka|vem|vilken|vilka enheter)( som)? (har )?(inte|ej) (har )?rapporterat\b|\bvem har rapporterat\b|\bvilka har rapporterat\b|\brapporteringslag\w*|\brapporteringsstatus\w*|\bhur gar rapporteringen\b|\bhar (alla |de |dom )?rapporterat\b|\bsaknas (det )?(nagon|nagra) rapport\w*|\bwho (has|hasn t|has not) (not )?reported\b/,
  },
  {
    avsikt: 'rapportera',
    monster:
      /\b(rapportera|rapportering|lamna (in )?(prognos|siffror|utfall|manadssiffror)|registrera (siffror|utfall|prognos)|skicka in siffror|report (figures|numbers)|submit figures)\b|\bnya siffror for\b/,
  },
  { avsikt: 'uppdatera_atgard', monster: /\b(uppdatera|andra|satt|rapportera) (status (for|pa) )?atgard(en)?\b|\bupdate measure\b/ },
  {
    avsikt: 'historik',
    monster: /\b(historik|versioner|versionshistorik|korrigeringar|andringslogg|vem (har )?andrade|history|revisions)\b/,
  },
  {
    avsikt: 'avsluta_larm',
    monster:
      /\b(avsluta|sluta|stang av|ta bort|avprenumerera|unsubscribe|stop)\b.*\b(larm|alert|bevakning|prenumeration)\w*|\bavprenumerera\b|\bunsubscribe\b/,
  },
  { avsikt: 'larmstatus', monster: /\blarmstatus\b|\butkorg\w*|\boutbox\b|\balert status\b/ },
  {
    avsikt: 'larmlista',
    monster: /\bvilka (larm|bevakningar|prenumerationer)\b|\b(lista|visa) (larm|bevakningar|prenumerationer)\w*\b|\bwhich alerts\b/,
  },
  { avsikt: 'prenumerera', monster: /\b(prenumerera|bevaka|meddela mig|larma mig|varna mig|sag till|subscribe|notify me|alert me)\b/ },
  { avsikt: 'troskel', monster: /\b\w*(trosk|larmgrans|prognosgrans|varningsgrans|procentgrans)\w*|\bthreshold\w*/ },
  {
    avsikt: 'farskhet',
    monster:
      /\bsiffrorna aktuella\b|\b(farsk\w*|aktuella (ar )?siffror\w*|senast (uppdaterad|rapporterad|inrapporterad)\w*|nar (uppdaterades|rapporterades|importerades|lastes)|vem rapporterade|fresh|up to date|last updated)\b|\b(vilken|vilka) perioder? (galler|avser|visar|ar det)\b|\bperiod galler\b|\bgaller siffrorna\b|\b(bokslutet|arsbokslutet|siffrorna) (inlast|inlasta|importerad\w*)\b|\bar (det )?(bokslutet|arsbokslutet)\b.*\b(vi tittar|som galler|inlast)\b|\bwhich period\b/,
  },
  { avsikt: 'manadsrapport', monster: MANADSRAPPORT },
  {
    avsikt: 'nyckeltal',
    monster:
      /\b(sjuk\w*|korttidsfranvaro\w*|langtidsfranvaro\w*|franvaro\w*|personalomsattning\w*|omsattning\w*|hme|medarbetarenkat\w*|nyckeltal\w*|kpi\w*|sick\w*|absence|turnover|overtid|mertid)\b/,
  },
  {
    avsikt: 'atgarder',
    monster:
      /\bpolitisk\w* beslut|\bkategori [ab]\b|\b(atgard\w*|atgarder|handlingsplan\w*|sparplan\w*|besparing\w*|sparbeting\w*|effektivisering\w*|besparingskrav\w*|measures?|action plans?|savings)\b/,
  },
  {
    avsikt: 'nedbrytning',
    monster:
      /\b(var kommer|varifran|vad beror|beror (pa|det)|varfor|vad bestar|bestar (av|underskottet|overskottet)|bryt (ned|ner)|bryta (ned|ner)|nedbrytning|fordelat|fordelning|orsak\w*|drivs av|break ?down|where does|why)\b/,
  },
  {
    avsikt: 'jamforelse',
    monster:
      /\b(jamfor\w*|jamford|jmf|jfr|compare\w*|versus|vs|mot (i fjol|forra aret|samma (period|manad) (i fjol|forra aret)))\b|\bsamma (period|manad) (i fjol|forra aret)\b|\b(i fjol|forra aret) samma (period|manad)\b/,
  },
  {
    avsikt: 'rankning',
    monster:
      /\b(vilka|vilken|topp ?\d*|storst\w*|storre|hogst\w*|lagst\w*|minst\w*|samst\w*|bast\w*|rangordna\w*|ranka\w*|sortera\w*|which|top \d+|largest|worst|best|highest|lowest|rank\w*|mer an|more than|over \d+)\b/,
  },
  {
    avsikt: 'trend',
    monster:
      /\b(manad for manad|trend\w*|utveckling\w*|over tid|blivit (battre|samre)|battre eller samre|samre eller battre|kurva\w*|graf\w*|diagram\w*|month by month|over time|senaste \d+ manader\w*|senaste (tre|sex|tolv) manader\w*|getting (better|worse)|sen(an)? (sommaren|varen|semestern))\b/,
  },
  {
    avsikt: 'prognos',
    monster:
      /\bblir det (ett )?(underskott|overskott|minus|plus)\b|\b(prognos\w*|prognsen|helarsprognos\w*|arsprognos\w*|landar|landade|kommer (vi|de|det) att landa|klara\w* (\w+ )?(budget|ramen)\w*|hela aret|forecast\w*|year end|end of (the )?year|full year)\b/,
  },
  {
    avsikt: 'status',
    monster:
      /\b(hur (ligger|gar|gick|lag|ser|har)|ligger|gick|lag|budget\w*|budgt|avvikelse\w*|avv|underskott\w*|overskott\w*|utfall\w*|minus|plus|over|under|status|lage\w*|ekonomi\w*|forbruk\w*|how (is|are|does)|doing|on track|over budget|spent)\b/,
  },
];

const MONSTER = new Map(REGLER.map((r) => [r.avsikt, r.monster]));

/** Commands and help win over everything else; they are rare, so one pattern first tells whether any can match. */
const FORST = [
  'hjalp',
  'rapporteringsfrist',
  'klarmarkera',
  'rapporteringslage',
  'rapportera',
  'uppdatera_atgard',
  'historik',
  'avsluta_larm',
  'larmstatus',
  'larmlista',
  'prenumerera',
  'troskel',
  'farskhet',
  'manadsrapport',
] as const;
const NAGON_FORST = new RegExp(FORST.map((a) => `(?:${MONSTER.get(a)?.source})`).join('|'));

export function tolkaAvsikt(normaliserad: string, antalEnheter: number): Avsikt {
  // A rule is tested only when the precedence below reaches it.
  const har = (a: Avsikt) => MONSTER.get(a)?.test(normaliserad) ?? false;
  if (NAGON_FORST.test(normaliserad)) {
    for (const forst of FORST) if (har(forst)) return forst;
  }
  if (har('nyckeltal')) return 'nyckeltal';
  if (har('atgarder')) return 'atgarder';
  if (har('nedbrytning')) return 'nedbrytning';
  if (antalEnheter >= 2 && !/\brangordna|\branka/.test(normaliserad)) return 'jamforelse';
  if (har('jamforelse') && !har('prognos')) return 'jamforelse';
  if (
    har('rankning') &&
    (/\b(verksamhet|enhet|namnd|omrad|avdelning|unit|committee|department|delar)\w*|\binom\b|\bwithin\b/.test(normaliserad) ||
      antalEnheter === 0 ||
      /\b(topp|top|rangordna|ranka)\b/.test(normaliserad))
  )
    return 'rankning';
  if (har('trend')) return 'trend';
  if (har('prognos')) return 'prognos';
  if (har('status') || antalEnheter > 0) return 'status';
  return 'okand';
}
