import { MANADER, type Period } from '../src/domain/period.js';
import type { GenEnhet, Organisation } from './organisation.js';
import { Slump } from './prng.js';

export type Fragetyp = 'status' | 'trend' | 'rankning' | 'prognos' | 'atgarder' | 'nyckeltal';

export interface Benchfraga {
  text: string;
  typ: Fragetyp;
  /** the unit the question names, when it names one */
  enhet: string | null;
}

/** How a question of each kind is spread over the mix: most are status questions, as in real use. */
const MIX: Array<[Fragetyp, number]> = [
  ['status', 0.4],
  ['trend', 0.15],
  ['rankning', 0.1],
  ['prognos', 0.1],
  ['atgarder', 0.15],
  ['nyckeltal', 0.1],
];

const STATUS = [
  (n: string) => `hur ligger ${n} mot budget?`,
  (n: string) => `Hur går det för ${n}?`,
  (n: string) => `status ${n}`,
  (n: string) => `ligger ${n} över budget?`,
  (n: string, m: string) => `hur låg ${n} t.o.m. ${m}?`,
  (n: string, m: string) => `avvikelsen för ${n} i ${m}`,
  (n: string) => `how is ${n} doing against budget?`,
];
const TREND = [
  (n: string) => `visa ${n} månad för månad i år`,
  (n: string) => `${n} senaste 6 månaderna`,
  (n: string) => `trenden för ${n}`,
  (n: string) => `har det blivit bättre eller sämre för ${n} sen sommaren?`,
];
const PROGNOS = [
  (n: string) => `vad är helårsprognosen för ${n}?`,
  (n: string) => `klarar ${n} budgeten i år?`,
  (n: string) => `var landar ${n}?`,
];
const RANKNING = [
  (n: string) => `vilka verksamheter inom ${n} har störst underskott?`,
  (n: string) => `topp 5 enheter inom ${n} med störst underskott`,
  () => 'vilka nämnder har störst underskott?',
  () => 'rangordna verksamhetsområdena efter avvikelse',
  (n: string) => `vilka enheter inom ${n} går plus?`,
];
const ATGARDER = [
  (n: string) => `vilka åtgärder har ${n}?`,
  (n: string) => `försenade åtgärder för ${n}`,
  (n: string) => `åtgärdsplanen för ${n}`,
  (n: string) => `åtgärd 2 ${n}`,
];
const NYCKELTAL = [
  (n: string) => `sjukfrånvaron i ${n}`,
  (n: string, m: string) => `hur hög var sjukfrånvaron för ${n} i ${m}?`,
  (n: string) => `personalomsättning ${n}`,
  (n: string) => `korttidsfrånvaro ${n}`,
];

/** The name people use: the unit's name, sometimes in lower case, sometimes an alias. */
function kallas(e: GenEnhet, slump: Slump): string {
  if (e.alias.length && slump.chans(0.35)) return slump.val(e.alias);
  return slump.chans(0.3) ? e.namn.toLowerCase() : e.namn;
}

function manadNamn(p: Period): string {
  return `${MANADER[Number(p.slice(5, 7)) - 1]}${p.slice(0, 4) === '2025' ? '' : ` ${p.slice(0, 4)}`}`;
}

/** A fixed mix of questions over random units, the same for the same seed. */
export function skapaFragor(org: Organisation, antal: number, seed: number): Benchfraga[] {
  const slump = new Slump(seed);
  const ut: Benchfraga[] = [];
  const alla = org.enheter;
  const ovanLov = alla.filter((e) => e.niva >= 1 && e.niva <= 2);
  const medAtgarder = alla.filter((e) => org.atgarder.has(e.id));
  const senasteAret = org.perioder.slice(-11);
  for (let i = 0; i < antal; i++) {
    let r = slump.tal();
    let typ: Fragetyp = 'status';
    for (const [t, andel] of MIX) {
      if (r < andel) {
        typ = t;
        break;
      }
      r -= andel;
    }
    const manad = manadNamn(slump.val(senasteAret));
    let e: GenEnhet;
    let text: string;
    switch (typ) {
      case 'status':
        e = slump.val(alla);
        text = slump.val(STATUS)(kallas(e, slump), manad);
        break;
      case 'trend':
        e = slump.val(alla);
        text = slump.val(TREND)(kallas(e, slump));
        break;
      case 'prognos':
        e = slump.val(alla);
        text = slump.val(PROGNOS)(kallas(e, slump));
        break;
      case 'rankning':
        e = slump.val(ovanLov);
        text = slump.val(RANKNING)(kallas(e, slump));
        break;
      case 'atgarder':
        e = slump.val(medAtgarder);
        text = slump.val(ATGARDER)(kallas(e, slump));
        break;
      default:
        e = slump.val(org.kpiEnheter);
        text = slump.val(NYCKELTAL)(kallas(e, slump), manad);
    }
    ut.push({
      text,
      typ,
      enhet: text.includes(e.namn) || e.alias.some((a) => text.includes(a)) || text.includes(e.namn.toLowerCase()) ? e.id : null,
    });
  }
  return ut;
}
