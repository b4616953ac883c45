import {
  type Utfallsformularunderlag,
  atgardsformular,
  meddelande,
  standardenhet,
  standardperiod,
  utfallsformular,
} from '../answers/formular.js';
import type { Rimlighetsgranser } from '../domain/rimlighet.js';
import { atgardskonflikt, atgardskvitto, utfallskonflikt, utfallskvitto } from '../answers/kvitto.js';
import type { Svar, Svarsmiljo } from '../answers/svar.js';
import { fårRapportera, nekandeText } from '../domain/behorighet.js';
import { PERIOD_MONSTER } from '../domain/period.js';
import type { Logg } from '../logg.js';
import { Lagringsfel } from '../store/fel.js';
import type { Store } from '../store/store.js';
import { type Atgardsresultat, type Inlamnare, type Utfallsresultat, sparaAtgard, sparaUtfall } from './inlamning.js';
import { atgardsformularEllerNekande, formularEllerNekande, inlamnare, text } from './rapportering.js';

/**
 * The reporting cards: buttons on status and measure cards (Action.Submit) post a form; the forms submit
 * with Action.Execute, and the answer (receipt, the form with errors, a conflict) replaces the card.
 */
export interface Kortmiljo {
  store: Store;
  logg: Logg;
  /** what the answer reads, built when asked, so that after a save it reads the saved register */
  miljo: () => Svarsmiljo;
  /** who pressed: the Teams user's AAD object id */
  anvandare: string;
  /** when a submitted figure is questioned before it is saved (config RIMLIGHET_*) */
  rimlighet?: Rimlighetsgranser;
}

/** The answer to a form sent in, and what it changed. */
export interface Inskickssvar {
  svar: Svar;
  /** something was stored: the card is replaced for everyone who sees it, not only for the one who pressed */
  ersattForAlla?: boolean;
  /** the conversation follows on from this answer ("och i oktober?") */
  foljUpp?: boolean;
}

/** The store undid everything; the user is told so, and the card stays usable for another try. */
function misslyckat(k: Kortmiljo, e: unknown, vem: Inlamnare): Svar {
  k.logg.error('kunde inte spara från kort', { fel: e as Error, anvandare: vem.id });
  const orsak = e instanceof Lagringsfel ? [e.message] : [];
  return meddelande(
    'Något gick fel',
    [...orsak, 'Inget har sparats. Försök igen om en stund; skriv "rapportera" för att få ett nytt formulär.'],
    'Attention',
  );
}

/** "Rapportera" on a status card: the figures form for the card's unit and month. */
export async function rapporteraKnapp(k: Kortmiljo, data: Record<string, unknown>): Promise<Svar> {
  const m = k.miljo();
  const enhet = m.register.enhet(text(data.enhet)) ?? standardenhet(m);
  if (!enhet) {
    return { text: 'Jag vet inte vilken enhet du vill rapportera för. Skriv till exempel "rapportera för IFO".' };
  }
  const onskad = text(data.period);
  const period = PERIOD_MONSTER.test(onskad) ? onskad : standardperiod(m.register, enhet.id, m.nu);
  return formularEllerNekande(m, k.store, k.logg, inlamnare(k.anvandare, k.store), enhet, period);
}

/** "Uppdatera" on a measure card: the measure's form. */
export async function uppdateraAtgardKnapp(k: Kortmiljo, data: Record<string, unknown>): Promise<Svar> {
  const m = k.miljo();
  const atgard = m.register.atgarder(text(data.enhet)).find((a) => String(a.nr) === text(data.nr));
  if (!atgard) {
    return { text: 'Jag hittar inte åtgärden längre. Fråga "visa åtgärder" för att se vilka som finns.' };
  }
  return atgardsformularEllerNekande(m, k.store, k.logg, inlamnare(k.anvandare, k.store), atgard);
}

/** "Korrigera" on a receipt, "börja om" on a conflict: the figures form again. */
export async function oppnaUtfallsformular(k: Kortmiljo, data: Record<string, unknown>): Promise<Svar> {
  const m = k.miljo();
  const enhet = m.register.enhet(text(data.enhet));
  if (!enhet)
    return meddelande(
      'Kortet kan inte användas',
      ['Enheten finns inte längre. Skriv "rapportera" för att få ett nytt formulär.'],
      'Attention',
    );
  const onskad = text(data.period);
  const period = PERIOD_MONSTER.test(onskad) ? onskad : standardperiod(m.register, enhet.id, m.nu);
  return formularEllerNekande(m, k.store, k.logg, inlamnare(k.anvandare, k.store), enhet, period);
}

/** The same form back with what the user typed, and the errors or the questions about it. */
function formularIgen(
  m: Svarsmiljo,
  vem: Inlamnare,
  data: Record<string, unknown>,
  om: Pick<Utfallsformularunderlag, 'fel' | 'rimlighet'>,
): Svar {
  const vald = text(data.enhet);
  const enhet = m.register.enhet(vald) && fårRapportera(vem.anvandare, vald, m.register) ? vald : text(data.grundenhet);
  const onskad = text(data.period);
  const period =
    PERIOD_MONSTER.test(onskad) && onskad <= m.nu ? onskad : PERIOD_MONSTER.test(text(data.grundperiod)) ? text(data.grundperiod) : m.nu;
  return utfallsformular(m, {
    enhet: m.register.enhet(enhet) ? enhet : (standardenhet(m)?.id ?? ''),
    period,
    kortId: text(data.kortId),
    grund: { version: Number(data.grundversion) || 0, enhet: text(data.grundenhet), period: text(data.grundperiod) },
    varden: data,
    ...om,
  });
}

