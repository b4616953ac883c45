import type { IncomingHttpHeaders } from 'node:http';

/** The largest activity body taken; Teams' own activities are a few KB, a full card submit well under this. */
export const MAX_KROPP = 256 * 1024;

export interface Avvisning {
  status: number;
  /** for the log: what was wrong, never a value the caller sent */
  orsak: string;
}

const JWT_FORM = /^Bearer [A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** 127.0.0.0/8, ::1 and localhost: the names and addresses that never leave the machine. */
export function arLoopback(vard: string): boolean {
  const v = vard.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return v === 'localhost' || v === '::1' || /^127(\.\d{1,3}){3}$/.test(v);
}

/** The host name of a Host header ("127.0.0.1:3978", "[::1]:3978", "localhost"), without its port. */
function vardnamn(host: string): string {
  const m = /^(\[[^\]]*\]|[^:]*)(:\d+)?$/.exec(host.trim());
  return m ? m[1] : '';
}

/**
 * What can be decided from the request's headers alone, before a byte of its body is read: Bot Connector sends
 * uncompressed JSON with a Bearer token, the Agents Playground sends uncompressed JSON from loopback without an
 * Origin. Anything else is refused here, so no body of it is read, decompressed or parsed.
 */
export function granskaHuvuden(h: IncomingHttpHeaders, lage: { autentiserad: boolean }): Avvisning | null {
  if (lage.autentiserad) {
    const auth = h.authorization;
    if (!auth) return { status: 401, orsak: 'ingen Authorization' };
    if (!JWT_FORM.test(auth)) return { status: 401, orsak: 'Authorization är ingen Bearer-JWT' };
  } else {
    // Local mode has no token: only a program on this machine may talk to the bot, never a web page in its browser.
    if (h.origin !== undefined) return { status: 403, orsak: 'Origin satt (en webbsida) i lokalt läge' };
    if (!arLoopback(vardnamn(h.host ?? ''))) return { status: 403, orsak: 'Host är inte loopback i lokalt läge' };
  }
  const kodning = h['content-encoding'];
  if (kodning !== undefined && kodning.trim().toLowerCase() !== 'identity')
    return { status: 415, orsak: 'komprimerad kropp (Content-Encoding)' };
  const [typ, ...parametrar] = (h['content-type'] ?? '').split(';').map((d) => d.trim().toLowerCase());
  if (typ !== 'application/json') return { status: 415, orsak: 'Content-Type är inte application/json' };
  if (parametrar.some((p) => p.startsWith('charset=') && !/^charset="?utf-8"?$/.test(p)))
    return { status: 415, orsak: 'teckenkodningen är inte utf-8' };
  const langd = h['content-length'];
  if (langd !== undefined && !(Number(langd) <= MAX_KROPP)) return { status: 413, orsak: 'kroppen är för stor (Content-Length)' };
  return null;
}
