/**
 * Where the bot may upload a file the user agreed to receive. Teams' file consent hands the bot an
 * `uploadUrl` in the user's OneDrive (SharePoint); the bot PUTs the file there and nowhere else. Only in the
 * local mode (no bot registration: the Playground and the tests) may it also go to this machine.
 */
export const TILLATNA_VARDAR = [
  'sharepoint.com',
  'sharepoint.us',
  'sharepoint-mil.us',
  'sharepoint.cn',
  'onedrive.com',
  '1drv.com',
  'teams.microsoft.com',
  'teams.microsoft.us',
] as const;

export type Uppladdningsprov = { ok: true; url: URL } | { ok: false; orsak: string };

function loopback(vard: string): boolean {
  return vard === 'localhost' || vard === '[::1]' || /^127(\.\d{1,3}){3}$/.test(vard);
}

export function provaUppladdningsadress(adress: unknown, lokalt: boolean): Uppladdningsprov {
  if (typeof adress !== 'string' || !adress) return { ok: false, orsak: 'Teams gav ingen adress att ladda upp till' };
  let url: URL;
  try {
    url = new URL(adress);
  } catch {
    return { ok: false, orsak: 'adressen att ladda upp till går inte att läsa' };
  }
  if (url.username || url.password) return { ok: false, orsak: 'adressen bär inloggningsuppgifter' };
  const vard = url.hostname.toLowerCase().replace(/\.$/, '');
  if (loopback(vard)) {
    if (lokalt && (url.protocol === 'http:' || url.protocol === 'https:')) return { ok: true, url };
    return { ok: false, orsak: `${vard} är den här datorn, som bara tar emot filer i lokalt läge` };
  }
  if (url.protocol !== 'https:') return { ok: false, orsak: 'adressen är inte krypterad (https)' };
  if (url.port && url.port !== '443') return { ok: false, orsak: `porten ${url.port} är inte Teams` };
  const tillaten = TILLATNA_VARDAR.some((d) => vard === d || vard.endsWith(`.${d}`));
  return tillaten ? { ok: true, url } : { ok: false, orsak: `${vard} är inte en av Teams, SharePoints eller OneDrives adresser` };
}
