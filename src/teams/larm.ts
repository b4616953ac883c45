import { ActivityTypes } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { Appberoenden, Tillstand } from './app.js';
import { hanteraKonversationsuppdatering } from './installation.js';
/** Alert subscriptions and thresholds in chat; team and channel lifecycle events. The sender is started by src/index.ts. */
export function kopplaLarm(app: Application<Tillstand>, b: Appberoenden): void {
  app.activity(ActivityTypes.ConversationUpdate, async (context) => {
    await hanteraKonversationsuppdatering(context, b.store, b.logg);
  });
}
