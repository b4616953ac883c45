import { type Period, tillOchMedText } from '../domain/period.js';
import { type Siffror, siffrorFor } from '../domain/siffror.js';
import type { Register } from '../domain/register.js';
import type { Enhet } from '../domain/schema.js';
import { formatProcent, formatTal, formatTkr } from '../domain/tal.js';
import type { Fraga } from '../language/tolka.js';
import { avvikelseIOrd } from './ord.js';
import type { Svar, Svarsmiljo } from './svar.js';

/** Candidates change only with the register, so they are kept per register generation, root and named levels. */
const kandidatminne = new WeakMap<Register, { generation: number; listor: Map<string, readonly Enhet[]> }>();

/** The units to rank: a named level ("nämnderna", "verksamheter"), otherwise those that report their own figures. */
function kandidater(fraga: Fraga, omfang: Enhet | null, m: Svarsmiljo): readonly Enhet[] {
  const reg = m.register;
  const rot = omfang ?? reg.rot();
  if (!rot) return [];
  const nivaer = fraga.nivaer;
  let minne = kandidatminne.get(reg);
  if (!minne || minne.generation !== reg.generation) {
    minne = { generation: reg.generation, listor: new Map() };
    kandidatminne.set(reg, minne);
  }
  const nyckel = `${nivaer.join(',')}|${rot.id}`;
  let lista = minne.listor.get(nyckel);
  if (!lista) {
    lista = kandidaterUtanMinne(reg, rot, nivaer);
    minne.listor.set(nyckel, lista);
  }
  return lista;
}

function kandidaterUtanMinne(reg: Register, rot: Enhet, nivaer: Array<Enhet['typ']>): Enhet[] {
  const under = reg.underliggande(rot.id);
  for (const typ of nivaer) {
    const pa = under.filter((e) => e.typ === typ);
    if (!pa.length) continue;
    // Branches without that level still count, by the units that report in them.
    const tackta = new Set(pa.flatMap((e) => [e.id, ...reg.kedja(e.id).map((f) => f.id), ...reg.underliggande(e.id).map((f) => f.id)]));
    return [...pa, ...under.filter((e) => !tackta.has(e.id) && reg.barnTill(e.id).length === 0)];
  }
  const rapporterande = under.filter((e) => reg.harEgnaPerioder(e.id));
  return rapporterande.length ? rapporterande : under;
}

export function rankningSvar(fraga: Fraga, omfang: Enhet | null, p: Period, m: Svarsmiljo): Svar {
  if (omfang && !m.register.barnTill(omfang.id).length) {
    const egen = siffrorFor(m.register, omfang.id, p);
    return {
      text: `${omfang.namn} har inga underenheter att rangordna.${egen ? ` Själv har den ${avvikelseIOrd(egen.avvikelse)} ${tillOchMedText(p)}${egen.procent === null ? '' : ` (${formatProcent(egen.procent)} av budget)`}.` : ''}`,
      kontext: { enhet: omfang.id, period: p, avsikt: 'rankning' },
    };
  }
  const rader = kandidater(fraga, omfang, m)
    .map((e) => siffrorFor(m.register, e.id, p))
    .filter((s): s is Siffror => s !== null);
  let urval: Siffror[];
  let beskrivning: string;
  if (fraga.procentGrans !== null) {
    const grans = 100 + fraga.procentGrans;
    urval = rader.filter((s) => s.procent !== null && s.procent > grans).sort((a, b) => (b.procent ?? 0) - (a.procent ?? 0));
    beskrivning = `mer än ${formatTal(fraga.procentGrans)}\u00a0% över budget`;
  } else if (fraga.riktning === 'overskott') {
    urval = rader.filter((s) => s.avvikelse > 0).sort((a, b) => b.avvikelse - a.avvikelse);
    beskrivning = 'överskott (går plus)';
  } else if (fraga.riktning === 'underskott' || fraga.storst) {
    urval = rader.filter((s) => s.avvikelse < 0).sort((a, b) => a.avvikelse - b.avvikelse);
    beskrivning = 'underskott';
  } else {
    urval = [...rader].sort((a, b) => a.avvikelse - b.avvikelse);
    beskrivning = 'avvikelse, störst underskott först';
  }
  const antal = fraga.antal ?? (fraga.procentGrans !== null || fraga.riktning === 'overskott' ? urval.length : Math.min(urval.length, 10));
  const visade = urval.slice(0, antal);
  const var_ = omfang ? ` inom ${omfang.namn}` : '';
  const rubrik = `**${fraga.antal ? `Topp ${fraga.antal}` : 'Rangordning'}${var_} efter ${beskrivning}, ${tillOchMedText(p)}**`;
  if (!visade.length) {
    return {
      text: `${rubrik}\n\nIngen enhet${var_} har ${beskrivning} ${tillOchMedText(p)}.`,
      kontext: { enhet: omfang?.id, period: p, avsikt: 'rankning' },
    };
  }
  const lista = visade.map(
    (s, i) =>
      `${i + 1}. ${s.enhet.namn}${foralderText(s.enhet, m)}: ${avvikelseIOrd(s.avvikelse)}${s.procent === null ? '' : ` (${formatProcent(s.procent)} av budget)`}`,
  );
  const fler = urval.length > visade.length ? [`(${urval.length - visade.length} till; be om "topp ${urval.length}" för alla.)`] : [];
  const text = [rubrik, lista.join('\n'), ...fler].join('\n\n');
  return {
    text,
    kort: {
      mall: 'tabell',
      data: {
        rubrik: rubrik.replace(/\*\*/g, ''),
        kolumner: [{ namn: 'Enhet' }, { namn: 'Avvikelse' }, { namn: 'Procent' }],
        rader: visade.map((s) => ({
          celler: [{ text: s.enhet.namn }, { text: formatTkr(s.avvikelse) }, { text: s.procent === null ? '–' : formatProcent(s.procent) }],
        })),
        fotnoter: fler,
      },
    },
    kontext: { enhet: omfang?.id, period: p, avsikt: 'rankning' },
  };
}

function foralderText(e: Enhet, m: Svarsmiljo): string {
  const f = e.foralder ? m.register.enhet(e.foralder) : undefined;
  return f && f.foralder ? ` (${f.namn})` : '';
}
