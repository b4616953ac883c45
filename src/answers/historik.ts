import { rapporterarSjalv } from '../domain/behorighet.js';
import { type Period, periodNamn, tillOchMedText } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import type { Atgard, Enhet, Utfall } from '../domain/schema.js';
import { avvikelse, procentAvBudget } from '../domain/siffror.js';
import { formatForandring, formatProcent, formatTkr } from '../domain/tal.js';
import { avvikelseIOrd, datumKort } from './ord.js';
import type { Svar, Svarsmiljo } from './svar.js';
import { somSkrivet } from '../domain/markdown.js';

/** Who did it, by name when the store knows them. */
export function vemNamn(reg: Register, id: string): string {
  return reg.anvandare.get(id)?.namn ?? id;
}

const viaKort = (u: Utfall) => (u.kalla === 'kort' ? ' via kort' : '');

function belopp(v: number | null): string {
  return v === null ? '–' : formatTkr(v);
}

function andring(namn: string, fore: number | null, efter: number | null): string | null {
  if (fore === efter) return null;
  const diff = fore !== null && efter !== null ? ` (${formatForandring(efter - fore)})` : '';
  return `${namn}: ${belopp(fore)} → ${belopp(efter)}${diff}`;
}

function kommentarAndring(fore: string | null, efter: string | null): string | null {
  if ((fore ?? null) === (efter ?? null)) return null;
  if (!fore) return 'Kommentar tillagd';
  if (!efter) return 'Kommentar borttagen';
  return 'Kommentar ändrad';
}

/** What changed from one version of a unit's figures to the next, in the order a controller checks. */
export function utfallsandringar(fore: Utfall | null, ny: Utfall): string[] {
  if (!fore) return [];
  return [
    andring('Budget t.o.m.', fore.budget_ack, ny.budget_ack),
    andring('Utfall t.o.m.', fore.utfall_ack, ny.utfall_ack),
    andring('Avvikelse', avvikelse(fore.budget_ack, fore.utfall_ack), avvikelse(ny.budget_ack, ny.utfall_ack)),
    andring('Årsbudget', fore.budget_helar, ny.budget_helar),
    andring('Helårsprognos', fore.prognos_helar, ny.prognos_helar),
    kommentarAndring(fore.kommentar, ny.kommentar),
  ].filter((x): x is string => x !== null);
}

function arsbelopp(b: Record<string, number>): string {
  const ar = Object.keys(b).sort();
  return ar.length ? ar.map((a) => `${a}: ${formatTkr(b[a])}`).join(', ') : '–';
}

/** What changed in a measure: status, realised savings per year, comment. */
export function atgardsandringar(fore: Atgard | null, ny: Atgard): string[] {
  if (!fore) return [];
  const ut: string[] = [];
  if (fore.status !== ny.status) ut.push(`Status: ${fore.status} → ${ny.status}`);
  for (const ar of [...new Set([...Object.keys(fore.utfall), ...Object.keys(ny.utfall)])].sort()) {
    const rad = andring(`Realiserad besparing ${ar}`, fore.utfall[ar] ?? null, ny.utfall[ar] ?? null);
    if (rad) ut.push(rad);
  }
  const k = kommentarAndring(fore.kommentar, ny.kommentar);
  if (k) ut.push(k);
  return ut;
}

export function utfallssammanfattning(u: Utfall): string {
  const avv = avvikelse(u.budget_ack, u.utfall_ack);
  const procent = procentAvBudget(u.budget_ack, u.utfall_ack);
  return `Budget ${formatTkr(u.budget_ack)}, utfall ${formatTkr(u.utfall_ack)}: ${avvikelseIOrd(avv)}${procent === null ? '' : ` (${formatProcent(procent)} av budget)`}. Årsbudget ${belopp(u.budget_helar)}, helårsprognos ${belopp(u.prognos_helar)}.`;
}

interface Post {
  rubrik: string;
  rader: string[];
}

function svarMedPoster(rubrik: string, undertitel: string, poster: Post[], noter: string[]): Svar {
  const text = [`**${rubrik}**`, undertitel, ...poster.map((p) => [`**${p.rubrik}**`, ...p.rader].join('\n')), ...noter]
    .filter(Boolean)
    .join('\n\n');
  return { text, kort: { mall: 'historik', data: { rubrik, undertitel, poster, noter } } };
}

/**
 * Every version of a unit's figures for a month, newest first, with who and when. A unit without rows of
 * its own is summed; then each unit below it that reported is listed with its latest version.
 */
