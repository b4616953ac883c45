import { type Period, år, manad, periodNamn, sammaManadIFjol } from '../domain/period.js';
import type { Enhet, Nyckeltal } from '../domain/schema.js';
import type { Fraga } from '../language/tolka.js';
import type { Svar, Svarsmiljo } from './svar.js';

const tal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 2 });

/** What kind of figure a KPI is, read from its name: a rate in percent, an amount in kronor, or a count or index. */
function slag(namn: string): 'procent' | 'kronor' | 'tal' {
  const n = namn.toLowerCase();
  if (/andel|procent|frånvaro|franvaro|omsättning|omsattning|%/.test(n)) return 'procent';
  if (/kostnad|kronor|\bkr\b|intäkt|intakt/.test(n)) return 'kronor';
  return 'tal';
}

/** Whether a lower value is the better one: absence, turnover, costs, placements, households on benefits. */
function lagreArBattre(namn: string): boolean {
  return /frånvaro|franvaro|omsättning|omsattning|kostnad|övertid|overtid|placering|dygn|hushåll|hushall|bistånd|bistand|försörjningsstöd|forsorjningsstod|väntetid|vantetid|klagomål/i.test(
    namn,
  );
}

function formatera(namn: string, v: number): string {
  const s = slag(namn);
  return s === 'procent' ? `${tal.format(v)}\u00a0%` : s === 'kronor' ? `${tal.format(v)}\u00a0kr` : tal.format(v);
}

function skillnadText(namn: string, v: number): string {
  return slag(namn) === 'procent' ? `${tal.format(v)} procentenheter` : formatera(namn, v);
}

function iPeriod(serie: readonly Nyckeltal[], period: Period): Nyckeltal | undefined {
  return serie.find((n) => n.period === period);
}

/** The last value in the series not after `period`. */
function senastTill(serie: readonly Nyckeltal[], period: Period): Nyckeltal | undefined {
  for (let i = serie.length - 1; i >= 0; i--) if (serie[i].period <= period) return serie[i];
  return undefined;
}

/** A yearly KPI (one value a year, at December) is the year's: "2024", not "december 2024". */
function nar(serie: readonly Nyckeltal[], p: Period): string {
  const aret = serie.filter((n) => år(n.period) === år(p));
  return manad(p) === 12 && aret.length === 1 ? `${år(p)}` : periodNamn(p);
}

/** Known abbreviations in a KPI's name are written as such ("HME, index"); the store keeps names in lower case. */
const FORKORTNINGAR = new Set([
  'hme',
  'kpi',
  'lss',
  'sol',
  'sfb',
  'hsl',
  'ifo',
  'hvb',
  'sabo',
  'säbo',
  'bou',
  'fte',
  'nki',
  'ssk',
  'usk',
  'apt',
  'lvu',
  'lvm',
]);
const versaler = (s: string) => s.replace(/\p{L}+/gu, (o) => (FORKORTNINGAR.has(o.toLowerCase()) ? o.toUpperCase() : o));
const stor = (s: string) => versaler(s.charAt(0).toUpperCase() + s.slice(1));

/** The value compared with: "sedan 2022", "sedan förra året", "sedan januari". */
function referens(fraga: Fraga, serie: readonly Nyckeltal[], punkt: Nyckeltal): { ref?: Nyckeltal; saknas?: string } | null {
  const j = fraga.tid.jamforAr;
  if (j !== null) {
    const ar = j === 'foregaende' ? år(punkt.period) - 1 : j;
    const samma = serie.find((n) => n.period === `${ar}-${punkt.period.slice(5)}`);
    const iAret = serie.filter((n) => år(n.period) === ar);
    const ref = samma ?? iAret[iAret.length - 1];
    return ref ? { ref } : { saknas: `${ar}` };
  }
  if (fraga.tid.fran && !fraga.tid.helar) {
    // "sedan januari" of the KPI's own latest year, when the clock has passed into the next
    let fran = fraga.tid.fran;
    while (fran > punkt.period) fran = `${Number(fran.slice(0, 4)) - 1}${fran.slice(4)}`;
    const ref = serie.find((n) => n.period >= fran);
    return ref && ref !== punkt ? { ref } : { saknas: periodNamn(fran) };
  }
  return null;
}

