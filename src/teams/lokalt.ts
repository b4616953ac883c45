import { type Activity, ActivityTypes, TestAdapter } from 'botbuilder';
import type { Application } from '@microsoft/teams-ai';
import type { Tillstand } from './app.js';

export interface LokalAvsandare {
  anvandare: string;
  namn?: string;
  konversation?: string;
  tenant?: string;
}

/**
 * Drives the real Application through botbuilder's TestAdapter: the same handlers as in Teams,
 * without a network. Used by `npm run ask` and the integration tests.
 */
export class LokalKanal {
  readonly adapter: TestAdapter;
  private raknare = 0;

  constructor(app: Application<Tillstand>) {
    this.adapter = new TestAdapter(async (context) => { await app.run(context); });
  }

  private grund(fran: LokalAvsandare): Partial<Activity> {
    return {
      channelId: 'msteams',
      serviceUrl: 'https://lokal.invalid/',
      id: `lokal-${++this.raknare}`,
      from: { id: `29:${fran.anvandare}`, name: fran.namn ?? fran.anvandare, aadObjectId: fran.anvandare },
      recipient: { id: '28:budgetkollen', name: 'Budgetkollen' },
      conversation: { id: fran.konversation ?? `personlig-${fran.anvandare}`, conversationType: 'personal', isGroup: false, name: '', tenantId: fran.tenant ?? 'lokal' },
      channelData: { tenant: { id: fran.tenant ?? 'lokal' } },
      locale: 'sv-SE',
      timestamp: new Date(),
    };
  }

  /** Sends an activity and returns what the bot sent back during that turn. */
  async skicka(aktivitet: Partial<Activity>, fran: LokalAvsandare): Promise<Partial<Activity>[]> {
    const fore = this.adapter.activeQueue.length;
    await this.adapter.processActivity({ ...this.grund(fran), ...aktivitet } as Activity);
    return this.adapter.activeQueue.splice(fore);
  }

  fraga(text: string, fran: LokalAvsandare): Promise<Partial<Activity>[]> {
    return this.skicka({ type: ActivityTypes.Message, text }, fran);
  }
}
