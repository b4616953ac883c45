// What Budgetkollen says about alerts and thresholds in chat: names, where, the current level, the limits.
import { aktuellNiva } from './planera.js';
import { type Larmvy, larmrubrik } from './larmvy.js';
import {
  type GallandeTrosklar,
  type Troskelfalt,
  type Trosklar,
  gallandeTrosklar,
  medPersonligProcent,
  procentgrans,
  tkrgrans,
} from './trosklar.js';
import { beskrivEnhet } from '../answers/enhetsval.js';
import { datumKort, escapa, prognosIOrd } from '../answers/ord.js';
import type { Svar, Svarsmiljo } from '../answers/svar.js';
import { tillOchMedText } from '../domain/period.js';
import type { Register } from '../domain/register.js';
import type { Enhet, Konversation, Prenumeration, Utskick } from '../domain/schema.js';
import { formatProcent, formatTkr } from '../domain/tal.js';
import { type Enhetsurval, forslagFor } from '../language/larmkommando.js';
import type { Fraga } from '../language/tolka.js';

export function kortnamn(e: Enhet): string {
  return e.alias.find((a) => a.length <= 5) ?? e.namn;
}

export function fragaVilken(fraga: Fraga, kandidater: Enhet[], m: Svarsmiljo): Svar {
  return {
    text: `Flera enheter passar in. Vilken menar du?\n\n${kandidater.map((e) => `- ${beskrivEnhet(e, m)}`).join('\n')}`,
    kort: {
      mall: 'val',
      data: {
        rubrik: 'Vilken enhet menar du?',
        val: kandidater.map((e) => ({ titel: beskrivEnhet(e, m), fraga: fraga.text.slice(0, 500), enhet: e.id })),
      },
    },
  };
}

export function ingenEnhet(urval: Enhetsurval, m: Svarsmiljo, exempel: string): Svar {
  if (urval.okant) {
    const forslag = forslagFor(urval.okant, m.index);
    return {
      text: `Jag hittar ingen enhet som heter "${escapa(urval.okant)}".${forslag.length ? ` Menade du ${ellerLista(forslag.map((e) => e.namn))}?` : ''} Skriv till exempel "${exempel}".`,
    };
  }
  return { text: `Vilken enhet gäller det? Skriv till exempel "${exempel}".` };
}

export function här(typ: Konversation['typ']): { subjekt: string; liten: string } {
  if (typ === 'channel') return { subjekt: 'Den här kanalen', liten: 'den här kanalen' };
  if (typ === 'groupChat') return { subjekt: 'Den här chatten', liten: 'den här chatten' };
  return { subjekt: 'Du', liten: 'du' };
}

/** A unit to use in examples: one with a short name, near the top. */
export function exempelEnhet(reg: Register): string {
  const rot = reg.rot();
  if (!rot) return 'kommunen';
  const e = reg.underliggande(rot.id).find((x) => x.alias.some((a) => a.length <= 5) && reg.barnTill(x.id).length);
  return e ? kortnamn(e) : rot.namn;
}

export function aktivaHär(reg: Register, konversation: string): Prenumeration[] {
  return reg.dokument.prenumerationer.filter((p) => p.konversation === konversation && p.aktiv && reg.enhet(p.enhet));
}

export function trosklarText(t: Trosklar): string {
  return `varning när utfallet når ${procentgrans(t.varning_procent)} av budget eller helårsprognosen visar underskott från ${formatTkr(-t.varning_prognos_tkr)}, kritisk nivå vid ${procentgrans(t.kritisk_procent)} eller underskott från ${formatTkr(-t.kritisk_prognos_tkr)}`;
}

/** "A, B eller C" */
export function ellerLista(namn: string[]): string {
  return namn.length <= 1 ? namn.join('') : `${namn.slice(0, -1).join(', ')} eller ${namn[namn.length - 1]}`;
}

