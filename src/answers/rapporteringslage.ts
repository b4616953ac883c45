import type { Farg, Fragknapp, Rapporteringslagekort } from '../cards/vyer.js';
import { uppraknat } from '../domain/behorighet.js';
import { arKlarmarkerad, fårKlarmarkera } from '../domain/klarmarkering.js';
import { type Period, foregaende, periodNamn } from '../domain/period.js';
import { type Enhetslage, enhetslage, personligChatt, rapporterandeEnheter } from '../domain/rapporteringslage.js';
import { type Frist, aktuellFrist, fristFor } from '../domain/rapporteringsplan.js';
import type { Register } from '../domain/register.js';
import type { Enhet } from '../domain/schema.js';
import { datumText, lokaltid } from '../domain/tidszon.js';
import { vemNamn } from './historik.js';
import { klarlageText } from './klarlage.js';
import { datumKort } from './ord.js';
import type { Svar, Svarsmiljo } from './svar.js';
import type { Fraga } from '../language/tolka.js';
import { valjEnhet } from './enhetsval.js';

/** More rows than this would not fit on a card; the reported ones are counted instead. */
const MAX_RADER = 60;

/** The month a round is about on a day: the one whose reminders run for the unit, else the last closed month. */
export function rundansPeriod(reg: Register, enhetId: string, idag: Date): Period {
  const dag = lokaltid(idag).datum;
  return aktuellFrist(reg, enhetId, dag)?.period ?? foregaende(dag.slice(0, 7));
}

/** The deadline in words: "fredag 5 december 2025". */
export function sistaDagText(f: Frist | null): string | null {
  return f?.typ === 'frist' ? datumText(f.sistaDag, true) : null;
}

function lageText(l: Enhetslage): { text: string; farg: Farg } {
  if (l.status === 'rapporterad')
    return {
      text: `Rapporterad ${datumKort(l.rapporterad!)}${l.forSent ? ' (efter sista dag)' : ''}`,
      farg: l.forSent ? 'Warning' : 'Good',
    };
  if (l.status === 'sen') return { text: 'Sen: inte rapporterad', farg: 'Attention' };
  return { text: 'Inte rapporterad ännu', farg: 'Default' };
}

/** The deadlines in a scope, one line: one date, or the date per nämnd when they differ. */
function fristrad(reg: Register, lagen: Enhetslage[], period: Period): string {
  const perRegel = new Map<string, Frist>();
  for (const l of lagen) if (l.frist) perRegel.set(l.frist.regelFran, l.frist);
  if (!perRegel.size)
    return `Ingen rapporteringsfrist är satt för ${periodNamn(period)}. En administratör sätter den, till exempel med "rapporteringsfrist arbetsdag 5".`;
  const texter = [...perRegel.values()].map((f) => (f.typ === 'frist' ? datumText(f.sistaDag, true) : 'ingen rapportering'));
  if (new Set(texter).size === 1) return `Sista dag för ${periodNamn(period)}: ${texter[0]}.`;
  return `Sista dag för ${periodNamn(period)}: ${[...perRegel.entries()]
    .sort(([a], [b]) => reg.kedja(a).length - reg.kedja(b).length)
    .map(([enhet, f]) => `${reg.enhet(enhet)?.namn ?? enhet} ${f.typ === 'frist' ? datumText(f.sistaDag) : 'ingen rapportering'}`)
    .join(', ')}.`;
}

/**
 * "vilka har inte rapporterat?", "hur går rapporteringen i socialnämnden?": each reporting unit in the scope
 * with reported (when), missing or late, who answers for it, and the deadline. A controller who may mark the
 * month ready gets the button when every unit has reported.
 */
