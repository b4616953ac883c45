import { megabyte } from '../domain/nedladdning.js';

export type Hamtning = { ok: true; data: Buffer } | { ok: false; orsak: string };

/** How the bot fetches a file; injected, so tests and another runtime can bring their own. */
export type Hamtare = (url: URL, maxByte: number, tidsgransMs: number) => Promise<Hamtning>;

/**
 * Downloads a file with Node's fetch: no redirects (a redirect could lead off the allowed hosts), at most
 * `maxByte` (stops reading beyond it), within `tidsgransMs`.
 */
export const hamtaFil: Hamtare = async (url, maxByte, tidsgransMs) => {
  const signal = AbortSignal.timeout(tidsgransMs);
  const s = Math.max(1, Math.round(tidsgransMs / 1000));
  const sekunder = `${s} ${s === 1 ? 'sekund' : 'sekunder'}`;
  try {
    const svar = await fetch(url, { redirect: 'manual', signal });
    if (svar.status >= 300 && svar.status < 400)
      return { ok: false, orsak: 'adressen skickade vidare till en annan adress, som jag inte följer' };
    if (!svar.ok || !svar.body) return { ok: false, orsak: `filen kunde inte hämtas (HTTP ${svar.status})` };
    const langd = Number(svar.headers.get('content-length'));
    if (langd > maxByte) {
      await svar.body.cancel();
      return { ok: false, orsak: `filen är ${megabyte(langd)}, mer än gränsen ${megabyte(maxByte)}` };
    }
    const delar: Buffer[] = [];
    let antal = 0;
    const lasare = svar.body.getReader();
    for (;;) {
      const { done, value } = await lasare.read();
      if (done) break;
      antal += value.byteLength;
      if (antal > maxByte) {
        await lasare.cancel();
        return { ok: false, orsak: `filen är större än gränsen ${megabyte(maxByte)}` };
      }
      delar.push(Buffer.from(value));
    }
    return { ok: true, data: Buffer.concat(delar) };
  } catch (e) {
    if (signal.aborted) return { ok: false, orsak: `hämtningen tog längre än ${sekunder}` };
    return { ok: false, orsak: `filen kunde inte hämtas (${(e as Error).message})` };
  }
};
