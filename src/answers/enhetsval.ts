import type { Enhet } from '../domain/schema.js';
import type { Fraga } from '../language/tolka.js';
import { escapa } from './ord.js';
import type { Svar, Svarsmiljo } from './svar.js';

export type Enhetsval = { ok: true; enhet: Enhet } | { ok: false; svar: Svar };

/** Which unit the question is about: named, or followed on from the last answer, or the asker's own, or the whole organisation. */
export function valjEnhet(fraga: Fraga, m: Svarsmiljo, tvingad?: string): Enhetsval {
  const reg = m.register;
  if (tvingad) {
    const e = reg.enhet(tvingad);
    if (e) return { ok: true, enhet: e };
  }
  if (fraga.tvetydiga.length) return { ok: false, svar: fragaVilken(fraga, fraga.tvetydiga[0], m) };
  if (fraga.enheter.length) return { ok: true, enhet: fraga.enheter[0] };
  if (fraga.okantNamn) return { ok: false, svar: okandEnhet(fraga, m) };
  const rot = reg.rot();
  // "hur går det överlag?", "hela kommunen totalt": the top of the tree, whatever came before
  if (fraga.helheten && !fraga.vi && rot) return { ok: true, enhet: rot };
  const foljer = m.kontext?.enhet ? reg.enhet(m.kontext.enhet) : undefined;
  if (foljer && !fraga.vi) return { ok: true, enhet: foljer };
  const egen = m.anvandare?.enheter.map((id) => reg.enhet(id)).find(Boolean);
  if (fraga.vi && egen) return { ok: true, enhet: egen };
  if (foljer) return { ok: true, enhet: foljer };
  if (rot) return { ok: true, enhet: rot };
  return {
    ok: false,
    svar: { text: 'Det finns inga enheter inlagda ännu. Be en administratör importera organisationen (npm run import).' },
  };
}

export function beskrivEnhet(e: Enhet, m: Svarsmiljo): string {
  const foralder = e.foralder ? m.register.enhet(e.foralder) : undefined;
  return foralder ? `${e.namn} (${e.typ} inom ${foralder.namn})` : `${e.namn} (${e.typ})`;
}

function fragaVilken(fraga: Fraga, kandidater: Enhet[], m: Svarsmiljo): Svar {
  const lista = kandidater.map((e) => `- ${beskrivEnhet(e, m)}`).join('\n');
  return {
    text: `Flera enheter passar in på frågan. Vilken menar du?\n\n${lista}`,
    kort: {
      mall: 'val',
      data: {
        rubrik: 'Vilken enhet menar du?',
        val: kandidater.map((e) => ({ titel: beskrivEnhet(e, m), fraga: fraga.text.slice(0, 500), enhet: e.id })),
      },
    },
  };
}

/** A unit that is not in the data: said as the user wrote it, with the nearest names and no figures. */
export function okandEnhet(fraga: Fraga, m: Svarsmiljo): Svar {
  const forslag = fraga.forslag;
  const namn = escapa(fraga.okantNamn ?? '');
  const stor = namn.charAt(0).toUpperCase() + namn.slice(1);
  if (!forslag.length) {
    const exempel = m.register
      .barnTill(m.register.rot()?.id ?? '')
      .slice(0, 4)
      .map((e) => e.namn);
    return {
      text: `${stor} finns inte i uppföljningen.${exempel.length ? ` Fråga gärna om till exempel ${listaMedEller(exempel)}.` : ''}`,
    };
  }
  return {
    text: `${stor} finns inte i uppföljningen. Menade du ${listaMedEller(forslag.map((e) => e.namn))}?`,
    kort: {
      mall: 'val',
      data: {
        rubrik: `${stor} finns inte i uppföljningen. Menade du någon av dessa?`,
        val: forslag.map((e) => ({ titel: beskrivEnhet(e, m), fraga: fraga.text.slice(0, 500), enhet: e.id })),
      },
    },
  };
}

function listaMedEller(namn: string[]): string {
  return namn.length > 1 ? `${namn.slice(0, -1).join(', ')} eller ${namn[namn.length - 1]}` : namn.join('');
}