/** The figures form sent in. */
export async function skickaUtfall(k: Kortmiljo, data: Record<string, unknown>): Promise<Inskickssvar> {
  const vem = inlamnare(k.anvandare, k.store);
  let r: Utfallsresultat;
  try {
    r = await sparaUtfall(k.store, vem, data, undefined, k.rimlighet);
  } catch (e) {
    return { svar: misslyckat(k, e, vem) };
  }
  const m = k.miljo();
  const logg = k.logg.med({ anvandare: vem.id, enhet: text(data.enhet), period: text(data.period) });
  switch (r.typ) {
    case 'ogiltigt_kort':
      logg.warn('ogiltigt rapportkort');
      return {
        svar: meddelande(
          'Kortet kan inte användas',
          ['Kortet saknar uppgifter som behövs för att spara. Inget har sparats. Skriv "rapportera" för att få ett nytt formulär.'],
          'Attention',
        ),
      };
    case 'nekad':
      logg.warn('rapportering nekad');
      return { svar: meddelande('Inget har sparats', [nekandeText(vem.anvandare, r.enhet, m.register)], 'Attention') };
    case 'fel':
      logg.info('rapport med fel', { falt: Object.keys(r.fel) });
      return { svar: formularIgen(m, vem, data, { fel: r.fel }) };
    case 'rimlighet':
      logg.info('rapport ifrågasatt', { varningar: r.varningar.map((w) => w.kod) });
      return { svar: formularIgen(m, vem, data, { rimlighet: r }) };
    case 'konflikt':
      logg.info('rapport mot äldre version', { grundversion: r.grundversion, nuvarande: r.nuvarande.version });
      return { svar: utfallskonflikt(m, { ...r, kortId: text(data.kortId) }) };
    case 'oforandrad':
      return { svar: utfallskvitto(m, { ny: r.nuvarande, fore: null, oforandrad: true }) };
    case 'sparad': {
      logg.info(r.upprepad ? 'rapport redan mottagen' : 'rapport sparad', { version: r.ny.version });
      return { svar: utfallskvitto(m, r), ersattForAlla: !r.upprepad, foljUpp: true };
    }
  }
}

/** "Uppdatera igen" on a measure receipt: the measure's form again. */
export async function oppnaAtgardsformular(k: Kortmiljo, data: Record<string, unknown>): Promise<Svar> {
  const m = k.miljo();
  const atgard = m.register.atgarder(text(data.enhet)).find((a) => String(a.nr) === text(data.nr));
  if (!atgard)
    return meddelande(
      'Kortet kan inte användas',
      ['Åtgärden finns inte längre. Fråga "visa åtgärder" för att se vilka som finns.'],
      'Attention',
    );
  return atgardsformularEllerNekande(m, k.store, k.logg, inlamnare(k.anvandare, k.store), atgard);
}

/** The measure form sent in. */
export async function skickaAtgard(k: Kortmiljo, data: Record<string, unknown>): Promise<Inskickssvar> {
  const vem = inlamnare(k.anvandare, k.store);
  let r: Atgardsresultat;
  try {
    r = await sparaAtgard(k.store, vem, data);
  } catch (e) {
    return { svar: misslyckat(k, e, vem) };
  }
  const m = k.miljo();
  const logg = k.logg.med({ anvandare: vem.id, enhet: text(data.enhet), nr: text(data.nr) });
  switch (r.typ) {
    case 'ogiltigt_kort':
      logg.warn('ogiltigt åtgärdskort');
      return {
        svar: meddelande(
          'Kortet kan inte användas',
          [
            'Kortet saknar uppgifter som behövs för att spara. Inget har sparats. Skriv till exempel "uppdatera åtgärd 5" för att få ett nytt formulär.',
          ],
          'Attention',
        ),
      };
    case 'saknas':
      return {
        svar: meddelande(
          'Åtgärden finns inte',
          [`Jag hittar ingen åtgärd ${r.nr} för ${m.register.enhet(r.enhet)?.namn ?? r.enhet}. Inget har sparats.`],
          'Attention',
        ),
      };
    case 'nekad':
      logg.warn('uppdatering av åtgärd nekad');
      return { svar: meddelande('Inget har sparats', [nekandeText(vem.anvandare, r.enhet, m.register)], 'Attention') };
    case 'fel':
      return {
        svar: atgardsformular(m, {
          atgard: r.atgard,
          kortId: text(data.kortId),
          grundversion: Number(data.grundversion) || 0,
          varden: data,
          fel: r.fel,
        }),
      };
    case 'konflikt':
      return { svar: atgardskonflikt(m, { ...r, kortId: text(data.kortId) }) };
    case 'oforandrad':
      return { svar: atgardskvitto(m, { ny: r.nuvarande, fore: null, oforandrad: true }) };
    case 'sparad': {
      logg.info(r.upprepad ? 'åtgärd redan mottagen' : 'åtgärd sparad', { version: r.ny.version });
      return { svar: atgardskvitto(m, r), ersattForAlla: !r.upprepad };
    }
  }
}
