import { formatTkr } from '../domain/tal.js';

/** "underskott 17 795,6 tkr" / "överskott 7 799 tkr" / "i nivå med budget": the sign said in words. */
export function avvikelseIOrd(avvikelse: number): string {
  if (Math.abs(avvikelse) < 0.05) return 'i nivå med budget';
  return avvikelse < 0 ? `underskott ${formatTkr(-avvikelse)}` : `överskott ${formatTkr(avvikelse)}`;
}

export function prognosIOrd(prognosavvikelse: number): string {
  if (Math.abs(prognosavvikelse) < 0.05) return 'budget i balans';
  return prognosavvikelse < 0 ? `underskott ${formatTkr(-prognosavvikelse)}` : `överskott ${formatTkr(prognosavvikelse)}`;
}

/** How the deviation moved between two reports, said the way a controller would. */
export function forandringIOrd(fore: number, nu: number): string {
  const diff = nu - fore;
  if (Math.abs(diff) < 0.05) return 'är avvikelsen oförändrad';
  if (fore < 0 && nu < 0)
    return diff < 0 ? `har underskottet ökat med ${formatTkr(-diff)}` : `har underskottet minskat med ${formatTkr(diff)}`;
  if (fore >= 0 && nu >= 0)
    return diff > 0 ? `har överskottet ökat med ${formatTkr(diff)}` : `har överskottet minskat med ${formatTkr(-diff)}`;
  return `har avvikelsen gått från ${avvikelseIOrd(fore)} till ${avvikelseIOrd(nu)}`;
}

const datumformat = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/Stockholm' });

export function datumKort(iso: string): string {
  return datumformat.format(new Date(iso)).replace('.', '');
}

/** Only what the user typed is ever echoed, and never as markup. */
export function escapa(text: string): string {
  return (
    text
      .replace(/[\\`*_{}[\]<>#|~]/g, (t) => `\\${t}`)
      // Control characters would break the markdown line; they are what this pattern is for.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .slice(0, 200)
  );
}