export function nyckeltalSvar(fraga: Fraga, enhet: Enhet, m: Svarsmiljo): Svar {
  const reg = m.register;
  const namn = fraga.nyckeltal;
  if (!namn) {
    const fragat = fraga.nyckeltalSomSkrivet;
    const finns = reg.nyckeltalsnamn();
    return {
      text: `${fragat ? `${stor(fragat)} finns inte i uppföljningen för ${enhet.namn}.` : `Jag hittar inget sådant nyckeltal för ${enhet.namn}.`}${
        finns.length ? ` Nyckeltal som finns: ${finns.slice(0, 12).join(', ')}.` : ' Det finns inga nyckeltal inlagda.'
      }`,
      kontext: { enhet: enhet.id, avsikt: 'nyckeltal' },
    };
  }
  // A KPI is often reported for a verksamhetsområde only: use the nearest unit up the tree that has it.
  const kalla = reg.kedja(enhet.id).find((e) => reg.nyckeltal(e.id, namn).length);
  if (!kalla) return nyckeltalUnder(fraga, enhet, namn, m);
  const serie = reg.nyckeltal(kalla.id, namn);
  const onskad: Period | undefined = fraga.tid.period;
  const punkt = onskad ? (iPeriod(serie, onskad) ?? (fraga.tid.helar ? senastTill(serie, onskad) : undefined)) : senastTill(serie, m.nu);
  if (!punkt || (onskad && fraga.tid.helar && år(punkt.period) !== år(onskad)))
    return {
      text: `Det finns inget värde för ${namn} för ${kalla.namn} ${onskad ? (fraga.tid.helar ? onskad.slice(0, 4) : periodNamn(onskad)) : ''}. Senaste är ${nar(serie, serie[serie.length - 1].period)}: ${formatera(namn, serie[serie.length - 1].varde)}.`,
      kontext: { enhet: enhet.id, avsikt: 'nyckeltal' },
    };
  const rader = [`**${stor(namn)} ${kalla.namn}, ${nar(serie, punkt.period)}: ${formatera(namn, punkt.varde)}**`];
  if (kalla.id !== enhet.id) rader.push(`(${enhet.namn} rapporterar inte ${namn} själv; siffran gäller ${kalla.namn}.)`);
  const jamfor = referens(fraga, serie, punkt);
  if (jamfor?.ref) {
    const ref = jamfor.ref;
    const diff = punkt.varde - ref.varde;
    const riktning = Math.abs(diff) < 1e-9 ? 'oförändrat' : diff > 0 ? 'ökat' : 'minskat';
    const battre = diff !== 0 && diff < 0 === lagreArBattre(namn);
    let ja: string | null = null;
    if (fraga.forandring === 'okat' || fraga.forandring === 'minskat')
      ja = (fraga.forandring === 'okat' ? 'ökat' : 'minskat') === riktning ? 'Ja' : 'Nej';
    else if (fraga.forandring === 'battre' || fraga.forandring === 'samre')
      ja = (fraga.forandring === 'battre') === battre && diff !== 0 ? 'Ja' : 'Nej';
    const forandring =
      riktning === 'oförändrat'
        ? `oförändrat på ${formatera(namn, punkt.varde)}`
        : `${riktning} från ${formatera(namn, ref.varde)} till ${formatera(namn, punkt.varde)} (${skillnadText(namn, Math.abs(diff))})`;
    rader.splice(1, 0, `${ja ? `${ja}, ` : ''}${versaler(namn)} har ${forandring} sedan ${nar(serie, ref.period)}.`);
  } else if (jamfor?.saknas) {
    const finns = [...new Set(serie.map((n) => nar(serie, n.period)))].join(', ');
    rader.splice(1, 0, `Det finns inget värde för ${jamfor.saknas} att jämföra med; värden finns för ${finns}.`);
  }
  if (punkt.mal !== null) {
    const over = punkt.varde > punkt.mal;
    rader.push(
      `Målet är ${formatera(namn, punkt.mal)}: ${Math.abs(punkt.varde - punkt.mal) < 0.005 ? 'precis på målet' : `${skillnadText(namn, Math.abs(punkt.varde - punkt.mal))} ${over ? 'över' : 'under'} målet`}.`,
    );
  }
  const fjol = iPeriod(serie, sammaManadIFjol(punkt.period));
  if (fjol && !jamfor?.ref)
    rader.push(
      `${manad(punkt.period) === 12 && nar(serie, punkt.period).length === 4 ? `Året innan (${år(fjol.period)})` : `Samma månad i fjol (${periodNamn(fjol.period)})`}: ${formatera(namn, fjol.varde)}, ${punkt.varde < fjol.varde ? 'alltså lägre nu' : punkt.varde > fjol.varde ? 'alltså högre nu' : 'oförändrat'}.`,
    );
  return {
    text: rader.join('\n\n'),
    kort: {
      mall: 'fakta',
      data: {
        rubrik: `${stor(namn)}: ${kalla.namn}`,
        undertitel: nar(serie, punkt.period),
        fakta: [
          { title: 'Värde', value: formatera(namn, punkt.varde) },
          ...(punkt.mal !== null ? [{ title: 'Mål', value: formatera(namn, punkt.mal) }] : []),
          ...(jamfor?.ref ? [{ title: nar(serie, jamfor.ref.period), value: formatera(namn, jamfor.ref.varde) }] : []),
          ...(fjol && !jamfor?.ref ? [{ title: 'Samma månad i fjol', value: formatera(namn, fjol.varde) }] : []),
        ],
        rader: rader.slice(1),
        enhet: kalla.namn,
      },
    },
    kontext: { enhet: enhet.id, period: punkt.period, avsikt: 'nyckeltal' },
  };
}

