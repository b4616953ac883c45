import type { ConversationReference } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { type Leveransfel, Leveransundantag, type Tid, type Transport, Utkorgsavsandare } from '../alerts/utkorg.js';
import type { Logg } from '../logg.js';
import type { Store } from '../store/store.js';
import { forUtskick } from './adapter.js';
import { svarTillAktivitet } from './aktivitet.js';

const LANGSTA_VANTAN = 3_600_000;

/**
 * How long the outbox waits for the Bot Connector to answer one send. No user is waiting, so it is long: a send
 * that times out may still have been taken, and is then not sent again (see `kanHaKommitFram`).
 */
export const UTSKICK_TIDSGRANS_MS = 30_000;

/** Failures that happen before the request reaches the connector: nothing can have been delivered. */
const FORE_ANSLUTNING = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ERR_INVALID_URL']);
/** The request was (or may have been) sent, and no answer came: the connector may have taken it. */
const UTAN_SVAR = new Set(['ECONNRESET', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET']);

function kanHaKommitFram(x: Record<string, unknown>, status: number | null): boolean {
  if (status !== null) return false;
  const kod = typeof x.code === 'string' ? x.code : '';
  if (FORE_ANSLUTNING.has(kod)) return false;
  if (x.name === 'AbortError' || UTAN_SVAR.has(kod)) return true;
  return typeof x.message === 'string' && /socket hang up|aborted/i.test(x.message);
}

/** Reads what a failed send says: status, error code and Retry-After, from botbuilder's RestError or a plain object. */
export function tolkaLeveransfel(e: unknown, nu: number): Leveransfel {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- whatever shape the error has is probed field by field
  const x = (e ?? {}) as Record<string, any>;
  const tal = (v: unknown) =>
    typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && /^\d{3}$/.test(v) ? Number(v) : null;
  const status = tal(x.statusCode) ?? tal(x.status) ?? tal(x.response?.status) ?? tal(x.response?.statusCode);
  const rubriker = x.response?.headers ?? x.headers;
  const rubrik = (namn: string): string | null => {
    if (!rubriker) return null;
    if (typeof rubriker.get === 'function') return rubriker.get(namn) ?? null;
    const hittad = Object.keys(rubriker).find((k) => k.toLowerCase() === namn);
    return hittad ? String(rubriker[hittad]) : null;
  };
  const vanta = rubrik('retry-after');
  let vantaMs: number | null = null;
  if (vanta !== null) {
    if (/^\s*\d+(\.\d+)?\s*$/.test(vanta)) vantaMs = Number(vanta) * 1000;
    else if (!Number.isNaN(Date.parse(vanta))) vantaMs = Date.parse(vanta) - nu;
    if (vantaMs !== null) vantaMs = Math.min(LANGSTA_VANTAN, Math.max(0, vantaMs));
  }
  let kod: string | null = typeof x.body?.error?.code === 'string' ? x.body.error.code : null;
  if (!kod) {
    const text = x.response?.bodyAsText;
    if (typeof text === 'string') {
      try {
        kod = (JSON.parse(text) as { error?: { code?: string } }).error?.code ?? null;
      } catch {
        /* not JSON */
      }
    }
  }
  if (!kod && typeof x.code === 'string' && !/^(REQUEST_SEND_ERROR|PARSE_ERROR)$/.test(x.code)) kod = x.code;
  const meddelande = (typeof x.message === 'string' && x.message ? x.message : String(e)).slice(0, 300);
  return { status, kod, vantaMs, meddelande, kanHaKommitFram: kanHaKommitFram(x, status) };
}

/**
 * Posts through the bot adapter as a proactive message. A channel's reference carries the channel
 * id (not a thread), so each alert becomes a new post in the channel. A failure is read here, where
 * Bot Connector's errors are known, and handed to the outbox as a Leveransundantag.
 */
export function adapterTransport(
  adapter: Pick<TeamsAdapter, 'continueConversationAsync' | 'ConnectorClientKey'>,
  botAppId?: string,
  nu: () => number = Date.now,
  tidsgransMs = UTSKICK_TIDSGRANS_MS,
): Transport {
  return {
    async skicka({ konversation, svar }) {
      const referens = konversation.referens as unknown as Partial<ConversationReference>;
      try {
        await adapter.continueConversationAsync(botAppId ?? '', referens, async (context) => {
          forUtskick(context, adapter, tidsgransMs);
          await context.sendActivity(svarTillAktivitet(svar));
        });
      } catch (e) {
        throw new Leveransundantag(tolkaLeveransfel(e, nu()));
      }
    },
  };
}

export interface Avsandarberoenden {
  store: Store;
  logg: Logg;
  adapter: Pick<TeamsAdapter, 'continueConversationAsync' | 'ConnectorClientKey'>;
  botAppId?: string;
  tid?: Tid;
  /** the shared store's claim on an entry (UTKORG_LEASE_S): a send must end well before it does */
  leaseMs?: number;
}

/** The outbox sender as the bot runs it: started by the composition root, stopped on shutdown. */
export function skapaAvsandare(b: Avsandarberoenden): Utkorgsavsandare {
  // Half the lease at most, so the outcome is recorded while the claim still holds and no other instance sends it.
  const tidsgrans = Math.min(UTSKICK_TIDSGRANS_MS, (b.leaseMs ?? Infinity) / 2);
  return new Utkorgsavsandare({
    store: b.store,
    logg: b.logg.med({ del: 'larm' }),
    transport: adapterTransport(b.adapter, b.botAppId, b.tid && (() => b.tid!.nu()), tidsgrans),
    tid: b.tid,
  });
}
