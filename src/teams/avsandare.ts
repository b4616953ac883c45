import type { BotAdapter, ConversationReference } from 'botbuilder';
import { type Transport, type Tid, Utkorgsavsandare } from '../alerts/utkorg.js';
import type { Logg } from '../logg.js';
import type { Store } from '../store/store.js';
import { svarTillAktivitet } from './aktivitet.js';

/**
 * Posts through the bot adapter as a proactive message. A channel's reference carries the channel
 * id (not a thread), so each alert becomes a new post in the channel.
 */
export function adapterTransport(adapter: Pick<BotAdapter, 'continueConversationAsync'>, botAppId?: string): Transport {
  return {
    async skicka({ konversation, svar }) {
      const referens = konversation.referens as unknown as Partial<ConversationReference>;
      await adapter.continueConversationAsync(botAppId ?? '', referens, async (context) => {
        await context.sendActivity(svarTillAktivitet(svar));
      });
    },
  };
}

export interface Avsandarberoenden {
  store: Store;
  logg: Logg;
  adapter: Pick<BotAdapter, 'continueConversationAsync'>;
  botAppId?: string;
  tid?: Tid;
}

/** The outbox sender as the bot runs it: started by the composition root, stopped on shutdown. */
export function skapaAvsandare(b: Avsandarberoenden): Utkorgsavsandare {
  return new Utkorgsavsandare({
    store: b.store,
    logg: b.logg.barn({ del: 'larm' }),
    transport: adapterTransport(b.adapter, b.botAppId),
    tid: b.tid,
  });
}
