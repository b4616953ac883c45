import { ActivityTypes, MemoryStorage } from 'botbuilder';
import { Application } from '@microsoft/teams-ai';
import { läsConfig } from '../src/config.js';
import { skapaLogg } from '../src/logg.js';
import { skapaAdapter } from '../src/teams/adapter.js';
import type { Tillstand } from '../src/teams/app.js';
import { startaServer } from '../src/teams/server.js';
import { ekosvar, läsKortsvar } from './kortsvar.js';

/**
 * The floors for the HTTP benchmark: the same stack as Budgetkollen (restify server from src/teams/server.ts,
 * TeamsAdapter from src/teams/adapter.ts, a teams-ai Application with the same options). Its message handler
 * echoes the text; with EKO_KORT=<file> (bench/kortsvar.ts) it answers with the real answer's card instead, bound
 * and sent as the bot sends it. Configured like the bot, by PORT and HOST.
 */
const config = läsConfig();
const logg = skapaLogg(config.logLevel);
const adapter = skapaAdapter(config, logg);
const kortsvar = process.env.EKO_KORT ? läsKortsvar(process.env.EKO_KORT) : null;
const app = new Application<Tillstand>({
  storage: new MemoryStorage(),
  adapter,
  removeRecipientMention: true,
  startTypingTimer: false,
  longRunningMessages: false,
});
app.activity(ActivityTypes.Message, async (context) => {
  const text = context.activity.text ?? '';
  await context.sendActivity(kortsvar ? ekosvar(kortsvar, text) : text);
});
const server = await startaServer(app, adapter, config, logg);
logg.info('eko lyssnar', { port: server.port, kort: kortsvar?.size ?? 0 });
const stang = async () => {
  await server.stang();
  process.exit(0);
};
process.on('SIGTERM', stang);
process.on('SIGINT', stang);
