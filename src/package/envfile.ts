// Environment files in Teams Toolkit / Agents Toolkit style: env/.env.<env> (committed, no secrets)
// and env/.env.<env>.user (ignored by git, local overrides and secrets).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './problem.js';

export interface ParsedEnvFile {
  values: Record<string, string>;
  problems: Problem[];
}

const ASSIGNMENT = /^(?:export\s+)?([A-Za-z_]\w*)\s*=(.*)$/;

/**
 * Parses KEY=VALUE lines. `#` starts a comment line, or an inline comment after an unquoted value
 * when preceded by whitespace. Values may be "double quoted" (with \n, \" and \\ escapes) or
 * 'single quoted' (literal). A later assignment of the same key wins.
 */
export function parseEnvFile(text: string, file: string): ParsedEnvFile {
  const values: Record<string, string> = {};
  const problems: Problem[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const match = ASSIGNMENT.exec(line);
    if (!match) {
      problems.push({ file, line: index + 1, message: `raden ska ha formen NAMN=värde, fick "${line}"` });
      return;
    }
    const [, key, rest] = match;
    const value = parseValue(rest ?? '');
    if (value === undefined) {
      problems.push({ file, line: index + 1, message: `värdet för ${key} saknar avslutande citattecken` });
      return;
    }
    values[key] = value;
  });
  return { values, problems };
}

function parseValue(rest: string): string | undefined {
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    let out = '';
    for (let i = 1; i < rest.length; i++) {
      const ch = rest[i];
      if (ch === quote) {
        const after = rest.slice(i + 1).trim();
        return after === '' || after.startsWith('#') ? out : undefined;
      }
      if (quote === '"' && ch === '\\' && i + 1 < rest.length) {
        const next = rest[++i];
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      } else {
        out += ch;
      }
    }
    return undefined;
  }
  const kommentar = rest.search(/\s#/);
  return (kommentar === -1 ? rest : rest.slice(0, kommentar)).trim();
}

export interface EnvFiles {
  /** env/.env.<env>, relative to the project root. */
  base: string;
  /** env/.env.<env>.user, relative to the project root. */
  user: string;
}

export function envFilesFor(envName: string): EnvFiles {
  return { base: `env/.env.${envName}`, user: `env/.env.${envName}.user` };
}

export function isValidEnvName(envName: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(envName);
}

/** Where a value came from, in words an admin can act on. */
export type ValueSource = string;

export interface ResolvedEnv {
  files: EnvFiles;
  /** The value for a name, or undefined when no layer defines it. */
  get(name: string): string | undefined;
  /** Which layer the value of `name` came from: a file path or "miljövariabeln NAME". */
  sourceOf(name: string): ValueSource | undefined;
}

/**
 * Layers, lowest precedence first: env/.env.<env>, env/.env.<env>.user, real environment variables.
 * An empty real environment variable does not override a file (BOT_ID="" is how the bot is run
 * unauthenticated locally, and must not blank out the package's bot id).
 */
export function resolveEnv(
  files: EnvFiles,
  base: Record<string, string>,
  user: Record<string, string> | undefined,
  real: Record<string, string | undefined>,
): ResolvedEnv {
  const sourceOf = (name: string): ValueSource | undefined => {
    const fromReal = real[name];
    if (fromReal !== undefined && fromReal !== '') return `miljövariabeln ${name}`;
    if (user && Object.hasOwn(user, name)) return files.user;
    if (Object.hasOwn(base, name)) return files.base;
    return undefined;
  };
  const get = (name: string): string | undefined => {
    const source = sourceOf(name);
    if (source === undefined) return undefined;
    if (source === files.user) return user?.[name];
    if (source === files.base) return base[name];
    return real[name];
  };
  return { files, get, sourceOf };
}

export interface LoadedEnv {
  env: ResolvedEnv;
  problems: Problem[];
}

/** Reads the env files of `envName` under `root` and layers the real environment on top. */
export function loadEnv(root: string, envName: string, real: Record<string, string | undefined>): LoadedEnv {
  const files = envFilesFor(envName);
  const problems: Problem[] = [];
  const basePath = join(root, files.base);
  let base: Record<string, string> = {};
  if (existsSync(basePath)) {
    const parsed = parseEnvFile(readFileSync(basePath, 'utf8'), files.base);
    base = parsed.values;
    problems.push(...parsed.problems);
  } else {
    problems.push({ file: files.base, message: `miljöfilen saknas; skapa den (se env/.env.dev) eller välj en annan miljö med --env` });
  }
  let user: Record<string, string> | undefined;
  const userPath = join(root, files.user);
  if (existsSync(userPath)) {
    const parsed = parseEnvFile(readFileSync(userPath, 'utf8'), files.user);
    user = parsed.values;
    problems.push(...parsed.problems);
  }
  return { env: resolveEnv(files, base, user, real), problems };
}
