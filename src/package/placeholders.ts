// `${{NAME}}` placeholders, as Teams Toolkit / Agents Toolkit write them in appPackage/*.json.
// Filling walks the parsed JSON, so a value can never break the JSON around it.

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export interface PlaceholderUse {
  name: string;
  /** JSON pointer of the string that holds the placeholder. */
  path: string;
}

export interface Filled<T = unknown> {
  value: T;
  /** Every placeholder found, with where it sits (a name may appear more than once). */
  used: PlaceholderUse[];
  /** The uses for which `lookup` had no value; those stay unfilled in `value`. */
  missing: PlaceholderUse[];
}

export function pointer(segments: Array<string | number>): string {
  if (segments.length === 0) return '/';
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export function fillPlaceholders<T>(json: T, lookup: (name: string) => string | undefined): Filled<T> {
  const used: PlaceholderUse[] = [];
  const missing: PlaceholderUse[] = [];
  const walk = (node: unknown, at: Array<string | number>): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        const use = { name, path: pointer(at) };
        used.push(use);
        const value = lookup(name);
        if (value === undefined) {
          missing.push(use);
          return whole;
        }
        return value;
      });
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...at, i]));
    if (node !== null && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(node)) out[key] = walk(item, [...at, key]);
      return out;
    }
    return node;
  };
  return { value: walk(json, []) as T, used, missing };
}

/** Strings that still contain `${{` after filling: malformed placeholders such as `${{BOT-ID}}`. */
export function leftoverPlaceholders(json: unknown): PlaceholderUse[] {
  const found: PlaceholderUse[] = [];
  const walk = (node: unknown, at: Array<string | number>): void => {
    if (typeof node === 'string') {
      if (node.includes('${{')) found.push({ name: node, path: pointer(at) });
    } else if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...at, i]));
    } else if (node !== null && typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) walk(item, [...at, key]);
    }
  };
  walk(json, []);
  return found;
}
