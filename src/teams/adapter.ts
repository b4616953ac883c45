import { ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config.js';
import type { Logg } from '../logg.js';

/** How long one HTTP request to the Bot Connector may take before it is aborted (and retried by botbuilder). */
export const CONNECTOR_TIDSGRANS_MS = 10_000;

type Metod = (...argument: unknown[]) => Promise<unknown>;
/** The Bot Connector calls a turn makes, and where their options argument goes. */
const ANROP: Record<string, number> = { replyToActivity: 3, sendToConversation: 2, updateActivity: 3, deleteActivity: 2 };
const BEGRANSAD = Symbol('budgetkollen.tidsgrans');

/**
 * Gives every request this turn sends to the Bot Connector a time limit. botbuilder retries 5xx and 429 itself but
 * waits forever on a connector that never answers; with the limit the request is aborted (not left running, so it
 * cannot land later as a duplicate) and the turn ends with an error that is logged.
 */
function begransa(context: TurnContext, adapter: TeamsAdapter, ms: number): void {
  const klient = context.turnState.get(adapter.ConnectorClientKey) as { conversations?: Record<string, unknown> } | undefined;
  const samtal = klient?.conversations as (Record<string, unknown> & { [BEGRANSAD]?: true }) | undefined;
  if (!samtal || samtal[BEGRANSAD]) return;
  samtal[BEGRANSAD] = true;
  for (const [namn, plats] of Object.entries(ANROP)) {
    const metod = samtal[namn];
    if (typeof metod !== 'function') continue;
    const bunden = (metod as Metod).bind(samtal);
    samtal[namn] = (...argument: unknown[]) => {
      if (argument.length <= plats) argument[plats] = { timeout: ms };
      return bunden(...argument);
    };
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
    begransa(context, adapter, tidsgransMs);
    await next();
  });
  if (!config.botId) logg.warn('kör utan autentisering (BOT_ID saknas); endast för lokal utveckling', { host: config.host });
  return adapter;
}
