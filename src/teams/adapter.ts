import { ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config.js';
import type { Logg } from '../logg.js';
import { arLoopback } from './inslapp.js';

/** How long one HTTP request to the Bot Connector may take before it is aborted (and retried by botbuilder). */
export const CONNECTOR_TIDSGRANS_MS = 10_000;

type Metod = (...argument: unknown[]) => Promise<unknown>;
/** The Bot Connector calls a turn makes, and where their options argument goes. */
const ANROP: Record<string, number> = { replyToActivity: 3, sendToConversation: 2, updateActivity: 3, deleteActivity: 2 };
const TIDSGRANS = Symbol('budgetkollen.tidsgrans');

interface Anslutning {
  conversations?: Record<string, unknown> & { [TIDSGRANS]?: number };
  client?: { pipeline?: { removePolicy(p: { name: string }): unknown } };
}

/**
 * Gives every request this turn sends to the Bot Connector a time limit. botbuilder retries 5xx and 429 itself but
 * waits forever on a connector that never answers; with the limit the request is aborted (not left running, so it
 * cannot land later as a duplicate) and the turn ends with an error that is logged.
 */
function begransa(context: TurnContext, adapter: Pick<TeamsAdapter, 'ConnectorClientKey'>, ms: number): void {
  const samtal = (context.turnState.get(adapter.ConnectorClientKey) as Anslutning | undefined)?.conversations;
  if (!samtal || samtal[TIDSGRANS] !== undefined) return;
  samtal[TIDSGRANS] = ms;
  for (const [namn, plats] of Object.entries(ANROP)) {
    const metod = samtal[namn];
    if (typeof metod !== 'function') continue;
    const bunden = (metod as Metod).bind(samtal);
    samtal[namn] = (...argument: unknown[]) => {
      if (argument.length <= plats) argument[plats] = { timeout: samtal[TIDSGRANS] };
      return bunden(...argument);
    };
  }
}

/**
 * For the outbox's proactive sends: one request per attempt, with its own time limit. botbuilder's own retries
 * are turned off for this turn's client (a client is made per proactive turn): a request retried after the
 * connection broke, or after no answer, may be a second copy of one the connector already took. The outbox
 * retries what the connector refused, and knows what it must not send again.
 */
export function forUtskick(context: TurnContext, adapter: Pick<TeamsAdapter, 'ConnectorClientKey'>, ms: number): void {
  const klient = context.turnState.get(adapter.ConnectorClientKey) as Anslutning | undefined;
  begransa(context, adapter, ms);
  if (klient?.conversations) klient.conversations[TIDSGRANS] = ms;
  const pipeline = klient?.client?.pipeline;
  if (!pipeline)
    throw new Error('botbuilders anslutning till Bot Connector har okänd form; larm skickas inte utan kontroll över omförsöken');
  pipeline.removePolicy({ name: 'defaultRetryPolicy' });
}

function tillLoopback(url: unknown): boolean {
  try {
    return typeof url === 'string' && arLoopback(new URL(url).hostname);
  } catch {
    return false;
  }
}

/**
 * With BOT_ID the adapter validates every incoming Bot Framework token (botbuilder's own auth);
 * without it, local unauthenticated mode for the Agents Playground, bound to loopback only.
 */
export function skapaAdapter(config: Config, logg: Logg, tidsgransMs = CONNECTOR_TIDSGRANS_MS): TeamsAdapter {
  const installningar = {
    MicrosoftAppId: config.botId,
    MicrosoftAppPassword: config.botPassword,
    MicrosoftAppType: config.botId ? 'SingleTenant' : undefined,
    MicrosoftAppTenantId: config.botTenantId || undefined,
  };
  const adapter = new TeamsAdapter(installningar, new ConfigurationServiceClientCredentialFactory(installningar));
  // Replies and proactive sends (alerts) alike run this middleware before anything is sent.
  adapter.use(async (context, next) => {
    // Without authentication nothing proves a serviceUrl is Teams': local mode sends only to this machine.
    if (!config.botId && !tillLoopback(context.activity.serviceUrl))
      throw Object.assign(new Error('lokalt läge skickar bara till loopback'), { code: 'LOKALT_LAGE' });
    begransa(context, adapter, tidsgransMs);
    await next();
  });
  if (!config.botId) logg.warn('kör utan autentisering (BOT_ID saknas); endast för lokal utveckling', { host: config.host });
  return adapter;
}