export function historikSvar(m: Svarsmiljo, enhet: Enhet, period: Period): Svar {
  const reg = m.register;
  const versioner = reg.versionerFor(enhet.id, period);
  const kontext = { enhet: enhet.id, period, avsikt: 'historik' as const };
  if (versioner.length) {
    const poster = [...versioner].reverse().map((v): Post => {
      const fore = versioner.find((x) => x.version === v.version - 1) ?? null;
      const andringar = utfallsandringar(fore, v);
      return {
        rubrik: `Version ${v.version} · ${datumKort(v.rapporterad)} · ${vemNamn(reg, v.rapporterad_av)}${viaKort(v)}`,
        rader: [
          utfallssammanfattning(v),
          fore ? (andringar.length ? `Ändrat: ${andringar.join('; ')}.` : 'Inga ändrade belopp.') : 'Första versionen.',
          ...(v.kommentar && (!fore || fore.kommentar !== v.kommentar) ? [`Kommentar: ${somSkrivet(v.kommentar)}`] : []),
        ],
      };
    });
    const antal = versioner.length;
    return {
      ...svarMedPoster(
        `Historik: ${enhet.namn} ${tillOchMedText(period)}`,
        `${antal} ${antal === 1 ? 'version' : 'versioner'}; den senaste gäller.`,
        poster,
        [],
      ),
      kontext,
    };
  }
  const under = reg.underliggande(enhet.id).filter((e) => reg.versionerFor(e.id, period).length && rapporterarSjalv(e, reg));
  if (!under.length) {
    return { text: `Det finns inga siffror för ${enhet.namn} ${tillOchMedText(period)}, så det finns ingen historik att visa.`, kontext };
  }
  const poster = under.map((e): Post => {
    const vs = reg.versionerFor(e.id, period);
    const senaste = vs[vs.length - 1];
    return {
      rubrik: e.namn,
      rader: [
        `Version ${senaste.version}, ${datumKort(senaste.rapporterad)} av ${vemNamn(reg, senaste.rapporterad_av)}${viaKort(senaste)}${senaste.version > 1 ? `; ${vs.length} versioner` : ''}.`,
      ],
    };
  });
  const korrigerade = under.filter((e) => reg.versionerFor(e.id, period).length > 1).length;
  return {
    ...svarMedPoster(
      `Historik: ${enhet.namn} ${tillOchMedText(period)}`,
      `${enhet.namn} har inga egna siffror för ${periodNamn(period)}; de summeras från ${under.length} underliggande ${under.length === 1 ? 'enhet' : 'enheter'}. ${korrigerade ? `${korrigerade} av dem har korrigerats.` : 'Ingen av dem har korrigerats.'}`,
      poster,
      [`Fråga till exempel "visa historik för ${under[0].namn} ${periodNamn(period)}" för att se varje version.`],
    ),
    kontext,
  };
}

/** The versions of a measure, from the audit log (a measure is replaced in place, the log keeps each state). */
export function atgardshistorikSvar(m: Svarsmiljo, atgard: Atgard): Svar {
  const reg = m.register;
  const nyckel = `${atgard.enhet}|${atgard.nr}`;
  const poster = reg.dokument.handelser
    .filter((h) => h.typ === 'atgarder' && h.nyckel === nyckel)
    .map((h) => ({ fore: (h.fore as Atgard | undefined) ?? null, efter: h.efter as Atgard }))
    .reverse()
    .map(({ fore, efter }): Post => {
      const andringar = atgardsandringar(fore, efter);
      return {
        rubrik: `Version ${efter.version} · ${datumKort(efter.andrad)} · ${vemNamn(reg, efter.andrad_av)}`,
        rader: [
          `Status ${efter.status}; realiserad besparing ${arsbelopp(efter.utfall)}.`,
          fore
            ? andringar.length
              ? `Ändrat: ${andringar.join('; ')}.`
              : 'Inga ändringar i status, besparing eller kommentar.'
            : 'Första versionen.',
        ],
      };
    });
  const enhet = reg.enhet(atgard.enhet)?.namn ?? atgard.enhet;
  return {
    ...svarMedPoster(
      `Historik: åtgärd ${atgard.nr}, ${atgard.atgard}`,
      `${enhet}. Nu: ${atgard.status}, version ${atgard.version}.`,
      poster,
      [],
    ),
    kontext: { enhet: atgard.enhet, avsikt: 'historik' },
  };
}
