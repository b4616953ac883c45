import type { Period } from '../domain/period.js';
import { type Siffror, siffrorFor } from '../domain/siffror.js';
import type { Register } from '../domain/register.js';
import type { Enhet } from '../domain/schema.js';
import { formatProcent, formatTal } from '../domain/tal.js';
import { beloppFor, medTecken } from './belopp.js';
import { tomText } from './perioder.js';
import { procentAvBudget } from './status.js';
import type { Fraga } from '../language/tolka.js';
import { avvikelseIOrd } from './ord.js';
import type { Svar, Svarsmiljo } from './svar.js';
import { numrerad, tabellsektion } from './tabell.js';
import type { Tabellsektion } from '../cards/vyer.js';

/** Candidates change only with the register, so they are kept per register generation, root and named levels. */
const kandidatminne = new WeakMap<Register, { generation: number; listor: Map<string, readonly Enhet[]> }>();

/**
 * The units to rank: "delar av X" X's own parts; a named level ("nämnderna", "enheterna"); otherwise the level
 * the data calls verksamheter, or, where there is none, the units that report their own figures.
 */
function kandidater(fraga: Fraga, omfang: Enhet | null, m: Svarsmiljo): readonly Enhet[] {
  const reg = m.register;
  const rot = omfang ?? reg.rot();
  if (!rot) return [];
  if (fraga.delar && omfang) return reg.barnTill(omfang.id);
  const nivaer = fraga.nivaer.length ? fraga.nivaer : (['verksamhet'] as Array<Enhet['typ']>);
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

const NIVANAMN: Record<Enhet['typ'], string> = {
  kommun: 'Kommuner',
  nämnd: 'Nämnder',
  förvaltning: 'Förvaltningar',
  verksamhetsområde: 'Verksamhetsområden',
  verksamhet: 'Verksamheter',
  enhet: 'Enheter',
};

export function rankningSvar(fraga: Fraga, omfang: Enhet | null, p: Period, m: Svarsmiljo): Svar {
  const reg = m.register;
  const b = beloppFor(fraga.mnkr);
  const nar = tomText(reg, omfang?.id ?? reg.rot()?.id ?? '', p);
  const kontext = { enhet: omfang?.id, period: p, avsikt: 'rankning' as const };
  if (omfang && !reg.barnTill(omfang.id).length) {
    const egen = siffrorFor(reg, omfang.id, p);
    const procent = egen ? procentAvBudget(egen) : null;
    return {
      text: `${omfang.namn} har inga underenheter att rangordna.${egen ? ` Själv har den ${avvikelseIOrd(egen.avvikelse, b)} ${nar}${procent === null ? '' : ` (${formatProcent(procent)} av budget)`}.` : ''}`,
      kontext,
    };
  }
  const rader = kandidater(fraga, omfang, m)
    .map((e) => siffrorFor(reg, e.id, p))
    .filter((s): s is Siffror => s !== null);
  const vilka =
    fraga.delar && omfang
      ? 'Delar'
      : NIVANAMN[fraga.nivaer[0] ?? (rader.every((s) => s.enhet.typ === 'verksamhet') ? 'verksamhet' : 'enhet')];
  const var_ = omfang ? ` inom ${omfang.namn}` : '';
  const underskott = rader.filter((s) => s.avvikelse <= -0.05).sort((x, y) => x.avvikelse - y.avvikelse);
  const overskott = rader.filter((s) => s.avvikelse >= 0.05).sort((x, y) => y.avvikelse - x.avvikelse);
  const iBalans = rader.filter((s) => Math.abs(s.avvikelse) < 0.05);
  let grupper: Array<{ rubrik: string; lista: Siffror[] }>;
  let beskrivning: string;
  if (fraga.procentGrans !== null) {
    const grans = 100 + fraga.procentGrans;
    const urval = rader
      .filter((s) => procentAvBudget(s) !== null && procentAvBudget(s)! > grans)
      .sort((x, y) => (y.procent ?? 0) - (x.procent ?? 0));
    beskrivning = `mer än ${formatTal(fraga.procentGrans)}\u00a0% över budget`;
    grupper = [{ rubrik: '', lista: urval }];
  } else if (fraga.riktning === 'overskott') {
    beskrivning = 'överskott (går plus), störst först';
    grupper = [{ rubrik: '', lista: overskott }];
  } else if (fraga.riktning === 'underskott' || fraga.storst) {
    beskrivning = 'underskott, störst först';
    grupper = [{ rubrik: '', lista: underskott }];
  } else {
    beskrivning = 'avvikelse: underskott och överskott var för sig, störst först';
    grupper = [
      { rubrik: 'Underskott', lista: underskott },
      { rubrik: 'Överskott', lista: overskott },
      { rubrik: 'I nivå med budget', lista: iBalans },
    ].filter((g) => g.lista.length);
  }
  const alla = fraga.alla || fraga.procentGrans !== null || fraga.riktning === 'overskott' || fraga.riktning === 'underskott';
  const tak = fraga.antal ?? (alla ? Infinity : 10);
  const rubrik = `**${fraga.antal ? `Topp ${fraga.antal}: ` : ''}${vilka}${var_} efter ${beskrivning}, ${nar}**`;
  const antalTotalt = grupper.reduce((s, g) => s + g.lista.length, 0);
  if (!antalTotalt) {
    return { text: `${rubrik}\n\nIngen${var_} har ${beskrivning.split(',')[0]} ${nar}.`, kontext };
  }
  const rad = (s: Siffror, i: number) => {
    const procent = procentAvBudget(s);
    const ord = s.avvikelse <= -0.05 ? 'underskott' : s.avvikelse >= 0.05 ? 'överskott' : 'i nivå med budget';
    return `${i + 1}. ${s.enhet.namn}${foralderText(s.enhet, omfang, m)}: ${medTecken(s.avvikelse, b)} ${ord}${procent === null ? '' : ` (${formatProcent(procent)} av budget)`}`;
  };
  const fler: string[] = [];
  const textdelar = [rubrik];
  const sektioner: Tabellsektion[] = [];
  for (const g of grupper) {
    const visade = g.lista.slice(0, tak);
    if (g.lista.length > visade.length)
      fler.push(`(${g.rubrik || 'Listan'}: ${g.lista.length - visade.length} till; fråga "vilka …" för alla.)`);
    textdelar.push(`${g.rubrik ? `${g.rubrik}:\n\n` : ''}${visade.map(rad).join('\n')}`);
    sektioner.push(
      tabellsektion({
        rubrik: g.rubrik,
        kolumner: [
          { namn: 'Avvikelse', tal: true },
          { namn: 'Procent av budget', tal: true },
        ],
        rader: visade.map((s, i) => {
          const procent = procentAvBudget(s);
          const farg = s.avvikelse <= -0.05 ? 'Attention' : s.avvikelse >= 0.05 ? 'Good' : 'Default';
          return {
            namn: numrerad(i + 1, s.enhet.namn),
            under: foralder(s.enhet, omfang, m),
            celler: [{ text: medTecken(s.avvikelse, b), farg }, procent === null ? '–' : formatProcent(procent)],
          };
        }),
      }),
    );
  }
  return {
    text: [...textdelar, ...fler].join('\n\n'),
    kort: {
      mall: 'tabell',
      data: { rubrik: rubrik.replace(/\*\*/g, ''), sektioner, fotnoter: fler },
    },
    kontext,
  };
}

/** The unit above a ranked one, where the scope does not already say it ("Barn och unga" in Individ- och familjeomsorg). */
function foralder(e: Enhet, omfang: Enhet | null, m: Svarsmiljo): string {
  const f = e.foralder ? m.register.enhet(e.foralder) : undefined;
  return f && f.foralder && f.id !== omfang?.id ? f.namn : '';
}

function foralderText(e: Enhet, omfang: Enhet | null, m: Svarsmiljo): string {
  const f = foralder(e, omfang, m);
  return f ? ` (${f})` : '';
}
