import { type Activity, ActivityTypes, MemoryStorage, type TurnContext } from 'botbuilder';
import { Application } from '@microsoft/teams-ai';
import type { Appberoenden, Tillstand } from './typer.js';
import { svarTillAktivitet } from './aktivitet.js';
import { anvandarId, samtalFran } from './samtal.js';
import { svaraIChatten } from '../usecases/kommandon.js';
import { Miljofabrik } from '../answers/svarsmiljo.js';
import { kopplaInstallation } from './installation.js';
import { kopplaKort } from './kort.js';
import { medInaktuellNotis } from '../answers/inaktuell.js';
import { Lagringsfel } from '../store/fel.js';
import { Samtalslagring } from './samtalslagring.js';
import { kopplaFiler } from './filer.js';
import { kopplaFilmottagning } from './filmottagning.js';

const MAX_TECKEN = 2000;

/** A card's verb for the log: only ever a short string, whatever a forged card put there. */
function verbText(verb: unknown): string {
  return typeof verb === 'string' ? verb.slice(0, 50) : `(${verb === null ? 'null' : typeof verb})`;
}

export function skapaApp(b: Appberoenden): Application<Tillstand> {
  const app = new Application<Tillstand>({
    // Shared by every instance when the store is (PostgreSQL); otherwise in this process, as before.
    storage: b.store.delad ? new Samtalslagring(b.store.delad.nyckelvarden, b.logg) : new MemoryStorage(),
    adapter: b.adapter,
    botAppId: b.botAppId,
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  const fabrik = new Miljofabrik(b.store, b.klocka);

  const svara = async (context: TurnContext, state: Tillstand, text: string, enhet?: string) => {
    const miljo = fabrik.skapa(b.store.register.anvandare.get(anvandarId(context)), state.conversation.kontext);
    const { svar, fraga } = await svaraIChatten(text, { store: b.store, miljo, logg: b.logg, enhet, samtal: () => samtalFran(context) });
    if (svar.kontext) state.conversation.kontext = svar.kontext;
    const otillganglig = b.store.delad?.otillgangligSedan();
    for (const s of otillganglig ? medInaktuellNotis(svar, otillganglig) : [svar])
      await context.sendActivity(svarTillAktivitet(s, b.store.register));
    b.logg.debug('svar', { avsikt: fraga.avsikt, enheter: fraga.enheter.map((e) => e.id), kontext: svar.kontext });
  };

  app.turn('beforeTurn', async (context) => {
    const tillatna = b.tillatnaTenants ?? [];
    if (!tillatna.length) return true;
    // Teams names the tenant in two places; both must be ours, and at least one must be there.
    const a = context.activity;
    const tenanter = [a.conversation?.tenantId, (a.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id].filter(
      (t): t is string => typeof t === 'string' && t !== '',
    );
    const frammande = tenanter.find((t) => !tillatna.includes(t));
    if (tenanter.length && frammande === undefined) return true;
    b.logg.warn('aktivitet från otillåten tenant avvisad', { tenant: frammande ?? null, typ: a.type });
    const besked = 'Budgetkollen är inte öppen för din organisation.';
    if (a.type === ActivityTypes.Message) await context.sendActivity(besked);
    else if (a.type === ActivityTypes.Invoke && a.name === KORTATGARD) await kortbesked(context, besked);
    else if (a.type === ActivityTypes.Invoke) await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
    return false;
  });

  app.adaptiveCards.actionSubmit('fraga', async (context, state, data: { fraga?: unknown; enhet?: unknown }) => {
    const fraga = typeof data.fraga === 'string' ? data.fraga.slice(0, MAX_TECKEN) : '';
    const enhet = typeof data.enhet === 'string' ? data.enhet : undefined;
    if (!fraga) {
      await context.sendActivity('Knappen saknade en fråga. Skriv frågan i stället.');
      return;
    }
    await svara(context, state, fraga, enhet);
  });

  kopplaInstallation(app, b);
  kopplaKort(app, b);
  kopplaFiler(app, b);
  kopplaFilmottagning(app, b);

  // An Action.Execute no route knows (an old card, a forged verb) still gets an answer in the card, not a 501.
  const okandKnapp = (context: TurnContext) => {
    const verb = (context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
    b.logg.warn('okänd kortåtgärd', { verb: verbText(verb) });
    return 'Den knappen känner jag inte igen längre. Inget har sparats. Ställ frågan igen, eller skriv "hjälp".';
  };
  app.adaptiveCards.actionExecute(
    async (context) =>
      context.activity.type === ActivityTypes.Invoke &&
      context.activity.name === KORTATGARD &&
      (context.activity.value as { action?: { type?: unknown } } | undefined)?.action?.type === 'Action.Execute',
    async (context) => okandKnapp(context),
  );
  // teams-ai's card routes take only a well-formed Action.Execute; a broken one is answered the same way here.
  app.activity(ActivityTypes.Invoke, async (context) => {
    if (context.activity.name === KORTATGARD) await kortbesked(context, okandKnapp(context));
  });

  // Registered last: teams-ai takes the first matching route, and card submits are messages too.
  app.activity(ActivityTypes.Message, async (context, state) => {
    const text = typeof context.activity.text === 'string' ? context.activity.text.trim() : '';
    if (!text && context.activity.value) {
      b.logg.warn('okänd kortknapp', { verb: verbText((context.activity.value as { verb?: unknown }).verb) });
      await context.sendActivity('Den knappen känner jag inte igen längre. Ställ frågan igen, eller skriv "hjälp".');
      return;
    }
    if (!text) {
      await context.sendActivity('Skriv en fråga, till exempel "hur ligger vi mot budget?", eller "hjälp".');
      return;
    }
    if (text.length > MAX_TECKEN) {
      await context.sendActivity(`Frågan är för lång (${text.length} tecken). Skriv en kortare fråga, högst ${MAX_TECKEN} tecken.`);
      return;
    }
    await svara(context, state, text);
  });

  app.error(async (context, err) => {
    // The answer (and any change it made) is done, but Bot Connector did not take the reply, even after
    // botbuilder's own retries: another message through it would fail the same way, or claim the wrong thing.
    if (ärConnectorfel(err)) {
      b.logg.error('svaret kunde inte levereras till Teams', { fel: err, typ: context.activity.type });
      return;
    }
    b.logg.error('oväntat fel i turen', { fel: err, typ: context.activity.type });
    if (context.activity.type === ActivityTypes.Message) {
      // A change the store could not make (the database is gone): its message says what happened, in Swedish.
      const besked = err instanceof Lagringsfel ? err.message : 'Något gick fel hos Budgetkollen. Försök igen om en stund.';
      await context.sendActivity(besked).catch(() => undefined);
    }
  });

  // teams-ai strips the bot's mention before any handler runs and trusts the activity's shape while doing so.
  const run = app.run.bind(app);
  app.run = (context) => {
    rattaForm(context.activity);
    return run(context);
  };

  return app;
}

const KORTATGARD = 'adaptiveCard/action';

/** A card button's invoke answered with a message instead of a card, as teams-ai answers a handler that returns text. */
async function kortbesked(context: TurnContext, text: string): Promise<void> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text } },
  });
}

