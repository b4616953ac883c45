import { beskrivEnhet } from './enhetsval.js';
import type { Svar, Svarsmiljo } from './svar.js';
import type { Atgard } from '../domain/schema.js';
import type { Fraga } from '../language/tolka.js';

/** The measures a question may mean: the named unit's, else the conversation's, else the user's, else all. */
export function atgarderFor(fraga: Fraga, m: Svarsmiljo, tvingad?: string): Atgard[] {
  const reg = m.register;
  const i = (id: string) => [id, ...reg.underliggande(id).map((e) => e.id)].flatMap((e) => reg.atgarder(e));
  const nr = fraga.atgardNr;
  const trafar = (lista: Atgard[]) => (nr === null ? lista : lista.filter((a) => a.nr === nr));
  const namnd = tvingad ?? fraga.enheter[0]?.id;
  if (namnd) return trafar(i(namnd));
  for (const omfang of [m.kontext?.enhet ? [m.kontext.enhet] : [], m.anvandare?.enheter ?? []]) {
    const hit = trafar(omfang.flatMap(i));
    if (hit.length) return hit;
  }
  return trafar(reg.allaAtgarder());
}

export function valjAtgard(
  fraga: Fraga,
  m: Svarsmiljo,
  tvingad: string | undefined,
  fortsattning: string,
): { ok: true; atgard: Atgard } | { ok: false; svar: Svar } {
  const reg = m.register;
  const kandidater = atgarderFor(fraga, m, tvingad);
  if (fraga.atgardNr === null) {
    const exempel = kandidater.slice(0, 12).map((a) => `${a.nr}. ${a.atgard} (${reg.enhet(a.enhet)?.namn ?? a.enhet})`);
    return {
      ok: false,
      svar: {
        text: `Vilken åtgärd? Skriv till exempel "${fortsattning} ${kandidater[0]?.nr ?? 1}".${exempel.length ? `\n\n${exempel.join('\n')}` : ''}`,
      },
    };
  }
  if (kandidater.length === 1) return { ok: true, atgard: kandidater[0] };
  if (!kandidater.length)
    return {
      ok: false,
      svar: {
        text: `Jag hittar ingen åtgärd ${fraga.atgardNr}${tvingad || fraga.enheter.length ? ` för ${reg.enhet(tvingad ?? fraga.enheter[0].id)?.namn}` : ''}. Fråga "visa åtgärder" för att se vilka som finns.`,
      },
    };
  return {
    ok: false,
    svar: {
      text: `Det finns en åtgärd ${fraga.atgardNr} hos flera enheter: ${kandidater.map((a) => reg.enhet(a.enhet)?.namn ?? a.enhet).join(', ')}. Vilken menar du?`,
      kort: {
        mall: 'val',
        data: {
          rubrik: `Vilken åtgärd ${fraga.atgardNr} menar du?`,
          val: kandidater.map((a) => ({
            titel: `${a.atgard} (${beskrivEnhet(reg.enhet(a.enhet)!, m)})`,
            fraga: `${fortsattning} ${a.nr}`,
            enhet: a.enhet,
          })),
        },
      },
    },
  };
}
