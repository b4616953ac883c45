import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';

/** Structured logs: one JSON object per line on stderr, so stdout stays for what a command prints. */
export type Niva = 'debug' | 'info' | 'warn' | 'error';

const RANG: Record<Niva, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const HEMLIGT = /(authori[sz]ation|token|password|passwd|secret|credential|cookie|bearer|api_?key)/i;
/** Whole cards and activities never go into a log line; what they were is logged as fields of its own. */
const UTELAMNAT = /^(attachments?|card|kort|payload|activity|aktivitet(er)?)$/i;
const JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer|Basic)\s+[^\s"',;]+/gi;
/** What every match of JWT or BEARER contains: most texts need neither replacement. */
const KAN_VARA_HEMLIGT = /eyJ|bearer|basic/i;
const MAX_TEXT = 500;
const MAX_DJUP = 4;
const MAX_ELEMENT = 20;

export interface Logg {
  debug(msg: string, falt?: Record<string, unknown>): void;
  info(msg: string, falt?: Record<string, unknown>): void;
  warn(msg: string, falt?: Record<string, unknown>): void;
  error(msg: string, falt?: Record<string, unknown>): void;
  med(falt: Record<string, unknown>): Logg;
}

const turfalt = new AsyncLocalStorage<Record<string, unknown>>();

/**
 * Runs `fn` with `falt` (an activity's correlation id) on every log line written while it runs, also by
 * handlers that only hold the application's logger.
 */
export function medLoggfalt<T>(falt: Record<string, unknown>, fn: () => T): T {
  return turfalt.run({ ...turfalt.getStore(), ...falt }, fn);
}

export function skapaLogg(
  niva: Niva = 'info',
  bas: Record<string, unknown> = {},
  ut: (rad: string) => void = (r) => process.stderr.write(`${r}\n`),
): Logg {
  const basfalt = rensa(bas);
  const skriv = (n: Niva, msg: string, falt: Record<string, unknown> = {}) => {
    if (RANG[n] < RANG[niva]) return;
    let rad: string;
    try {
      rad = JSON.stringify({
        tid: new Date().toISOString(),
        niva: n,
        msg: rensaText(String(msg)),
        ...basfalt,
        ...rensa(turfalt.getStore() ?? {}),
        ...rensa(falt),
      });
    } catch {
      rad = JSON.stringify({ tid: new Date().toISOString(), niva: n, msg: rensaText(String(msg)), loggfel: 'fälten kunde inte skrivas' });
    }
    ut(rad);
  };
  return {
    debug: (m, f) => skriv('debug', m, f),
    info: (m, f) => skriv('info', m, f),
    warn: (m, f) => skriv('warn', m, f),
    error: (m, f) => skriv('error', m, f),
    med: (f) => skapaLogg(niva, { ...bas, ...f }, ut),
  };
}

/**
 * At most `antal` lines per message in each window of `fonsterMs`, for what an outsider can make us log at will
 * (refused requests); the first line let through after some were held back says how many (`undantryckta`).
 */
export function glesLogg(logg: Logg, antal = 10, fonsterMs = 60_000, nu: () => number = Date.now): Logg {
  const fonster = new Map<string, { start: number; skrivna: number; undantryckta: number }>();
  const skriv =
    (n: Niva) =>
    (msg: string, falt: Record<string, unknown> = {}): void => {
      const t = nu();
      let f = fonster.get(msg);
      if (!f || t - f.start >= fonsterMs) {
        f = { start: t, skrivna: 0, undantryckta: f?.undantryckta ?? 0 };
        fonster.set(msg, f);
      }
      if (f.skrivna >= antal) {
        f.undantryckta++;
        return;
      }
      f.skrivna++;
      const undantryckta = f.undantryckta;
      f.undantryckta = 0;
      logg[n](msg, undantryckta ? { ...falt, undantryckta } : falt);
    };
  return {
    debug: skriv('debug'),
    info: skriv('info'),
    warn: skriv('warn'),
    error: skriv('error'),
    med: (f) => glesLogg(logg.med(f), antal, fonsterMs, nu),
  };
}

/** Masks bearer tokens and JWTs anywhere in a text, and cuts long texts (a comment, a card) short. */
export function rensaText(s: string): string {
  const t = KAN_VARA_HEMLIGT.test(s) ? s.replace(JWT, '[dolt]').replace(BEARER, '$1 [dolt]') : s;
  return t.length > MAX_TEXT ? `${t.slice(0, MAX_TEXT)}…(+${t.length - MAX_TEXT} tecken)` : t;
}

function rensa(falt: Record<string, unknown>): Record<string, unknown> {
  const ut: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(falt)) {
    if (k === 'tid' || k === 'niva' || k === 'msg') continue;
    ut[k] = rensaVarde(k, v, 0, null);
  }
  return ut;
}

