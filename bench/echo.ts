import { ActivityTypes, MemoryStorage } from 'botbuilder';
import { Application } from '@microsoft/teams-ai';
import { läsConfig } from '../src/config.js';
import { skapaLogg } from '../src/logg.js';
import { skapaAdapter } from '../src/teams/adapter.js';
import type { Tillstand } from '../src/teams/app.js';
import { startaServer } from '../src/teams/server.js';

/**
 * The floor for the HTTP benchmark: the same stack as Budgetkollen (restify server from src/teams/server.ts,
 * TeamsAdapter from src/teams/adapter.ts, a teams-ai Application with the same options), whose message
 * handler only echoes the text. Configured like the bot, by PORT and HOST.
 */
const config = läsConfig();
const logg = skapaLogg(config.logLevel);
const adapter = skapaAdapter(config, logg);
const app = new Application<Tillstand>({
  storage: new MemoryStorage(),
  adapter,
  removeRecipientMention: true,
  startTypingTimer: false,
  longRunningMessages: false,
});
app.activity(ActivityTypes.Message, async (context) => {
  await context.sendActivity(context.activity.text ?? '');
});
const server = await startaServer(app, adapter, config, logg);
logg.info('eko lyssnar', { port: server.port });
const stang = async () => {
  await server.stang();
  process.exit(0);
};
process.on('SIGTERM', stang);
process.on('SIGINT', stang);
