/**
 * Where the bot may download a file a user sent it. Teams puts a file sent in personal chat in the sender's
 * OneDrive and hands the bot a `downloadUrl` there (SharePoint); the bot fetches from those hosts and nowhere
 * else. Only in the local mode (no bot registration: the Playground and the tests) may it also be this machine.
 */
export const STANDARDVARDAR_NEDLADDNING = ['sharepoint.com', 'sharepoint.us', 'sharepoint-mil.us', 'sharepoint.cn'] as const;

/** The limits of a file sent to the bot. */
export interface Filgranser {
  /** host names (and their subdomains) files may be downloaded from */
  vardar: readonly string[];
  /** the largest file, in bytes */
  maxByte: number;
  /** the largest a workbook may be unpacked, in bytes (its zip's central directory says) */
  maxUppackat: number;
  /** how long a download may take */
  tidsgransMs: number;
}

export const STANDARDGRANSER: Filgranser = {
  vardar: STANDARDVARDAR_NEDLADDNING,
  maxByte: 10 * 1024 * 1024,
  maxUppackat: 100 * 1024 * 1024,
  tidsgransMs: 30_000,
};

export type Adressprov = { ok: true; url: URL } | { ok: false; orsak: string };

function loopback(vard: string): boolean {
  return vard === 'localhost' || vard === '[::1]' || /^127(\.\d{1,3}){3}$/.test(vard);
}

export function provaNedladdningsadress(adress: unknown, vardar: readonly string[], lokalt: boolean): Adressprov {
  if (typeof adress !== 'string' || !adress) return { ok: false, orsak: 'Teams gav ingen adress att hämta filen från' };
  let url: URL;
  try {
    url = new URL(adress);
  } catch {
    return { ok: false, orsak: 'adressen till filen går inte att läsa' };
  }
  if (url.username || url.password) return { ok: false, orsak: 'adressen till filen bär inloggningsuppgifter' };
  const vard = url.hostname.toLowerCase().replace(/\.$/, '');
  if (loopback(vard)) {
    if (lokalt && (url.protocol === 'http:' || url.protocol === 'https:')) return { ok: true, url };
    return { ok: false, orsak: `${vard} är den här datorn, som bara används i lokalt läge` };
  }
  if (url.protocol !== 'https:') return { ok: false, orsak: 'adressen till filen är inte krypterad (https)' };
  if (url.port && url.port !== '443') return { ok: false, orsak: `porten ${url.port} hör inte till Teams filer` };
  const tillaten = vardar.some((d) => vard === d || vard.endsWith(`.${d}`));
  return tillaten
    ? { ok: true, url }
    : { ok: false, orsak: `${vard} är inte en av de adresser filer får hämtas från (SharePoint och OneDrive)` };
}

/** "10 MB" */
export function megabyte(byte: number): string {
  const mb = byte / (1024 * 1024);
  return `${new Intl.NumberFormat('sv-SE', { maximumFractionDigits: mb < 10 ? 1 : 0 }).format(mb)} MB`;
}