export function nulage(reg: Register, enhet: Enhet, procent?: number | null): string | null {
  const a = aktuellNiva(reg, enhet.id, procent);
  if (!a) return null;
  const s = a.siffror;
  const t = medPersonligProcent(gallandeTrosklar(reg, enhet.id).varden, procent);
  const niva = a.niva === 'ok' ? 'under larmgränserna' : a.niva === 'varning' ? 'på varningsnivå' : 'på kritisk nivå';
  const delar: string[] = [];
  if (s.procent !== null) {
    // 101,99 % would read "102,0 %" next to a 102 % limit it has not reached: show the second decimal then.
    const nara = [t.varning_procent, t.kritisk_procent].some((g) => s.procent! < g && Math.round(s.procent! * 10) / 10 >= g);
    delar.push(`${nara ? `${formatTal2(s.procent)}\u00a0%` : formatProcent(s.procent)} av budget`);
  }
  if (s.prognosavvikelse !== null) delar.push(`helårsprognos: ${prognosIOrd(s.prognosavvikelse)}`);
  return `Just nu ligger ${kortnamn(enhet)} ${niva} ${tillOchMedText(s.period)}${delar.length ? ` (${delar.join('; ')})` : ''}.`;
}

function formatTal2(v: number): string {
  return new Intl.NumberFormat('sv-SE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v);
}

export function utskickRad(reg: Register, u: Utskick): string {
  const vy = u.innehall as unknown as Larmvy;
  const nar =
    u.status === 'skickat' && u.skickat
      ? `skickat ${datumKort(u.skickat)}`
      : u.status === 'väntar'
        ? 'väntar på att skickas'
        : 'kunde inte skickas';
  return `${larmrubrik({ ...vy, enhetsnamn: reg.enhet(u.enhet)?.namn ?? vy.enhetsnamn })} (${nar})`;
}

export function tidpunkt(iso: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Stockholm',
  })
    .format(new Date(iso))
    .replace('.', '');
}

export const FALTNAMN: Record<Troskelfalt, string> = {
  varning_procent: 'varningströskeln',
  kritisk_procent: 'den kritiska tröskeln',
  varning_prognos_tkr: 'varningsgränsen för prognosen',
  kritisk_prognos_tkr: 'den kritiska prognosgränsen',
};

export function kallText(reg: Register, enhet: Enhet, kalla: string | null): string {
  if (kalla === null) return 'standard';
  if (kalla === enhet.id) return `satt för ${kortnamn(enhet)}`;
  return `ärvd från ${reg.enhet(kalla)?.namn ?? kalla}`;
}

export function visaTrosklar(reg: Register, enhet: Enhet): Svar {
  const g: GallandeTrosklar = gallandeTrosklar(reg, enhet.id);
  const v = g.varden;
  const k = (f: Troskelfalt) => kallText(reg, enhet, g.kalla[f]);
  const rader = [
    `**Larmgränser för ${enhet.namn}**`,
    `Varning: utfall från ${procentgrans(v.varning_procent)} av budget (${k('varning_procent')}) eller prognosavvikelse ${tkrgrans(v.varning_prognos_tkr)} eller sämre (${k('varning_prognos_tkr')}).`,
    `Kritisk nivå: utfall från ${procentgrans(v.kritisk_procent)} av budget (${k('kritisk_procent')}) eller prognosavvikelse ${tkrgrans(v.kritisk_prognos_tkr)} eller sämre (${k('kritisk_prognos_tkr')}).`,
  ];
  const nu = nulage(reg, enhet);
  if (nu) rader.push(nu);
  rader.push(
    `Administratörer ändrar med till exempel "sätt varningströskel för ${kortnamn(enhet)} till 103 %" eller "sätt kritisk prognosgräns för ${kortnamn(enhet)} till -1500 tkr".`,
  );
  return { text: rader.join('\n\n'), kontext: { enhet: enhet.id } };
}
