import { formatTkr } from '../domain/tal.js';

/** "underskott 17 795,6 tkr" / "överskott 7 799 tkr" / "i nivå med budget": the sign said in words. */
export function avvikelseIOrd(avvikelse: number, belopp: (tkr: number) => string = formatTkr): string {
  if (Math.abs(avvikelse) < 0.05) return 'i nivå med budget';
  return avvikelse < 0 ? `underskott ${belopp(-avvikelse)}` : `överskott ${belopp(avvikelse)}`;
}

export function prognosIOrd(prognosavvikelse: number, belopp: (tkr: number) => string = formatTkr): string {
  if (Math.abs(prognosavvikelse) < 0.05) return 'budget i balans';
  return prognosavvikelse < 0 ? `underskott ${belopp(-prognosavvikelse)}` : `överskott ${belopp(prognosavvikelse)}`;
}

/** How the deviation moved between two reports, said the way a controller would. */
export function forandringIOrd(fore: number, nu: number, belopp: (tkr: number) => string = formatTkr): string {
  const diff = nu - fore;
  if (Math.abs(diff) < 0.05) return 'är avvikelsen oförändrad';
  if (fore < 0 && nu < 0) return diff < 0 ? `har underskottet ökat med ${belopp(-diff)}` : `har underskottet minskat med ${belopp(diff)}`;
  if (fore >= 0 && nu >= 0) return diff > 0 ? `har överskottet ökat med ${belopp(diff)}` : `har överskottet minskat med ${belopp(-diff)}`;
  return `har avvikelsen gått från ${avvikelseIOrd(fore, belopp)} till ${avvikelseIOrd(nu, belopp)}`;
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
