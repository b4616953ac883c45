import { randomUUID } from 'node:crypto';
import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { atgardshistorikSvar, historikSvar } from '../answers/historik.js';
import { VERB, atgardsformular, meddelande, standardenhet, standardperiod, utfallsformular } from '../answers/formular.js';
import { atgardskonflikt, atgardskvitto, utfallskonflikt, utfallskvitto } from '../answers/kvitto.js';
import { beskrivEnhet, valjEnhet } from '../answers/enhetsval.js';
import type { Svar, Svarsmiljo } from '../answers/svar.js';
import { farRapportera, nekandeText } from '../domain/behorighet.js';
import { PERIOD_MONSTER, type Period, periodNamn } from '../domain/period.js';
import type { Atgard, Enhet } from '../domain/schema.js';
import { senastePeriodFor } from '../domain/siffror.js';
import type { Fraga } from '../language/tolka.js';
import { bindKort, type Kort } from '../cards/binda.js';
import {
  type Atgardsresultat,
  type Inlamnare,
  type Utfallsresultat,
  noteraOmNekad,
  sparaAtgard,
  sparaUtfall,
} from '../usecases/inlamning.js';
import { Lagringsfel } from '../store/fel.js';
import type { Store } from '../store/store.js';
import type { Logg } from '../logg.js';
import { svarTillAktivitet } from './aktivitet.js';
import type { Appberoenden, Tillstand } from './app.js';
import { anvandarId } from './samtal.js';
import type { Kommandohanterare } from '../usecases/kommandomiljo.js';
import { Miljofabrik } from '../answers/svarsmiljo.js';

const text = (v: unknown) => (typeof v === 'string' ? v.trim().slice(0, 200) : typeof v === 'number' ? String(v) : '');

function inlamnare(id: string, store: Store): Inlamnare {
  return { id, anvandare: store.register.anvandare.get(id) };
}

/** The form for a unit and month, or the refusal (audited) when the user may not report for it. */
async function formularEllerNekande(m: Svarsmiljo, store: Store, logg: Logg, vem: Inlamnare, enhet: Enhet, period: Period): Promise<Svar> {
  if (!farRapportera(m.anvandare, enhet.id, m.register)) {
    await noteraOmNekad(store, vem, enhet.id, `${enhet.id}|${period}`, 'rapportera');
    logg.info('rapportering nekad', { anvandare: vem.id, enhet: enhet.id, roll: m.anvandare?.roll ?? null });
    return { text: nekandeText(m.anvandare, enhet.id, m.register) };
  }
  if (period > m.nu) {
    return {
      text: `${periodNamn(period)} har inte börjat ännu, så det finns inget att rapportera. Välj ${periodNamn(m.nu)} eller en tidigare månad.`,
    };
  }
  return utfallsformular(m, { enhet: enhet.id, period, kortId: randomUUID() });
}

/** "rapportera", "jag vill rapportera novembersiffrorna för IFO", "lämna prognos för hemtjänsten". */
export const rapporteraKommando: Kommandohanterare = async (fraga, k) => {
  const m = k.miljo;
  const reg = m.register;
  const vem = inlamnare(k.samtal.anvandare, k.store);
  let enhet: Enhet | undefined;
  if (k.enhet || fraga.enheter.length || fraga.tvetydiga.length || fraga.okantNamn) {
    const val = valjEnhet(fraga, m, k.enhet);
    if (!val.ok) return val.svar;
    enhet = val.enhet;
  } else {
    enhet = standardenhet(m) ?? reg.enhet(m.anvandare?.enheter[0] ?? '') ?? reg.rot();
  }
  if (!enhet) return { text: 'Det finns inga enheter inlagda ännu. Be en administratör importera organisationen.' };
  const period = fraga.rapportmanad ?? standardperiod(reg, enhet.id, m.nu);
  return formularEllerNekande(m, k.store, k.logg, vem, enhet, period);
};