export function rapporteringslageSvar(m: Svarsmiljo, omfang: Enhet, period: Period, inledning?: string): Svar {
  const reg = m.register;
  const idag = lokaltid(m.idag).datum;
  const lagen = rapporterandeEnheter(reg, omfang.id).map((e) => enhetslage(reg, e, period, idag));
  const sena = lagen.filter((l) => l.status === 'sen');
  const saknas = lagen.filter((l) => l.status === 'saknas');
  const klara = lagen.filter((l) => l.status === 'rapporterad');
  const rubrik = `Rapporteringen för ${periodNamn(period)}: ${omfang.namn}`;
  const ingenFrist = fristFor(reg, omfang.id, period)?.typ === 'ingen' && !klara.length;
  const verdikt = ingenFrist
    ? `Ingen rapportering för ${periodNamn(period)}.`
    : klara.length === lagen.length
      ? `Alla ${lagen.length} enheter har rapporterat.`
      : `${klara.length} av ${lagen.length} enheter har rapporterat${sena.length ? `; ${sena.length} ${sena.length === 1 ? 'är sen' : 'är sena'}` : ''}.`;
  const farg: Farg = sena.length ? 'Attention' : klara.length === lagen.length ? 'Good' : 'Default';

  const ingress = [fristrad(reg, lagen, period), klarlageText(reg, omfang.id, period)].filter((r): r is string => Boolean(r));
  if (inledning) ingress.unshift(inledning);

  const ordnade = [...sena, ...saknas, ...klara];
  const visade = ordnade.slice(0, MAX_RADER);
  const ansvarig = (l: Enhetslage) => (l.ansvariga.length ? l.ansvariga.map((a) => a.namn).join(', ') : '–');
  const rader = visade.map((l) => {
    const lage = lageText(l);
    const av = l.status === 'rapporterad' && l.rapporteradAv ? vemNamn(reg, l.rapporteradAv) : ansvarig(l);
    return { enhet: l.enhet.namn, lage: lage.text, farg: lage.farg, ansvarig: av };
  });

  const fotnoter: string[] = [];
  if (ordnade.length > visade.length) fotnoter.push(`Och ${ordnade.length - visade.length} enheter till som har rapporterat.`);
  const oinstallerade = new Map<string, string>();
  for (const l of [...sena, ...saknas])
    for (const a of l.ansvariga) if (!personligChatt(reg.dokument, a.id)) oinstallerade.set(a.id, a.namn);
  if (oinstallerade.size)
    fotnoter.push(
      `Har inte installerat Budgetkollen och får därför inga påminnelser: ${uppraknat([...oinstallerade.values()])}. Påminn dem på annat sätt, eller be dem lägga till appen i Teams.`,
    );

  const knappar: Fragknapp[] = [];
  const klar = arKlarmarkerad(reg, omfang.id, period);
  if (!klar && lagen.length && klara.length === lagen.length && fårKlarmarkera(m.anvandare, omfang.id, reg))
    knappar.push({ titel: `Klarmarkera ${omfang.namn}`, fraga: `klarmarkera ${omfang.namn} ${periodNamn(period)}`, enhet: omfang.id });

  const data: Rapporteringslagekort = { rubrik, verdikt, farg, ingress, rader, fotnoter, knappar, enhetId: omfang.id, period };
  const text = [
    `**${rubrik}**`,
    verdikt,
    ...ingress,
    rader.map((r) => `- ${r.enhet}: ${r.lage} (${r.ansvarig})`).join('\n'),
    ...fotnoter,
    ...(knappar.length ? [`Allt är inne: skriv "${knappar[0].fraga}" för att klarmarkera.`] : []),
  ].filter(Boolean);
  return {
    text: text.join('\n\n'),
    kort: { mall: 'rapporteringslage', data },
    kontext: { enhet: omfang.id, period, avsikt: 'rapporteringslage' },
  };
}

/**
 * The overview asked for in chat: for the unit named, else the asker's one unit (a controller's), else the
 * municipality; for the month named, else the month the round is about.
 */
export function rapporteringslageFraga(fraga: Fraga, m: Svarsmiljo, tvingad?: string): Svar {
  const reg = m.register;
  let omfang: Enhet | undefined;
  if (tvingad || fraga.enheter.length || fraga.tvetydiga.length) {
    const val = valjEnhet(fraga, m, tvingad);
    if (!val.ok) return val.svar;
    omfang = val.enhet;
  } else {
    const egna = m.anvandare?.roll === 'controller' ? m.anvandare.enheter : [];
    omfang = (egna.length === 1 ? reg.enhet(egna[0]) : undefined) ?? reg.rot();
  }
  if (!omfang) return { text: 'Det finns inga enheter inlagda ännu. Be en administratör importera organisationen.' };
  const period = fraga.rapportmanad ?? rundansPeriod(reg, omfang.id, m.idag);
  return rapporteringslageSvar(m, omfang, period);
}
