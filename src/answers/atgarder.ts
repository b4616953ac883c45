import { år } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import type { Atgard, Enhet } from '../domain/schema.js';
import { formatTkr } from '../domain/tal.js';
import { ord } from '../language/normalisera.js';
import type { Fraga } from '../language/tolka.js';
import type { Enhetsindex } from '../language/enheter.js';
import { somSkrivet } from '../domain/markdown.js';
import { datumKort } from './ord.js';
import type { Svar, Svarsmiljo } from './svar.js';
import { type Kolumn, numrerad, tabellsektion } from './tabell.js';

/** The units a measure's title names ("Medicinrobotar i hemtjänst" → Hemtjänst); kept per row. */
const namngivnaEnheter = new WeakMap<Atgard, string[]>();
function enheterITitel(a: Atgard, index: Enhetsindex): string[] {
  let ut = namngivnaEnheter.get(a);
  if (!ut) {
    ut = index.hitta(ord(a.atgard)).enheter.map((e) => e.id);
    namngivnaEnheter.set(a, ut);
  }
  return ut;
}

/**
 * The measures that concern a unit: its own (or its subtree's when it has none), and those in its ancestors'
 * plans whose title names it or a unit below it ("Medicinrobotar i hemtjänst" in Vård och stöd's plan concerns
 * Hemtjänst and Äldreomsorg above it).
 */
export function atgarderSomRor(reg: Register, index: Enhetsindex, enhet: Enhet | null): Atgard[] {
  if (!enhet) return reg.allaAtgarder();
  const egna = reg.atgarder(enhet.id);
  const ut = egna.length ? [...egna] : reg.underliggande(enhet.id).flatMap((e) => reg.atgarder(e.id));
  const under = new Set([enhet.id, ...reg.underliggande(enhet.id).map((e) => e.id)]);
  for (const forfader of reg.kedja(enhet.id).slice(1)) {
    for (const a of reg.atgarder(forfader.id)) if (enheterITitel(a, index).some((id) => under.has(id))) ut.push(a);
  }
  return ut;
}

function arsbelopp(belopp: Record<string, number>, format: (v: number) => string = formatTkr): string {
  const ar_ = Object.keys(belopp).sort();
  return ar_.length ? ar_.map((a) => `${a}: ${format(belopp[a])}`).join(', ') : '–';
}

function summa(belopp: Record<string, number>): number {
  return Object.values(belopp).reduce((s, v) => s + v, 0);
}

export function atgardSvar(a: Atgard, m: Svarsmiljo): Svar {
  const enhet = m.register.enhet(a.enhet);
  const av = m.register.anvandare.get(a.andrad_av)?.namn ?? a.andrad_av;
  const rader = [
    `**Åtgärd ${a.nr}: ${a.atgard}** (${enhet?.namn ?? a.enhet})`,
    `Status: **${a.status}**. Kategori ${a.kategori} (${a.kategori === 'A' ? 'kan genomföras direkt' : 'kräver politiskt beslut'}).`,
    `Ansvarig: ${a.ansvarig || '–'}. Tidplan: ${a.tidplan || '–'}. Uppföljning: ${a.uppfoljning || '–'}.`,
    `Planerad besparing: ${arsbelopp(a.plan)}. Realiserad: ${arsbelopp(a.utfall)}.`,
  ];
  if (a.kommentar) rader.push(`Kommentar: ${somSkrivet(a.kommentar)}`);
  rader.push(`Senast ändrad ${datumKort(a.andrad)} av ${av}.`);
  return {
    text: rader.join('\n\n'),
    kort: {
      mall: 'atgard',
      data: {
        rubrik: `Åtgärd ${a.nr}: ${a.atgard}`,
        enhet: enhet?.namn ?? a.enhet,
        enhetId: a.enhet,
        nr: a.nr,
        fakta: [
          { title: 'Status', value: a.status },
          { title: 'Kategori', value: a.kategori },
          { title: 'Ansvarig', value: a.ansvarig || '–' },
          { title: 'Tidplan', value: a.tidplan || '–' },
          { title: 'Uppföljning', value: a.uppfoljning || '–' },
          { title: 'Planerad besparing', value: arsbelopp(a.plan) },
          { title: 'Realiserad besparing', value: arsbelopp(a.utfall) },
        ],
        kommentar: a.kommentar ? somSkrivet(a.kommentar) : '',
      },
    },
    kontext: { enhet: a.enhet, avsikt: 'atgarder' },
  };
}

