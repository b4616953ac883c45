/** Structured logs: one JSON object per line on stderr, so stdout stays for what a command prints. */
export type Niva = 'debug' | 'info' | 'warn' | 'error';

const RANG: Record<Niva, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const HEMLIGT = /(authorization|token|password|secret|bot_password)/i;

export interface Logg {
  debug(msg: string, falt?: Record<string, unknown>): void;
  info(msg: string, falt?: Record<string, unknown>): void;
  warn(msg: string, falt?: Record<string, unknown>): void;
  error(msg: string, falt?: Record<string, unknown>): void;
  barn(falt: Record<string, unknown>): Logg;
}

export function skapaLogg(niva: Niva = 'info', bas: Record<string, unknown> = {}, ut: (rad: string) => void = (r) => process.stderr.write(`${r}\n`)): Logg {
  const skriv = (n: Niva, msg: string, falt: Record<string, unknown> = {}) => {
    if (RANG[n] < RANG[niva]) return;
    ut(JSON.stringify({ tid: new Date().toISOString(), niva: n, msg, ...bas, ...rensa(falt) }));
  };
  return {
    debug: (m, f) => skriv('debug', m, f),
    info: (m, f) => skriv('info', m, f),
    warn: (m, f) => skriv('warn', m, f),
    error: (m, f) => skriv('error', m, f),
    barn: (f) => skapaLogg(niva, { ...bas, ...f }, ut),
  };
}

function rensa(falt: Record<string, unknown>): Record<string, unknown> {
  const ut: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(falt)) {
    if (HEMLIGT.test(k)) ut[k] = '[dolt]';
    else if (v instanceof Error) ut[k] = { namn: v.name, meddelande: v.message };
    else ut[k] = v;
  }
  return ut;
}

export const tystLogg: Logg = skapaLogg('error', {}, () => undefined);
