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
    this.adapter = new TestAdapter(async (context) => {
      await app.run(context);
    });
  }

  private grund(fran: LokalAvsandare): Partial<Activity> {
    return {
      channelId: 'msteams',
      serviceUrl: 'https://lokal.invalid/',
      id: `lokal-${++this.raknare}`,
      from: { id: `29:${fran.anvandare}`, name: fran.namn ?? fran.anvandare, aadObjectId: fran.anvandare },
      recipient: { id: '28:budgetkollen', name: 'Budgetkollen' },
      conversation: {
        id: fran.konversation ?? `personlig-${fran.anvandare}`,
        conversationType: 'personal',
        isGroup: false,
        name: '',
        tenantId: fran.tenant ?? 'lokal',
      },
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

  /**
   * Presses an Action.Execute button: an `adaptiveCard/action` invoke, as Teams sends it. Returns the invoke
   * response (status and body; the body's `value` is the card that replaces the pressed one) and anything else sent.
   */
  async invoke(
    verb: string,
    data: Record<string, unknown>,
    fran: LokalAvsandare,
    replyToId?: string,
  ): Promise<{
    status: number | undefined;
    body: { statusCode?: number; type?: string; value?: unknown } | undefined;
    aktiviteter: Partial<Activity>[];
  }> {
    const svar = await this.skicka(
      {
        type: ActivityTypes.Invoke,
        name: 'adaptiveCard/action',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        ...(replyToId ? { replyToId } : {}),
      },
      fran,
    );
    const ir = svar.find((a) => a.type === ActivityTypes.InvokeResponse);
    const varde = ir?.value as { status?: number; body?: { statusCode?: number; type?: string; value?: unknown } } | undefined;
    return { status: varde?.status, body: varde?.body, aktiviteter: svar.filter((a) => a.type !== ActivityTypes.InvokeResponse) };
  }

  /** Presses an Action.Submit button: a message with the button's data as value and no text. */
  tryck(data: Record<string, unknown>, fran: LokalAvsandare): Promise<Partial<Activity>[]> {
    return this.skicka({ type: ActivityTypes.Message, value: data }, fran);
  }
}