/** A measure or plan named by its own words ("medicinrobotarna i hemtjänsten", "vidtagna åtgärder …"). */
export function namngivnaAtgarder(fraga: Fraga, m: Svarsmiljo): Svar | null {
  const reg = m.register;
  let traffar = fraga.atgardstraffar;
  const enhet = fraga.enheter[0];
  if (enhet) {
    // a unit word narrows to what concerns that unit, the parent's plan included
    const ror = new Set(atgarderSomRor(reg, m.index, enhet));
    const inom = traffar.filter((k) =>
      k.nr === null
        ? reg.ärUnder(enhet.id, k.enhet) || reg.ärUnder(k.enhet, enhet.id)
        : ror.has(reg.atgarder(k.enhet).find((a) => a.nr === k.nr)!),
    );
    if (inom.length) traffar = inom;
  }
  const forsta = traffar[0];
  if (!forsta) return null;
  if (forsta.nr === null) return atgarderSvar({ ...fraga, atgardstraffar: [] }, reg.enhet(forsta.enhet) ?? null, m, true);
  const atgard = reg.atgarder(forsta.enhet).find((a) => a.nr === forsta.nr);
  return atgard ? atgardSvar(atgard, m) : null;
}

export function atgarderSvar(fraga: Fraga, enhet: Enhet | null, m: Svarsmiljo, baraEgna = false): Svar {
  const reg = m.register;
  const alla = baraEgna && enhet ? [...reg.atgarder(enhet.id)] : atgarderSomRor(reg, m.index, enhet);
  const var_ = enhet ? ` för ${enhet.namn}` : '';
  if (fraga.atgardNr !== null) {
    const traff = alla.filter((a) => a.nr === fraga.atgardNr);
    if (traff.length === 1) return atgardSvar(traff[0], m);
    const egna = enhet ? traff.filter((a) => a.enhet === enhet.id) : [];
    if (egna.length === 1) return atgardSvar(egna[0], m);
    if (traff.length > 1) {
      return {
        text: `Det finns en åtgärd ${fraga.atgardNr} hos flera enheter: ${traff.map((a) => reg.enhet(a.enhet)?.namn ?? a.enhet).join(', ')}. Skriv till exempel "åtgärd ${fraga.atgardNr} ${reg.enhet(traff[0].enhet)?.alias[0] ?? reg.enhet(traff[0].enhet)?.namn}".`,
      };
    }
    return {
      text: `Jag hittar ingen åtgärd ${fraga.atgardNr}${var_}.${alla.length ? ` Åtgärderna${var_} har nummer ${alla.map((a) => a.nr).join(', ')}.` : ''}`,
    };
  }
  let urval = alla;
  let rubrik = `Åtgärder${var_}`;
  if (fraga.atgardsfilter === 'kategori_b') {
    urval = alla.filter((a) => a.kategori === 'B');
    rubrik = `Åtgärder${var_} som kräver politiskt beslut (kategori B)`;
  } else if (fraga.atgardsfilter) {
    urval = alla.filter((a) => a.status === fraga.atgardsfilter);
    rubrik = `Åtgärder${var_} med status ${fraga.atgardsfilter}`;
  }
  if (!alla.length) return { text: `Det finns ingen åtgärdsplan${var_}.`, kontext: { enhet: enhet?.id, avsikt: 'atgarder' } };
  if (!urval.length)
    return { text: `**${rubrik}**\n\nInga just nu (av ${alla.length} åtgärder).`, kontext: { enhet: enhet?.id, avsikt: 'atgarder' } };
  const aret = String(fraga.tid.helar && fraga.tid.period ? år(fraga.tid.period) : år(m.nu));
  // one section per plan, with the plan's own numbers and its own totals: two plans' "1." never meet
  const sektioner = [...perEnhet(urval)].map(([enhetId, egna]) => {
    const namn = reg.enhet(enhetId)?.namn ?? enhetId;
    const iPlanen = reg.atgarder(enhetId).length;
    const plan = reg.atgardsplan(enhetId)?.namn ?? '';
    const del = egna.length < iPlanen && !fraga.atgardsfilter ? `${egna.length} av ${iPlanen} åtgärder` : '';
    return {
      namn,
      // a plan whose measures have no amounts in any year has no amount columns: a column of "–" says nothing
      harBelopp: egna.some((a) => Object.keys(a.plan).length || Object.keys(a.utfall).length),
      undertitel: [plan, del].filter(Boolean).join(', '),
      atgarder: egna,
      summor: fraga.atgardsfilter
        ? []
        : plansummor(
            reg,
            alla.filter((a) => a.enhet === enhetId),
          ),
    };
  });
  // a measure without amounts has none to show: "–", never "0 tkr"
  const belopp = (b: Record<string, number>) => (b[aret] !== undefined ? formatTkr(b[aret]) : '–');
  const textdelar = sektioner.map((s) => {
    const rubrik_ = `**${s.namn}**${s.undertitel ? ` (${s.undertitel})` : ''}`;
    const lista = s.atgarder.map(
      (a) =>
        `${a.nr}. ${a.atgard}: ${a.status}, kategori ${a.kategori}${s.harBelopp ? `; plan ${aret} ${belopp(a.plan)}, realiserat ${aret} ${belopp(a.utfall)}` : ''}`,
    );
    return [rubrik_, lista.join('\n'), ...s.summor].join('\n\n');
  });
  const kolumner: Kolumn[] = [
    { namn: 'Status', bredd: 4 },
    { namn: `Plan ${aret}`, tal: true, bredd: 3 },
    { namn: `Realiserat ${aret}`, tal: true, bredd: 3 },
  ];
  const utanBelopp: Kolumn[] = [
    { namn: 'Status', bredd: 4 },
    { namn: 'Kategori', bredd: 6 },
  ];
  return {
    text: [`**${rubrik}**`, ...textdelar].join('\n\n'),
    kort: {
      mall: 'tabell',
      data: {
        rubrik,
        sektioner: sektioner.map((s) =>
          tabellsektion({
            rubrik: s.namn,
            undertitel: s.undertitel,
            kolumner: s.harBelopp ? kolumner : utanBelopp,
            rader: s.atgarder.map((a) => ({
              namn: numrerad(a.nr, a.atgard),
              celler: s.harBelopp ? [a.status, belopp(a.plan), belopp(a.utfall)] : [a.status, a.kategori],
            })),
            fotnoter: s.summor,
          }),
        ),
        fotnoter: [],
      },
    },
    kontext: { enhet: enhet?.id, avsikt: 'atgarder' },
  };
}