/** The measures a question may mean: the named unit's, else the conversation's, else the user's, else all. */
function atgarderFor(fraga: Fraga, m: Svarsmiljo, tvingad?: string): Atgard[] {
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

function valjAtgard(
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

async function atgardsformularEllerNekande(m: Svarsmiljo, store: Store, logg: Logg, vem: Inlamnare, atgard: Atgard): Promise<Svar> {
  if (!farRapportera(m.anvandare, atgard.enhet, m.register)) {
    await noteraOmNekad(store, vem, atgard.enhet, `${atgard.enhet}|${atgard.nr}`, 'uppdatera_atgard');
    logg.info('uppdatering av åtgärd nekad', { anvandare: vem.id, enhet: atgard.enhet, nr: atgard.nr });
    return { text: nekandeText(m.anvandare, atgard.enhet, m.register) };
  }
  return atgardsformular(m, { atgard, kortId: randomUUID() });
}

/** "uppdatera åtgärd 5": status, realised savings and comment of one measure. */
export const uppdateraAtgardKommando: Kommandohanterare = async (fraga, k) => {
  const val = valjAtgard(fraga, k.miljo, k.enhet, 'uppdatera åtgärd');
  if (!val.ok) return val.svar;
  return atgardsformularEllerNekande(k.miljo, k.store, k.logg, inlamnare(k.samtal.anvandare, k.store), val.atgard);
};

/** "visa historik för IFO november", "historik för åtgärd 5": every version, who and when. */
export const historikKommando: Kommandohanterare = async (fraga, k) => {
  const m = k.miljo;
  if (fraga.atgardNr !== null) {
    const val = valjAtgard(fraga, m, k.enhet, 'visa historik för åtgärd');
    return val.ok ? atgardshistorikSvar(m, val.atgard) : val.svar;
  }
  const val = valjEnhet(fraga, m, k.enhet);
  if (!val.ok) return val.svar;
  const enhet = val.enhet;
  const kontextPeriod = m.kontext?.enhet === enhet.id ? m.kontext.period : undefined;
  const period = fraga.rapportmanad ?? kontextPeriod ?? senastePeriodFor(m.register, enhet.id, m.nu);
  if (!period) return { text: `Det finns inga siffror för ${enhet.namn} ännu, så det finns ingen historik.` };
  return historikSvar(m, enhet, period);
};

/**
 * The reporting cards: buttons on status and measure cards (Action.Submit) post a form; the forms submit
 * with Action.Execute, and the bot's answer (receipt, the form with errors, a conflict) replaces the card.
 */
export function kopplaRapportering(app: Application<Tillstand>, b: Appberoenden): void {
  const fabrik = new Miljofabrik(b.store, b.klocka);
  const miljo = (context: TurnContext, state: Tillstand): Svarsmiljo =>
    fabrik.skapa(b.store.register.anvandare.get(anvandarId(context)), state.conversation.kontext);

  const kort = (svar: Svar): Kort => {
    if (!svar.kort) return bindKort(meddelande('Budgetkollen', [svar.text]).kort!);
    return { ...bindKort(svar.kort), fallbackText: svar.text };
  };

  /** The store undid everything; the user is told so, and the card stays usable for another try. */
  const misslyckat = (e: unknown, vem: Inlamnare): Svar => {
    b.logg.error('kunde inte spara från kort', { fel: e as Error, anvandare: vem.id });
    const orsak = e instanceof Lagringsfel ? [e.message] : [];
    return meddelande(
      'Något gick fel',
      [...orsak, 'Inget har sparats. Försök igen om en stund; skriv "rapportera" för att få ett nytt formulär.'],
      'Attention',
    );
  };

  /** A stored change replaces the card for everyone in a group chat or channel, not only for the one who pressed. */
  const ersattForAlla = async (context: TurnContext, k: Kort) => {
    const ursprung = context.activity.replyToId;
    if (!ursprung || context.activity.conversation?.conversationType === 'personal') return;
    try {
      await context.updateActivity({ id: ursprung, type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(k)] });
    } catch (e) {
      b.logg.warn('kunde inte ersätta kortet för alla', { fel: e as Error });
    }
  };

  app.adaptiveCards.actionSubmit('rapportera', async (context, state, data: Record<string, unknown>) => {
    const m = miljo(context, state);
    const enhet = m.register.enhet(text(data.enhet)) ?? standardenhet(m);
    if (!enhet) {
      await context.sendActivity('Jag vet inte vilken enhet du vill rapportera för. Skriv till exempel "rapportera för IFO".');
      return;
    }
    const onskad = text(data.period);
    const period = PERIOD_MONSTER.test(onskad) ? onskad : standardperiod(m.register, enhet.id, m.nu);
    const svar = await formularEllerNekande(m, b.store, b.logg, inlamnare(anvandarId(context), b.store), enhet, period);
    await context.sendActivity(svarTillAktivitet(svar));
  });

  app.adaptiveCards.actionSubmit('uppdatera_atgard', async (context, state, data: Record<string, unknown>) => {
    const m = miljo(context, state);
    const atgard = m.register.atgarder(text(data.enhet)).find((a) => String(a.nr) === text(data.nr));
    if (!atgard) {
      await context.sendActivity('Jag hittar inte åtgärden längre. Fråga "visa åtgärder" för att se vilka som finns.');
      return;
    }
    const svar = await atgardsformularEllerNekande(m, b.store, b.logg, inlamnare(anvandarId(context), b.store), atgard);
    await context.sendActivity(svarTillAktivitet(svar));
  });

  app.adaptiveCards.actionExecute(VERB.oppnaUtfall, async (context, state, data: Record<string, unknown>) => {
    const m = miljo(context, state);
    const enhet = m.register.enhet(text(data.enhet));
    if (!enhet)
      return kort(
        meddelande(
          'Kortet kan inte användas',
          ['Enheten finns inte längre. Skriv "rapportera" för att få ett nytt formulär.'],
          'Attention',
        ),
      );
    const onskad = text(data.period);
    const period = PERIOD_MONSTER.test(onskad) ? onskad : standardperiod(m.register, enhet.id, m.nu);
    return kort(await formularEllerNekande(m, b.store, b.logg, inlamnare(anvandarId(context), b.store), enhet, period));
  });

  app.adaptiveCards.actionExecute(VERB.sparaUtfall, async (context, state, data: Record<string, unknown>) => {
    const vem = inlamnare(anvandarId(context), b.store);
    let r: Utfallsresultat;
    try {
      r = await sparaUtfall(b.store, vem, data);
    } catch (e) {
      return kort(misslyckat(e, vem));
    }
    const m = miljo(context, state);
    const logg = b.logg.barn({ anvandare: vem.id, enhet: text(data.enhet), period: text(data.period) });
    switch (r.typ) {
      case 'ogiltigt_kort':
        logg.warn('ogiltigt rapportkort');
        return kort(
          meddelande(
            'Kortet kan inte användas',
            ['Kortet saknar uppgifter som behövs för att spara. Inget har sparats. Skriv "rapportera" för att få ett nytt formulär.'],
            'Attention',
          ),
        );
      case 'nekad':
        logg.warn('rapportering nekad');
        return kort(meddelande('Inget har sparats', [nekandeText(vem.anvandare, r.enhet, m.register)], 'Attention'));
      case 'fel': {
        logg.info('rapport med fel', { falt: Object.keys(r.fel) });
        const vald = text(data.enhet);
        const enhet = m.register.enhet(vald) && farRapportera(vem.anvandare, vald, m.register) ? vald : text(data.grundenhet);
        const onskad = text(data.period);
        const period =
          PERIOD_MONSTER.test(onskad) && onskad <= m.nu
            ? onskad
            : PERIOD_MONSTER.test(text(data.grundperiod))
              ? text(data.grundperiod)
              : m.nu;
        return kort(
          utfallsformular(m, {
            enhet: m.register.enhet(enhet) ? enhet : (standardenhet(m)?.id ?? ''),
            period,
            kortId: text(data.kortId),
            grund: { version: Number(data.grundversion) || 0, enhet: text(data.grundenhet), period: text(data.grundperiod) },
            varden: data,
            fel: r.fel,
          }),
        );
      }
      case 'konflikt':
        logg.info('rapport mot äldre version', { grundversion: r.grundversion, nuvarande: r.nuvarande.version });
        return kort(utfallskonflikt(m, { ...r, kortId: text(data.kortId) }));
      case 'oforandrad':
        return kort(utfallskvitto(m, { ny: r.nuvarande, fore: null, oforandrad: true }));
      case 'sparad': {
        logg.info(r.upprepad ? 'rapport redan mottagen' : 'rapport sparad', { version: r.ny.version });
        const svar = utfallskvitto(m, r);
        if (svar.kontext) state.conversation.kontext = svar.kontext;
        const k = kort(svar);
        if (!r.upprepad) await ersattForAlla(context, k);
        return k;
      }
    }
  });

  app.adaptiveCards.actionExecute(VERB.oppnaAtgard, async (context, state, data: Record<string, unknown>) => {
    const m = miljo(context, state);
    const atgard = m.register.atgarder(text(data.enhet)).find((a) => String(a.nr) === text(data.nr));
    if (!atgard)
      return kort(
        meddelande(
          'Kortet kan inte användas',
          ['Åtgärden finns inte längre. Fråga "visa åtgärder" för att se vilka som finns.'],
          'Attention',
        ),
      );
    return kort(await atgardsformularEllerNekande(m, b.store, b.logg, inlamnare(anvandarId(context), b.store), atgard));
  });

  app.adaptiveCards.actionExecute(VERB.sparaAtgard, async (context, state, data: Record<string, unknown>) => {
    const vem = inlamnare(anvandarId(context), b.store);
    let r: Atgardsresultat;
    try {
      r = await sparaAtgard(b.store, vem, data);
    } catch (e) {
      return kort(misslyckat(e, vem));
    }
    const m = miljo(context, state);
    const logg = b.logg.barn({ anvandare: vem.id, enhet: text(data.enhet), nr: text(data.nr) });
    switch (r.typ) {
      case 'ogiltigt_kort':
        logg.warn('ogiltigt åtgärdskort');
        return kort(
          meddelande(
            'Kortet kan inte användas',
            [
              'Kortet saknar uppgifter som behövs för att spara. Inget har sparats. Skriv till exempel "uppdatera åtgärd 5" för att få ett nytt formulär.',
            ],
            'Attention',
          ),
        );
      case 'saknas':
        return kort(
          meddelande(
            'Åtgärden finns inte',
            [`Jag hittar ingen åtgärd ${r.nr} för ${m.register.enhet(r.enhet)?.namn ?? r.enhet}. Inget har sparats.`],
            'Attention',
          ),
        );
      case 'nekad':
        logg.warn('uppdatering av åtgärd nekad');
        return kort(meddelande('Inget har sparats', [nekandeText(vem.anvandare, r.enhet, m.register)], 'Attention'));
      case 'fel':
        return kort(
          atgardsformular(m, {
            atgard: r.atgard,
            kortId: text(data.kortId),
            grundversion: Number(data.grundversion) || 0,
            varden: data,
            fel: r.fel,
          }),
        );
      case 'konflikt':
        return kort(atgardskonflikt(m, { ...r, kortId: text(data.kortId) }));
      case 'oforandrad':
        return kort(atgardskvitto(m, { ny: r.nuvarande, fore: null, oforandrad: true }));
      case 'sparad': {
        logg.info(r.upprepad ? 'åtgärd redan mottagen' : 'åtgärd sparad', { version: r.ny.version });
        const k = kort(atgardskvitto(m, r));
        if (!r.upprepad) await ersattForAlla(context, k);
        return k;
      }
    }
  });
}
