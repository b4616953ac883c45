import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { VERB, atgardsformular, meddelande, standardenhet, standardperiod, utfallsformular } from '../answers/formular.js';
import { atgardskonflikt, atgardskvitto, utfallskonflikt, utfallskvitto } from '../answers/kvitto.js';
import type { Svar, Svarsmiljo } from '../answers/svar.js';
import { farRapportera, nekandeText } from '../domain/behorighet.js';
import { PERIOD_MONSTER } from '../domain/period.js';
import { bindKort, type Kort } from '../cards/binda.js';
import { type Atgardsresultat, type Inlamnare, type Utfallsresultat, sparaAtgard, sparaUtfall } from '../usecases/inlamning.js';
import { Lagringsfel } from '../store/fel.js';
import { svarTillAktivitet } from './aktivitet.js';
import type { Appberoenden, Tillstand } from './app.js';
import { anvandarId } from './samtal.js';
import { Miljofabrik } from '../answers/svarsmiljo.js';
import { atgardsformularEllerNekande, formularEllerNekande, inlamnare, text } from '../usecases/rapportering.js';
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