/** Totals per year against the savings requirement, and a flag when the plan's own total disagrees with its rows. */
function plansummor(reg: Register, alla: Atgard[]): string[] {
  const ut: string[] = [];
  for (const [enhetId, egna] of perEnhet(alla)) {
    const plan = perAr(egna, 'plan');
    const utfall = perAr(egna, 'utfall');
    const namn = reg.enhet(enhetId)?.namn ?? enhetId;
    const total = summa(plan);
    const p = reg.atgardsplan(enhetId);
    if (!Object.keys(plan).length && !Object.keys(utfall).length) {
      ut.push(`${namn}: åtgärderna saknar belopp.`);
      continue;
    }
    const iPlanen = reg.atgarder(enhetId).length;
    if (egna.length < iPlanen) {
      // a part of a parent's plan: its requirement is the whole plan's, not these measures'
      ut.push(
        `Ur ${genitiv(namn)} plan (${egna.length} av ${iPlanen} åtgärder): planerad besparing ${arsbelopp(plan)}, totalt ${formatTkr(total)}; realiserat ${arsbelopp(utfall)}.`,
      );
      continue;
    }
    ut.push(`${namn}: planerad besparing ${arsbelopp(plan)}, totalt ${formatTkr(total)}; realiserat ${arsbelopp(utfall)}.`);
    if (p?.sparbeting != null) {
      const diff = total - p.sparbeting;
      ut.push(
        `Sparbeting ${formatTkr(p.sparbeting)}: planen ${diff >= 0 ? `täcker det med ${formatTkr(diff)} till godo` : `saknar ${formatTkr(-diff)}`}.`,
      );
    }
    if (p?.angiven_summa != null && Math.abs(p.angiven_summa - total) >= 0.5) {
      ut.push(
        `⚠ Planens angivna summa (${formatTkr(p.angiven_summa)}) stämmer inte med summan av raderna (${formatTkr(total)}); skillnad ${formatTkr(Math.abs(total - p.angiven_summa))}.`,
      );
    }
  }
  return ut;
}

/** Each year's sum over the measures. Summed in a Map: objects keyed by year grow slowly. */
function perAr(atgarder: Atgard[], falt: 'plan' | 'utfall'): Record<string, number> {
  const summor = new Map<string, number>();
  for (const a of atgarder) {
    const belopp = a[falt];
    for (const ar_ of Object.keys(belopp)) summor.set(ar_, (summor.get(ar_) ?? 0) + belopp[ar_]);
  }
  return Object.fromEntries(summor);
}

/** The measures grouped by unit, units in order of their first measure. */
function perEnhet(alla: Atgard[]): Map<string, Atgard[]> {
  const ut = new Map<string, Atgard[]>();
  for (const a of alla) {
    const egna = ut.get(a.enhet);
    if (egna) egna.push(a);
    else ut.set(a.enhet, [a]);
  }
  return ut;
}

/** "Vård och stöds", "Socialnämndens", "Hälso- och sjukvårds"; a name ending in s, x or z takes no s. */
function genitiv(namn: string): string {
  return /[sxz]$/i.test(namn) ? namn : `${namn}s`;
}
