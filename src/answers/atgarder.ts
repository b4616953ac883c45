import { år } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import type { Atgard, Enhet } from '../domain/schema.js';
import { formatTkr } from '../domain/tal.js';
import { hittaPaNamn } from '../language/atgardsnamn.js';
import type { Fraga } from '../language/tolka.js';
import { somSkrivet } from '../domain/markdown.js';
import { datumKort } from './ord.js';
import type { Svar, Svarsmiljo } from './svar.js';

/** Measures of the unit, or of its subtree when it has none of its own. */
function atgarderFor(reg: Register, enhet: Enhet | null): Atgard[] {
  if (!enhet) return reg.allaAtgarder();
  const egna = reg.atgarder(enhet.id);
  if (egna.length) return [...egna];
  return reg.underliggande(enhet.id).flatMap((e) => reg.atgarder(e.id));
}

function arsbelopp(belopp: Record<string, number>): string {
  const ar_ = Object.keys(belopp).sort();
  return ar_.length ? ar_.map((a) => `${a}: ${formatTkr(belopp[a])}`).join(', ') : '–';
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

export function atgarderSvar(fraga: Fraga, enhet: Enhet | null, m: Svarsmiljo): Svar {
  const reg = m.register;
  const alla = atgarderFor(reg, enhet);
  const var_ = enhet ? ` för ${enhet.namn}` : '';
  if (fraga.atgardNr !== null) {
    const traff = alla.filter((a) => a.nr === fraga.atgardNr);
    if (traff.length === 1) return atgardSvar(traff[0], m);
    if (traff.length > 1) {
      return {
        text: `Det finns en åtgärd ${fraga.atgardNr} hos flera enheter: ${traff.map((a) => reg.enhet(a.enhet)?.namn ?? a.enhet).join(', ')}. Skriv till exempel "åtgärd ${fraga.atgardNr} ${reg.enhet(traff[0].enhet)?.alias[0] ?? reg.enhet(traff[0].enhet)?.namn}".`,
      };
    }
    return {
      text: `Jag hittar ingen åtgärd ${fraga.atgardNr}${var_}.${alla.length ? ` Åtgärderna${var_} har nummer ${alla.map((a) => a.nr).join(', ')}.` : ''}`,
    };
  }
  if (!fraga.atgardsfilter) {
    const paNamn = hittaPaNamn(alla, fraga.atgardOrd);
    if (paNamn) return atgardSvar(paNamn, m);
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
  const aret = String(år(m.nu));
  const flerEnheter = franFleraEnheter(urval);
  const lista: string[] = [];
  const tabell: Array<{ celler: Array<{ text: string }> }> = [];
  for (const a of urval) {
    const plan = formatTkr(a.plan[aret] ?? 0);
    const realiserat = formatTkr(a.utfall[aret] ?? 0);
    lista.push(
      `${a.nr}. ${a.atgard}${flerEnheter ? ` (${reg.enhet(a.enhet)?.namn})` : ''}: ${a.status}, kategori ${a.kategori}; plan ${aret} ${plan}, realiserat ${realiserat}`,
    );
    tabell.push({ celler: [{ text: String(a.nr) }, { text: a.atgard }, { text: a.status }, { text: plan }, { text: realiserat }] });
  }
  const summor = fraga.atgardsfilter ? [] : plansummor(reg, alla);
  const rader = [`**${rubrik}**`, lista.join('\n'), ...summor];
  return {
    text: rader.join('\n\n'),
    kort: {
      mall: 'tabell',
      data: {
        rubrik,
        kolumner: [{ namn: 'Nr' }, { namn: 'Åtgärd' }, { namn: 'Status' }, { namn: `Plan ${aret}` }, { namn: 'Realiserat' }],
        rader: tabell,
        fotnoter: summor,
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
    ut.push(`${namn}: planerad besparing ${arsbelopp(plan)}, totalt ${formatTkr(total)}; realiserat ${arsbelopp(utfall)}.`);
    const p = reg.atgardsplan(enhetId);
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

function franFleraEnheter(atgarder: Atgard[]): boolean {
  return atgarder.some((a) => a.enhet !== atgarder[0].enhet);
}
