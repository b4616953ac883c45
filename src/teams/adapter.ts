import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { TeamsAdapter } from '@microsoft/teams-ai';
import type { Config } from '../config.js';
import type { Logg } from '../logg.js';

/**
 * With BOT_ID the adapter validates every incoming Bot Framework token (botbuilder's own auth);
 * without it, local unauthenticated mode for the Agents Playground, bound to loopback only.
 */
export function skapaAdapter(config: Config, logg: Logg): TeamsAdapter {
  const installningar = {
    MicrosoftAppId: config.botId,
    MicrosoftAppPassword: config.botPassword,
    MicrosoftAppType: config.botId ? 'SingleTenant' : undefined,
    MicrosoftAppTenantId: config.botTenantId || undefined,
  };
  const adapter = new TeamsAdapter(installningar, new ConfigurationServiceClientCredentialFactory(installningar));
  if (!config.botId) logg.warn('kör utan autentisering (BOT_ID saknas); endast för lokal utveckling', { host: config.host });
  return adapter;
}
