import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { VERB } from '../answers/formular.js';
import { Miljofabrik } from '../answers/svarsmiljo.js';
import type { Kort } from '../cards/binda.js';
import {
  type Inskickssvar,
  type Kortmiljo,
  oppnaAtgardsformular,
  oppnaUtfallsformular,
  rapporteraKnapp,
  skickaAtgard,
  skickaUtfall,
  uppdateraAtgardKnapp,
} from '../usecases/kortsvar.js';
import { svarSomKort, svarTillAktivitet } from './aktivitet.js';
import type { Appberoenden, Tillstand } from './typer.js';
import { anvandarId } from './samtal.js';

/**
 * The reporting cards' buttons: Action.Submit ones post a form as a new message; Action.Execute ones answer
 * with the card that replaces the pressed one.
 */
export function kopplaKort(app: Application<Tillstand>, b: Appberoenden): void {
  const fabrik = new Miljofabrik(b.store, b.klocka);
  const kortmiljo = (context: TurnContext, state: Tillstand): Kortmiljo => {
    const anvandare = anvandarId(context);
    return {
      store: b.store,
      logg: b.logg,
      anvandare,
      rimlighet: b.rimlighet,
      miljo: () => fabrik.skapa(b.store.register.anvandare.get(anvandare), state.conversation.kontext),
    };
  };

  /** A stored change replaces the card for everyone in a group chat or channel, not only for the one who pressed. */
  const inskickat = async (context: TurnContext, state: Tillstand, r: Inskickssvar): Promise<Kort> => {
    if (r.foljUpp && r.svar.kontext) state.conversation.kontext = r.svar.kontext;
    const k = svarSomKort(r.svar, b.store.register);
    const ursprung = context.activity.replyToId;
    if (!r.ersattForAlla || !ursprung || context.activity.conversation?.conversationType === 'personal') return k;
    try {
      await context.updateActivity({ id: ursprung, type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(k)] });
    } catch (e) {
      b.logg.warn('kunde inte ersätta kortet för alla', { fel: e as Error });
    }
    return k;
  };

  type Data = Record<string, unknown>;
  app.adaptiveCards.actionSubmit('rapportera', async (context, state, data: Data) => {
    await context.sendActivity(svarTillAktivitet(await rapporteraKnapp(kortmiljo(context, state), data), b.store.register));
  });
  app.adaptiveCards.actionSubmit('uppdatera_atgard', async (context, state, data: Data) => {
    await context.sendActivity(svarTillAktivitet(await uppdateraAtgardKnapp(kortmiljo(context, state), data), b.store.register));
  });
  app.adaptiveCards.actionExecute(VERB.oppnaUtfall, async (c, s, data: Data) =>
    svarSomKort(await oppnaUtfallsformular(kortmiljo(c, s), data), b.store.register),
  );
  app.adaptiveCards.actionExecute(VERB.oppnaAtgard, async (c, s, data: Data) =>
    svarSomKort(await oppnaAtgardsformular(kortmiljo(c, s), data), b.store.register),
  );
  app.adaptiveCards.actionExecute(VERB.sparaUtfall, async (c, s, data: Data) => inskickat(c, s, await skickaUtfall(kortmiljo(c, s), data)));
  app.adaptiveCards.actionExecute(VERB.sparaAtgard, async (c, s, data: Data) => inskickat(c, s, await skickaAtgard(kortmiljo(c, s), data)));
}