/** An error from sending to Bot Connector: an HTTP status, a network failure, or our own time limit. */
function ärConnectorfel(err: unknown): boolean {
  const e = err as { name?: unknown; statusCode?: unknown; code?: unknown } | null;
  return (
    typeof e?.statusCode === 'number' ||
    e?.name === 'RestError' ||
    e?.name === 'Connectortidsgrans' ||
    (typeof e?.code === 'string' && /^(ECONN|ETIMEDOUT|ENOTFOUND|EAI_AGAIN|EPIPE|REQUEST_SEND_ERROR)/.test(e.code))
  );
}

/**
 * Teams always sends text as a string, entities as a list of objects, a recipient, and a card's value as an
 * object; a forged or broken activity that does not would crash botbuilder's mention handling or teams-ai's
 * card routes, so what cannot be read is dropped.
 */
function rattaForm(a: Activity): void {
  if (a.text !== undefined && typeof a.text !== 'string') a.text = '';
  if (a.type === ActivityTypes.Message && a.entities?.length && typeof a.text !== 'string') a.text = '';
  // teams-ai's card routes read `value.verb` of anything typed object, null included.
  if (a.value === null) delete a.value;
  if (a.entities !== undefined) {
    a.entities = Array.isArray(a.entities)
      ? a.entities.filter((e) => {
          if (!e || typeof e !== 'object' || typeof e.type !== 'string') return false;
          const m = e as { text?: unknown; mentioned?: { id?: unknown } };
          return (
            e.type.toLowerCase() !== 'mention' || (typeof m.text === 'string' && typeof m.mentioned === 'object' && m.mentioned !== null)
          );
        })
      : undefined;
  }
  if (!a.recipient || typeof a.recipient !== 'object') a.recipient = { id: '', name: '' };
}

export type { Activity, Appberoenden, Tillstand };
