import { uppraknat } from '../domain/behorighet.js';
import { type Period, periodNamn } from '../domain/period.js';
import type { Frist } from '../domain/rapporteringsplan.js';
import type { Enhet, Klarmarkering, Utfall } from '../domain/schema.js';
import type { Register } from '../domain/register.js';
import { somSkrivet } from '../domain/markdown.js';
import { type Datum, datumText } from '../domain/tidszon.js';
import { meddelande, utfallsformular } from './formular.js';
import { utfallsandringar, vemNamn } from './historik.js';
import { datumKort } from './ord.js';
import { rapporteringslageSvar } from './rapporteringslage.js';
import type { Svar, Svarsmiljo } from './svar.js';

/** A unit a controller has not reported for the month its reminders are about. */
export interface Saknad {
  enhet: Enhet;
  period: Period;
  frist: Frist & { typ: 'frist' };
  sen: boolean;
}

function fristmening(s: Saknad, idag: Datum): string {
  const manad = periodNamn(s.period);
  if (s.sen) return `Påminnelse: rapporteringen för ${manad} är sen. Sista dag var ${datumText(s.frist.sistaDag)}.`;
  if (s.frist.sistaDag === idag) return `Påminnelse: i dag, ${datumText(idag)}, är sista dag att rapportera ${manad}.`;
  return `Påminnelse: rapportera ${manad} senast ${datumText(s.frist.sistaDag)}.`;
}

/**
 * The personal reminder: which units are missing, and the figures form for the first of them (the same
 * Action.Execute form as "rapportera"), so the reminder is the form itself.
 */
export function paminnelseSvar(m: Svarsmiljo, saknade: Saknad[], kortId: string, idag: Datum): Svar {
  const forsta = saknade[0];
  const flera = new Set(saknade.map((s) => s.period)).size > 1;
  const namn = saknade.map((s) => (flera ? `${s.enhet.namn} (${periodNamn(s.period)})` : s.enhet.namn));
  const rader = [
    fristmening(forsta, idag),
    saknade.length === 1
      ? `${forsta.enhet.namn} har inte rapporterat ännu.`
      : `${saknade.length} enheter har inte rapporterat ännu: ${uppraknat(namn)}. Formuläret gäller ${forsta.enhet.namn}; skriv "rapportera för" och enhetens namn för de andra.`,
  ];
  const formular = utfallsformular(m, { enhet: forsta.enhet.id, period: forsta.period, kortId });
  const kort =
    formular.kort?.mall === 'rapportera'
      ? { ...formular.kort, data: { ...formular.kort.data, info: [...rader, ...formular.kort.data.info] } }
      : formular.kort;
  return { ...formular, text: [`**${rader[0]}**`, rader[1], formular.text].join('\n\n'), kort };
}

/** For the nämnd's controller, once, the day after the deadline: the overview, headed by who is late. */
export function senSammanfattningSvar(m: Svarsmiljo, namnd: Enhet, period: Period, sena: Enhet[], frist: Frist & { typ: 'frist' }): Svar {
  const inledning = `Sista dag för ${periodNamn(period)} var ${datumText(frist.sistaDag)}. ${sena.length === 1 ? 'En enhet har' : `${sena.length} enheter har`} inte rapporterat: ${uppraknat(sena.map((e) => e.namn))}.`;
  const svar = rapporteringslageSvar(m, namnd, period, inledning);
  const rubrik = `Sen rapportering: ${namnd.namn}, ${periodNamn(period)}`;
  return {
    ...svar,
    text: svar.text.replace(/^\*\*[^*]*\*\*/, `**${rubrik}**`),
    kort: svar.kort?.mall === 'rapporteringslage' ? { ...svar.kort, data: { ...svar.kort.data, rubrik } } : svar.kort,
  };
}

/** To the one who marked a month ready, when figures under the mark are changed afterwards. */
export function korrigeringsnotisSvar(reg: Register, ny: Utfall, fore: Utfall | null, markering: Klarmarkering): Svar {
  const enhet = reg.enhet(ny.enhet)?.namn ?? ny.enhet;
  const markerad = reg.enhet(markering.enhet)?.namn ?? markering.enhet;
  return meddelande(
    `Korrigering efter klarmarkering: ${enhet}, ${periodNamn(ny.period)}`,
    [
      `${vemNamn(reg, ny.rapporterad_av)} ändrade siffrorna ${datumKort(ny.rapporterad)} (version ${ny.version}), efter att du klarmarkerade ${markerad} för ${periodNamn(ny.period)} ${datumKort(markering.tid)}.`,
      ...utfallsandringar(fore, ny),
      `Skäl: ${somSkrivet(ny.korrigering ?? '')}`,
    ],
    'Attention',
  );
}