/** A rate cannot be summed: for a parent without its own series, show the units below it that have one. */
function nyckeltalUnder(fraga: Fraga, enhet: Enhet, namn: string, m: Svarsmiljo): Svar {
  const reg = m.register;
  const rader = reg
    .underliggande(enhet.id)
    .map((e) => {
      const serie = reg.nyckeltal(e.id, namn);
      const punkt = fraga.tid.period ? iPeriod(serie, fraga.tid.period) : senastTill(serie, m.nu);
      return punkt ? { e, punkt, serie } : null;
    })
    .filter((x): x is { e: Enhet; punkt: Nyckeltal; serie: readonly Nyckeltal[] } => x !== null);
  if (!rader.length) {
    const med = [...reg.enheter.values()].filter((e) => reg.nyckeltal(e.id, namn).length);
    // one unit in the whole store has it: that is the one meant
    if (med.length === 1) return nyckeltalSvar(fraga, med[0], m);
    return {
      text: `Det finns ingen ${namn} rapporterad för ${enhet.namn}.${
        med.length
          ? ` Den finns för ${med
              .slice(0, 5)
              .map((e) => e.namn)
              .join(', ')}.`
          : ''
      }`,
      kontext: { enhet: enhet.id, avsikt: 'nyckeltal' },
    };
  }
  if (rader.length === 1) return nyckeltalSvar(fraga, rader[0].e, m);
  const lista = rader.map(
    ({ e, punkt, serie }) =>
      `- ${e.namn}: ${formatera(namn, punkt.varde)} (${nar(serie, punkt.period)}${punkt.mal !== null ? `, mål ${formatera(namn, punkt.mal)}` : ''})`,
  );
  return {
    text: [
      `**${stor(namn)} inom ${enhet.namn}**`,
      `${enhet.namn} rapporterar inte ${namn} som helhet; så här ligger enheterna under:`,
      lista.join('\n'),
    ].join('\n\n'),
    kontext: { enhet: enhet.id, avsikt: 'nyckeltal' },
  };
}
