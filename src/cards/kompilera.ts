import * as AEL from 'adaptive-expressions';
import { GlobalSettings } from 'adaptivecards-templating';

/**
 * Compiles an Adaptive Card template once into functions that bind it, with the same result as
 * adaptivecards-templating's `Template.expand`: same `$data` repetition, `$when` dropping, array flattening
 * and `${path}` left in place for a missing field. The expressions are parsed by adaptive-expressions as
 * the library parses them. Binding with the library evaluates every expression through adaptive-expressions
 * (a case-insensitive key search per path segment, option objects, result objects), about a tenth of a
 * millisecond per card; here the common expressions (a field path, `exists(x)`, `x != 'text'`, `string(x)`)
 * are read directly when the value is plainly there, and everything else (a missing field, a null, a
 * number to format, any other function) is left to adaptive-expressions exactly as the library calls it.
 */
export type Bindning = (root: unknown) => unknown;

interface Lage {
  root: unknown;
  /** undefined: the root is the data, as in the library */
  data: unknown;
  index: number | undefined;
}

type Nod = (l: Lage) => unknown;
/** adaptive-expressions' answer: a value, or an error message. */
type Resultat = { value: unknown; error?: string };
/** Returned by a fast reading that cannot tell: adaptive-expressions decides. */
const OKAND = Symbol('okänd');
interface Uttryck {
  snabb: (l: Lage, ersatt: boolean) => unknown;
  bibliotek: (l: Lage, ersatt: boolean) => Resultat;
}

