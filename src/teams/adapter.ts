import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config.js';
import type { Logg } from '../logg.js';

/** How long a send or update through the Bot Connector may take, retries included, before it counts as failed. */
export const CONNECTOR_TIDSGRANS_MS = 20_000;

export class Connectortidsgrans extends Error {
  override name = 'Connectortidsgrans';
}

function medTidsgrans<T>(arbete: Promise<T>, ms: number, vad: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Connectortidsgrans(`Bot Connector svarade inte inom ${ms} ms (${vad})`)), ms);
    arbete.then((v) => { clearTimeout(t); resolve(v); }, (e: unknown) => { clearTimeout(t); reject(e); });
  });
}

/**
 * With BOT_ID the adapter validates every incoming Bot Framework token (botbuilder's own auth);
 * without it, local unauthenticated mode for the Agents Playground, bound to loopback only.
 * Sends and updates get a time limit, in replies and proactive sends alike: botbuilder retries 5xx and 429
 * itself, but waits forever on a connector that never answers, and a turn must end (and be logged) instead.
 */
export function skapaAdapter(config: Config, logg: Logg, tidsgransMs = CONNECTOR_TIDSGRANS_MS): TeamsAdapter {
  const installningar = {
    MicrosoftAppId: config.botId,
    MicrosoftAppPassword: config.botPassword,
    MicrosoftAppType: config.botId ? 'SingleTenant' : undefined,
    MicrosoftAppTenantId: config.botTenantId || undefined,
  };
  const adapter = new TeamsAdapter(installningar, new ConfigurationServiceClientCredentialFactory(installningar));
  adapter.use(async (context, next) => {
    context.onSendActivities((_c, _a, skicka) => medTidsgrans(skicka(), tidsgransMs, 'skicka'));
    context.onUpdateActivity((_c, _a, uppdatera) => medTidsgrans(uppdatera(), tidsgransMs, 'uppdatera'));
    await next();
  });
  if (!config.botId) logg.warn('kör utan autentisering (BOT_ID saknas); endast för lokal utveckling', { host: config.host });
  return adapter;
}
