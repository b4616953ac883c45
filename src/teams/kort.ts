import { ActivityTypes, CardFactory, type TurnContext } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import { VERB, meddelande } from '../answers/formular.js';
import type { Svar } from '../answers/svar.js';
import { Miljofabrik } from '../answers/svarsmiljo.js';
import { bindKort, type Kort } from '../cards/binda.js';
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
import { svarTillAktivitet } from './aktivitet.js';
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
      miljo: () => fabrik.skapa(b.store.register.anvandare.get(anvandare), state.conversation.kontext),
    };
  };

  /** An invoke always gets a card back. */
  const kort = (svar: Svar): Kort => {
    if (!svar.kort) return bindKort(meddelande('Budgetkollen', [svar.text]).kort!);
    return { ...bindKort(svar.kort), fallbackText: svar.text };
  };

  /** A stored change replaces the card for everyone in a group chat or channel, not only for the one who pressed. */
  const inskickat = async (context: TurnContext, state: Tillstand, r: Inskickssvar): Promise<Kort> => {
    if (r.foljUpp && r.svar.kontext) state.conversation.kontext = r.svar.kontext;
    const k = kort(r.svar);
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
    await context.sendActivity(svarTillAktivitet(await rapporteraKnapp(kortmiljo(context, state), data)));
  });
  app.adaptiveCards.actionSubmit('uppdatera_atgard', async (context, state, data: Data) => {
    await context.sendActivity(svarTillAktivitet(await uppdateraAtgardKnapp(kortmiljo(context, state), data)));
  });
  app.adaptiveCards.actionExecute(VERB.oppnaUtfall, async (context, state, data: Data) =>
    kort(await oppnaUtfallsformular(kortmiljo(context, state), data)),
  );
  app.adaptiveCards.actionExecute(VERB.sparaUtfall, async (context, state, data: Data) =>
    inskickat(context, state, await skickaUtfall(kortmiljo(context, state), data)),
  );
  app.adaptiveCards.actionExecute(VERB.oppnaAtgard, async (context, state, data: Data) =>
    kort(await oppnaAtgardsformular(kortmiljo(context, state), data)),
  );
  app.adaptiveCards.actionExecute(VERB.sparaAtgard, async (context, state, data: Data) =>
    inskickat(context, state, await skickaAtgard(kortmiljo(context, state), data)),
  );
}
