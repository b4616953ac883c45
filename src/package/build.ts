// Assembles the Teams app package: fill placeholders from the env files, validate everything,
// and only then produce the zip. Nothing here writes to disk; the CLI does that.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { loadEnv, type ResolvedEnv } from './envfile.js';
import { checkColorIcon, checkOutlineIcon } from './icons.js';
import { checkFileReference, referencedFiles, validateLocalization, validateManifest, type FileReference } from './manifest.js';
import { fillPlaceholders, leftoverPlaceholders, type PlaceholderUse } from './placeholders.js';
import type { Problem } from './problem.js';

export const APP_PACKAGE_DIR = 'appPackage';
export const MANIFEST_FILE = 'manifest.json';
const NIL_GUID = '00000000-0000-0000-0000-000000000000';

export function zipPathFor(envName: string): string {
  return `${APP_PACKAGE_DIR}/build/appPackage.${envName}.zip`;
}

export interface PackageFile {
  name: string;
  bytes: Buffer;
}

export interface BuildResult {
  problems: Problem[];
  warnings: string[];
  /** In zip order; complete only when there are no problems. */
  files: PackageFile[];
  /** The filled manifest, when it could be parsed. */
  manifest?: unknown;
}

export interface BuildOptions {
  /** Project root (the folder holding appPackage/ and env/). */
  root: string;
  envName: string;
  /** Real environment variables; they take precedence over the env files. */
  realEnv: Record<string, string | undefined>;
}

function missingProblem(file: string, use: PlaceholderUse, env: ResolvedEnv): Problem {
  const { base, user } = env.files;
  return {
    file,
    path: use.path,
    message: `Saknat värde för \${{${use.name}}} i ${base} (sätt ${use.name} där, i ${user} eller som miljövariabel)`,
  };
}

/** Reads a JSON file from appPackage/, fills its placeholders and reports what could not be filled. */
function readFilledJson(
  dir: string,
  name: string,
  env: ResolvedEnv,
): { value?: unknown; used: PlaceholderUse[]; missingPaths: Set<string>; problems: Problem[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dir, name), 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      used: [],
      missingPaths: new Set(),
      problems: [{ file: name, message: `går inte att läsa som JSON: ${(error as Error).message}` }],
    };
  }
  const filled = fillPlaceholders(parsed, env.get);
  const problems = filled.missing.map((use) => missingProblem(name, use, env));
  const missingPaths = new Set(filled.missing.map((use) => use.path));
  for (const left of leftoverPlaceholders(filled.value)) {
    if (!missingPaths.has(left.path)) {
      problems.push({ file: name, path: left.path, message: `ogiltig platshållare i "${left.name}"; skriv den som \${{NAMN}}` });
    }
  }
  return { value: filled.value, used: filled.used, missingPaths, problems };
}

/** Schema problems at a path whose placeholder had no value only repeat the "Saknat värde" problem. */
function withoutMissing(problems: Problem[], missingPaths: Set<string>): Problem[] {
  return problems.filter((p) => p.path === undefined || !missingPaths.has(p.path));
}

function json(value: unknown): Buffer {
  return Buffer.from(JSON.stringify(value, null, 2) + '\n', 'utf8');
}

export function buildAppPackage(options: BuildOptions): BuildResult {
  const { root, envName, realEnv } = options;
  const dir = join(root, APP_PACKAGE_DIR);
  const loaded = loadEnv(root, envName, realEnv);
  const env = loaded.env;
  const problems: Problem[] = [...loaded.problems];
  const warnings: string[] = [];
  const files: PackageFile[] = [];

  const manifest = readFilledJson(dir, MANIFEST_FILE, env);
  problems.push(...manifest.problems);
  if (manifest.value === undefined) return { problems, warnings, files };
  problems.push(...withoutMissing(validateManifest(manifest.value, MANIFEST_FILE), manifest.missingPaths));
  files.push({ name: MANIFEST_FILE, bytes: json(manifest.value) });

  const exists = (name: string): boolean => existsSync(join(dir, name));
  const refs = referencedFiles(manifest.value);
  const used = [...manifest.used];

  for (const ref of refs.localizations) {
    const refProblems = checkFileReference(ref, exists);
    problems.push(...refProblems);
    if (refProblems.length > 0) continue;
    const localization = readFilledJson(dir, ref.file, env);
    problems.push(...localization.problems);
    used.push(...localization.used);
    if (localization.value === undefined) continue;
    problems.push(...withoutMissing(validateLocalization(localization.value, ref.file), localization.missingPaths));
    files.push({ name: ref.file, bytes: json(localization.value) });
  }

  const icons: Array<[FileReference | undefined, (bytes: Buffer, file: string) => Problem[]]> = [
    [refs.color, checkColorIcon],
    [refs.outline, checkOutlineIcon],
  ];
  for (const [ref, check] of icons) {
    if (!ref) continue; // the schema has already reported the missing field
    const refProblems = checkFileReference(ref, exists);
    problems.push(...refProblems);
    if (refProblems.length > 0) continue;
    const bytes = readFileSync(join(dir, ref.file));
    problems.push(...check(bytes, ref.file));
    files.push({ name: ref.file, bytes });
  }

  const warned = new Set<string>();
  for (const use of used) {
    if (warned.has(use.name) || env.get(use.name) !== NIL_GUID) continue;
    warned.add(use.name);
    warnings.push(
      `Varning: ${use.name} är platshållaren ${NIL_GUID} (från ${env.sourceOf(use.name)}). ` +
        `Paketet är giltigt men fungerar inte i Teams förrän ${use.name} har sitt riktiga värde.`,
    );
  }

  return { problems, warnings, files, manifest: manifest.value };
}

/** The zip Teams expects: every file at the root. A fixed timestamp keeps the bytes reproducible. */
export async function zipPackage(files: PackageFile[]): Promise<Buffer> {
  const zip = new JSZip();
  const date = new Date(Date.UTC(2025, 0, 1));
  for (const f of files) zip.file(f.name, f.bytes, { date });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}
