import { type ZodTypeAny, datetimeRegex } from 'zod';

/**
 * A fast, allocation-free check of a parsed JSON value against a zod schema, for the store document at start-up.
 * It answers true only when zod would accept the value *and* return an equal copy with the same key order (no
 * unknown keys, nothing transformed), so the value can be used as it is instead of zod's copy. Anything else,
 * including schema features it does not know, answers false and the caller runs zod itself, with zod's own
 * result and error messages. So it never changes what is accepted; it only skips the copy when there is
 * nothing to copy.
 */
export type Snabbkontroll = (varde: unknown) => boolean;

type Def = Record<string, unknown> & { typeName?: string; checks?: Array<Record<string, unknown>> };

const def = (s: ZodTypeAny): Def => s._def as Def;

const ärObjekt = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function strang(d: Def): Snabbkontroll | null {
  if (d.coerce) return null;
  const tester: Array<(s: string) => boolean> = [];
  for (const c of d.checks ?? []) {
    switch (c.kind) {
      case 'min': {
        const n = c.value as number;
        tester.push((s) => s.length >= n);
        break;
      }
      case 'max': {
        const n = c.value as number;
        tester.push((s) => s.length <= n);
        break;
      }
      case 'length': {
        const n = c.value as number;
        tester.push((s) => s.length === n);
        break;
      }
      case 'regex': {
        const r = c.regex as RegExp;
        tester.push((s) => {
          r.lastIndex = 0;
          return r.test(s);
        });
        break;
      }
      case 'datetime': {
        const r = datetimeRegex(c as Parameters<typeof datetimeRegex>[0]);
        tester.push((s) => r.test(s));
        break;
      }
      default:
        return null;
    }
  }
  return (v) => {
    if (typeof v !== 'string') return false;
    for (const t of tester) if (!t(v)) return false;
    return true;
  };
}

function tal(d: Def): Snabbkontroll | null {
  if (d.coerce) return null;
  const tester: Array<(n: number) => boolean> = [];
  for (const c of d.checks ?? []) {
    switch (c.kind) {
      case 'int':
        tester.push((n) => Number.isInteger(n));
        break;
      case 'finite':
        tester.push((n) => Number.isFinite(n));
        break;
      case 'min': {
        const g = c.value as number;
        tester.push(c.inclusive ? (n) => n >= g : (n) => n > g);
        break;
      }
      case 'max': {
        const g = c.value as number;
        tester.push(c.inclusive ? (n) => n <= g : (n) => n < g);
        break;
      }
      default:
        return null;
    }
  }
  return (v) => {
    if (typeof v !== 'number' || Number.isNaN(v)) return false;
    for (const t of tester) if (!t(v)) return false;
    return true;
  };
}

function objekt(s: ZodTypeAny): Snabbkontroll | null {
  const shape = (s as unknown as { shape: Record<string, ZodTypeAny> }).shape;
  const nycklar = Object.keys(shape);
  const falt: Array<{ nyckel: string; kontroll: Snabbkontroll; valfri: boolean }> = [];
  for (const nyckel of nycklar) {
    const kontroll = kompilera(shape[nyckel]);
    if (!kontroll) return null;
    falt.push({ nyckel, kontroll, valfri: shape[nyckel].isOptional() });
  }
  return (v) => {
    if (!ärObjekt(v)) return false;
    // The value's own keys must be exactly the schema's keys that are present, in the schema's order.
    const egna = Object.keys(v);
    let i = 0;
    for (const f of falt) {
      if (egna[i] === f.nyckel) {
        i++;
        if (!f.kontroll(v[f.nyckel])) return false;
      } else if (!f.valfri || f.nyckel in v) return false;
    }
    return i === egna.length;
  };
}

/** Compiles a checker, or null when the schema uses something this does not handle exactly. */
export function kompilera(s: ZodTypeAny): Snabbkontroll | null {
  const d = def(s);
  switch (d.typeName) {
    case 'ZodString':
      return strang(d);
    case 'ZodNumber':
      return tal(d);
    case 'ZodBoolean':
      return d.coerce ? null : (v) => typeof v === 'boolean';
    case 'ZodLiteral': {
      const varde = d.value;
      return (v) => v === varde;
    }
    case 'ZodEnum': {
      const varden = d.values as string[];
      return (v) => typeof v === 'string' && varden.includes(v);
    }
    case 'ZodUnknown':
    case 'ZodAny':
      return () => true;
    case 'ZodNullable': {
      const inre = kompilera(d.innerType as ZodTypeAny);
      return inre && ((v) => v === null || inre(v));
    }
    case 'ZodOptional': {
      const inre = kompilera(d.innerType as ZodTypeAny);
      return inre && ((v) => v === undefined || inre(v));
    }
    case 'ZodArray': {
      if (d.minLength || d.maxLength || d.exactLength) return null;
      const inre = kompilera(d.type as ZodTypeAny);
      if (!inre) return null;
      return (v) => {
        if (!Array.isArray(v)) return false;
        for (const x of v) if (!inre(x)) return false;
        return true;
      };
    }
    case 'ZodRecord': {
      const nyckel = kompilera(d.keyType as ZodTypeAny);
      const varde = kompilera(d.valueType as ZodTypeAny);
      if (!nyckel || !varde) return null;
      return (v) => {
        if (!ärObjekt(v)) return false;
        for (const k of Object.keys(v)) if (k === '__proto__' || !nyckel(k) || !varde(v[k])) return false;
        return true;
      };
    }
    case 'ZodObject':
      return objekt(s);
    default:
      return null;
  }
}
