import { z } from 'zod';

/**
 * The shape of an activity as Teams (and the Agents Playground) sends it, checked at the HTTP edge before the
 * activity reaches botbuilder, the handlers or the store. Who wrote, where, the conversation and the team end up
 * in the store (a conversation reference is kept for alerts), so each has its type and a bounded length, and only
 * the fields we know are kept of them; what the bot reads elsewhere (text, value, entities, attachments) stays as
 * sent and is checked where it is read.
 */
const id = z.string().min(1).max(1024);
const valfriText = (max: number) => z.string().max(max).nullish();

const Konto = z.object({
  id,
  name: valfriText(512),
  aadObjectId: valfriText(128),
  role: valfriText(64),
});

const Konversationen = z.object({
  id,
  name: valfriText(512),
  conversationType: valfriText(64),
  tenantId: valfriText(128),
  isGroup: z.boolean().nullish(),
  aadObjectId: valfriText(128),
  role: valfriText(64),
});

const Namngiven = z.object({ id, name: valfriText(512), aadGroupId: valfriText(128) });

const Kanaldata = z
  .object({
    tenant: z.object({ id: z.string().max(128) }).nullish(),
    team: Namngiven.nullish(),
    channel: Namngiven.nullish(),
    eventType: valfriText(64),
  })
  .passthrough();

const tidpunkt = z
  .string()
  .max(64)
  .refine((t) => !Number.isNaN(Date.parse(t)), 'ingen tidpunkt')
  .nullish();

export const Aktivitetsform = z
  .object({
    type: z.string().min(1).max(64),
    id: valfriText(1024),
    channelId: z.string().min(1).max(64),
    serviceUrl: z
      .string()
      .max(2048)
      .url()
      .refine((u) => /^https?:\/\//i.test(u), 'ska vara http eller https'),
    from: Konto,
    recipient: Konto.nullish(),
    conversation: Konversationen,
    channelData: Kanaldata.nullish(),
    membersAdded: z.array(Konto).max(256).nullish(),
    membersRemoved: z.array(Konto).max(256).nullish(),
    action: valfriText(64),
    name: valfriText(256),
    replyToId: valfriText(1024),
    locale: valfriText(64),
    timestamp: tidpunkt,
    localTimestamp: tidpunkt,
  })
  .passthrough();

export type Aktivitetsfel = { falt: string; problem: string };

/** The activity with its stored fields checked and trimmed to what we know, or where (not what) it was wrong. */
export function granskaAktivitet(
  kropp: unknown,
): { ok: true; aktivitet: z.infer<typeof Aktivitetsform> } | { ok: false; fel: Aktivitetsfel } {
  const r = Aktivitetsform.safeParse(kropp);
  if (r.success) return { ok: true, aktivitet: r.data };
  const f = r.error.issues[0];
  return { ok: false, fel: { falt: f.path.join('.') || '(aktiviteten)', problem: f.code } };
}