const RESERVERADE = new Set(['$data', '$when', '$root', '$index', '$host', '$_acTemplateVersion']);
const ENKEL_STIG = /^[A-Za-z_$][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** The memory the library builds for an expression: paths not starting with `$` are read from `$data`. */
class Minne implements AEL.MemoryInterface {
  private readonly inre: AEL.SimpleObjectMemory;
  constructor(l: Lage) {
    this.inre = new AEL.SimpleObjectMemory({
      $root: l.root,
      $data: l.data !== undefined ? l.data : l.root,
      $index: l.index,
      $host: undefined,
    });
  }
  getValue(path: string): unknown {
    return this.inre.getValue(path.length > 0 && path[0] !== '$' ? `$data.${path}` : path);
  }
  setValue(path: string, value: unknown): void {
    this.inre.setValue(path, value);
  }
  version(): string {
    return this.inre.version();
  }
}

const ersattning = new AEL.Options();
ersattning.nullSubstitution = (path: string) => GlobalSettings.getUndefinedFieldValueSubstitutionString?.(path) || `\${${path}}`;

function iBiblioteket(e: AEL.Expression): Uttryck['bibliotek'] {
  return (l, ersatt) => e.tryEvaluate(new Minne(l), ersatt ? ersattning : undefined);
}

function utvardera(u: Uttryck, l: Lage, ersatt: boolean): Resultat {
  const v = u.snabb(l, ersatt);
  return v === OKAND ? u.bibliotek(l, ersatt) : { value: v };
}

/** Reads a dotted path the way adaptive-expressions would when every key is there with this exact spelling. */
function lasare(stig: string): (l: Lage) => unknown {
  const delar = stig.split('.');
  const franRot = delar[0] === '$root';
  const franData = delar[0] === '$data';
  if (delar[0].startsWith('$') && !franRot && !franData) return () => undefined;
  const resten = franRot || franData ? delar.slice(1) : delar;
  return (l) => {
    let v: unknown = franRot ? l.root : l.data !== undefined ? l.data : l.root;
    for (const del of resten) {
      if (v === null || typeof v !== 'object' || Array.isArray(v) || !Object.prototype.hasOwnProperty.call(v, del)) return undefined;
      v = (v as Record<string, unknown>)[del];
    }
    return v;
  };
}

const harVarde = (v: unknown) => v !== undefined && v !== null;

function kompileraUttryck(e: AEL.Expression): Uttryck {
  return { snabb: snabbLasning(e), bibliotek: iBiblioteket(e) };
}

function snabbLasning(e: AEL.Expression): Uttryck['snabb'] {
  const stigAv = (x: AEL.Expression | undefined) =>
    x?.type === AEL.ExpressionType.Accessor && ENKEL_STIG.test(x.toString()) ? lasare(x.toString()) : null;
  if (e.type === AEL.ExpressionType.Constant) {
    const value = (e as AEL.Constant).value;
    return () => value;
  }
  const stig = stigAv(e);
  if (stig) {
    return (l) => {
      const v = stig(l);
      return harVarde(v) ? v : OKAND;
    };
  }
  const [forsta, andra] = e.children;
  const arg = stigAv(forsta);
  if (arg && e.children.length === 1 && e.type === AEL.ExpressionType.Exists) {
    // In a `$when` (no substitution) a missing value is false whether the library says false or fails.
    return (l, ersatt) => (harVarde(arg(l)) ? true : ersatt ? OKAND : false);
  }
  if (arg && e.children.length === 1 && e.type === AEL.ExpressionType.String) {
    return (l) => {
      const v = arg(l);
      return typeof v === 'string' ? v : OKAND;
    };
  }
  if (
    arg &&
    e.children.length === 2 &&
    andra.type === AEL.ExpressionType.Constant &&
    typeof (andra as AEL.Constant).value === 'string' &&
    (e.type === AEL.ExpressionType.NotEqual || e.type === AEL.ExpressionType.Equal)
  ) {
    const text = (andra as AEL.Constant).value as string;
    const lika = e.type === AEL.ExpressionType.Equal;
    return (l) => {
      const v = arg(l);
      return typeof v === 'string' ? (v === text) === lika : OKAND;
    };
  }
  return () => OKAND;
}

/** The library's `parseInterpolatedString`: a string with `${…}` becomes one expression, or a concatenation. */
function tolkaText(text: string): AEL.Expression | string {
  if (!text.includes('${')) return text;
  const lookup = (typ: string) =>
    AEL.ExpressionFunctions.standardFunctions.get(typ) ??
    new AEL.ExpressionEvaluator(
      typ,
      () => {
        throw new Error(`Unknown function ${typ}`);
      },
      AEL.ReturnType.String,
    );
  const e = AEL.Expression.parse(`\`${text}\``, lookup);
  if (e.type !== AEL.ExpressionType.Concat) return text;
  const c = e.children;
  if (c.length === 1 && !(c[0] instanceof AEL.Constant)) return c[0];
  if (c.length === 2 && c[0] instanceof AEL.Constant && c[0].value === '' && !(c[1] instanceof AEL.Constant)) return c[1];
  return e;
}

/** An expression in a value (or `$data`): errors throw, a concatenation substitutes each failing part. */
function varde(e: AEL.Expression): Nod {
  if (e.type === AEL.ExpressionType.Concat) {
    const delar = e.children.map((d) => ({ uttryck: kompileraUttryck(d), text: d.toString() }));
    return (l) => {
      let ut = '';
      for (const d of delar) {
        let r: Resultat;
        try {
          r = utvardera(d.uttryck, l, true);
        } catch (fel) {
          r = { value: undefined, error: String(fel) };
        }
        ut += r.error ? `\${${d.text}}` : (r.value as { toString(): string }).toString();
      }
      return ut;
    };
  }
  const u = kompileraUttryck(e);
  return (l) => {
    const v = u.snabb(l, true);
    if (v !== OKAND) return v;
    const r = u.bibliotek(l, true);
    if (r.error) throw new Error(r.error);
    return r.value;
  };
}

function kompileraNod(nod: unknown): Nod {
  if (typeof nod === 'string') {
    const t = tolkaText(nod);
    return typeof t === 'string' ? () => t : varde(t);
  }
  if (Array.isArray(nod)) return kompileraLista(nod);
  if (nod !== null && typeof nod === 'object') return kompileraObjekt(nod as Record<string, unknown>);
  return () => nod;
}

function kompileraLista(nod: unknown[]): Nod {
  const element = nod.map(kompileraNod);
  return (l) => {
    const ut: unknown[] = [];
    for (const el of element) {
      const v = el(l);
      if (v === null) continue;
      if (Array.isArray(v)) ut.push(...v);
      else ut.push(v);
    }
    return ut;
  };
}

function kompileraObjekt(nod: Record<string, unknown>): Nod {
  const falt = Object.keys(nod)
    .filter((k) => !RESERVERADE.has(k))
    .map((k) => [k, kompileraNod(nod[k])] as const);
  // The library drops an object whose `$when` is no expression but truthy, and keeps it for a falsy one.
  const villkor = nod.$when ? tolkaVillkor(nod.$when) : undefined;
  const dataNod = nod.$data === undefined ? undefined : typeof nod.$data === 'string' ? tolkaText(nod.$data) : nod.$data;
  const dataVarde = dataNod instanceof AEL.Expression ? varde(dataNod) : undefined;

  const objekt = (l: Lage) => {
    const ut: Record<string, unknown> = {};
    for (const [k, f] of falt) {
      const v = f(l);
      if (v !== undefined) ut[k] = v;
    }
    return ut;
  };
  if (!villkor && dataNod === undefined) return objekt;
  return (l) => {
    let kontexter: unknown[] = [undefined];
    let lista = false;
    if (dataNod !== undefined) {
      const d = dataVarde ? dataVarde(l) : dataNod;
      lista = Array.isArray(d);
      kontexter = lista ? (d as unknown[]) : [d];
    }
    const inre: Lage = { root: l.root, data: l.data, index: l.index };
    const resultat: unknown[] = [];
    for (let i = 0; i < kontexter.length; i++) {
      if (lista) inre.index = i;
      if (kontexter[i] !== undefined) inre.data = kontexter[i];
      if (villkor && !villkor(inre)) continue;
      resultat.push(objekt(inre));
    }
    return resultat.length === 0 ? null : resultat.length === 1 ? resultat[0] : resultat;
  };
}

/** `$when`: true only for a boolean true; anything that fails to evaluate or is no expression drops the object. */
function tolkaVillkor(when: unknown): (l: Lage) => boolean {
  const e = typeof when === 'string' ? tolkaText(when) : undefined;
  if (!(e instanceof AEL.Expression)) return () => false;
  const u = kompileraUttryck(e);
  return (l) => {
    const v = u.snabb(l, false);
    if (v !== OKAND) return v === true;
    const r = u.bibliotek(l, false);
    return !r.error && r.value === true;
  };
}

export function kompileraMall(mall: unknown): Bindning {
  const nod = kompileraNod(mall);
  return (root) => nod({ root, data: undefined, index: undefined });
}