function rensaVarde(nyckel: string, v: unknown, djup: number, redanSedda: WeakSet<object> | null): unknown {
  if (HEMLIGT.test(nyckel)) return '[dolt]';
  if (typeof v === 'string') return rensaText(v);
  if (v === null || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return String(v);
  if (typeof v !== 'object') return v === undefined ? undefined : `[${typeof v}]`;
  if (UTELAMNAT.test(nyckel)) return '[utelämnat]';
  if (v instanceof Error) {
    const status = (v as { statusCode?: unknown }).statusCode;
    return { namn: v.name, meddelande: rensaText(v.message), ...(typeof status === 'number' ? { status } : {}) };
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? 'ogiltigt datum' : v.toISOString();
  const sedda = redanSedda ?? new WeakSet<object>();
  if (sedda.has(v) || djup >= MAX_DJUP) return '[…]';
  sedda.add(v);
  if (Array.isArray(v)) {
    const lista = v.slice(0, MAX_ELEMENT).map((x) => rensaVarde('', x, djup + 1, sedda));
    return v.length > MAX_ELEMENT ? [...lista, `…(+${v.length - MAX_ELEMENT})`] : lista;
  }
  const ut: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v).slice(0, MAX_ELEMENT)) ut[k] = rensaVarde(k, x, djup + 1, sedda);
  return ut;
}

/**
 * Makes what the process writes to stderr on its own JSON lines too: botbuilder's console output (a rejected
 * token's stack trace) and Node's warnings. For the composition root; tests keep their console.
 */
export function fangaProcessensUtskrifter(logg: Logg): void {
  const skriv =
    (niva: Niva) =>
    (...delar: unknown[]) =>
      logg[niva]('utskrift från ett bibliotek', { text: format(...delar) });
  console.log = skriv('info');
  console.info = skriv('info');
  console.debug = skriv('debug');
  console.trace = skriv('debug');
  console.warn = skriv('warn');
  console.error = skriv('error');
  process.removeAllListeners('warning');
  process.on('warning', (w) => logg.warn('varning från Node', { namn: w.name, meddelande: w.message }));
}

/**
 * A crash (an exception nobody caught, a promise nobody awaited) becomes one JSON line, with the correlation id of
 * the turn it happened in when there was one, and ends the process with code 1 so the platform restarts it: what
 * state the process is in after such an error is unknown. Node keeps the turn's async context for both handlers.
 */
export function fangaKrascher(logg: Logg, avsluta: (kod: number) => void = (kod) => process.exit(kod)): void {
  const krasch = (slag: 'uncaughtException' | 'unhandledRejection') => (e: unknown) => {
    try {
      const fel = e instanceof Error ? e : new Error(String(e));
      logg.error('oväntat fel; processen avslutas', { slag, fel, stack: fel.stack?.split('\n').slice(1, 6).join(' | ') });
    } finally {
      avsluta(1);
    }
  };
  process.on('uncaughtException', krasch('uncaughtException'));
  process.on('unhandledRejection', krasch('unhandledRejection'));
}

export const tystLogg: Logg = skapaLogg('error', {}, () => undefined);
