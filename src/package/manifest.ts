// Teams app manifest and localization files: JSON schema validation (offline, against the schemas
// shipped in @microsoft/app-manifest) and the package-level checks the schema cannot express.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Ajv, type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Problem } from './problem.js';

const addFormats = addFormatsModule.default;

/**
 * The manifest schema version we target. v1.29 is the version the Microsoft 365 Agents Toolkit
 * bot template uses; @microsoft/app-manifest also ships v1.30, which differs from v1.29 only in
 * the manifestVersion constant.
 */
export const MANIFEST_SCHEMA_VERSION = '1.29';
export const MANIFEST_SCHEMA_URL = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_SCHEMA_VERSION}/MicrosoftTeams.schema.json`;
export const LOCALIZATION_SCHEMA_URL = `https://developer.microsoft.com/en-us/json-schemas/teams/v${MANIFEST_SCHEMA_VERSION}/MicrosoftTeams.Localization.schema.json`;

type SchemaKind = 'manifest' | 'localization';

const SCHEMA_FILE: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

export function schemaFilePath(kind: SchemaKind): string {
  const require = createRequire(import.meta.url);
  const pkg = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return join(pkg, 'build', 'json-schemas', 'teams', `v${MANIFEST_SCHEMA_VERSION}`, SCHEMA_FILE[kind]);
}

/**
 * The schemas declare draft-04. They use no draft-04-only syntax (no boolean exclusiveMinimum,
 * no `id`), so Ajv's default draft-07 dialect validates them the same way once `$schema` is dropped.
 * The localization schema has a pattern (`…\b]\.description$`) that is only valid without the
 * regex `u` flag, hence `unicodeRegExp: false` for it.
 */
function compile(kind: SchemaKind): ValidateFunction {
  const schema = JSON.parse(readFileSync(schemaFilePath(kind), 'utf8')) as Record<string, unknown>;
  delete schema.$schema;
  const options: Options = { allErrors: true, strict: false, logger: false };
  const ajv = new Ajv(kind === 'localization' ? { ...options, unicodeRegExp: false } : options);
  addFormats(ajv);
  return ajv.compile(schema);
}

const compiled = new Map<SchemaKind, ValidateFunction>();
function validator(kind: SchemaKind): ValidateFunction {
  let validate = compiled.get(kind);
  if (!validate) {
    validate = compile(kind);
    compiled.set(kind, validate);
  }
  return validate;
}

/** Ajv errors as problems: the JSON path and ajv's reason, with the detail that makes it actionable. */
export function ajvProblems(file: string, errors: ErrorObject[] | null | undefined): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors ?? []) {
    const path = error.instancePath === '' ? '/' : error.instancePath;
    const message = describe(error);
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ file, path, message });
  }
  return problems;
}

function describe(error: ErrorObject): string {
  const message = error.message ?? error.keyword;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'enum':
      return `${message}: ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'const':
      return `${message}: ${JSON.stringify(params.allowedValue)}`;
    case 'additionalProperties':
      return `${message}: "${String(params.additionalProperty)}"`;
    default:
      return message;
  }
}

export function validateManifest(manifest: unknown, file = 'manifest.json'): Problem[] {
  const validate = validator('manifest');
  const problems = validate(manifest) ? [] : ajvProblems(file, validate.errors);
  const schemaUrl = (manifest as { $schema?: unknown } | null)?.$schema;
  if (typeof schemaUrl === 'string' && !schemaUrl.endsWith(`/v${MANIFEST_SCHEMA_VERSION}/MicrosoftTeams.schema.json`)) {
    problems.push({ file, path: '/$schema', message: `ska peka på schemat för v${MANIFEST_SCHEMA_VERSION}: ${MANIFEST_SCHEMA_URL}` });
  }
  return problems;
}

export function validateLocalization(localization: unknown, file: string): Problem[] {
  const validate = validator('localization');
  return validate(localization) ? [] : ajvProblems(file, validate.errors);
}

/** A file the manifest points at, with the JSON path of the reference. */
export interface FileReference {
  path: string;
  file: string;
}

interface ManifestFileFields {
  icons?: { color?: unknown; outline?: unknown };
  localizationInfo?: { defaultLanguageFile?: unknown; additionalLanguages?: Array<{ file?: unknown }> };
}

/** The icon and localization files a (schema-valid) manifest refers to. */
export function referencedFiles(manifest: unknown): { color?: FileReference; outline?: FileReference; localizations: FileReference[] } {
  const m = (manifest ?? {}) as ManifestFileFields;
  const ref = (path: string, value: unknown): FileReference | undefined => (typeof value === 'string' ? { path, file: value } : undefined);
  const localizations: FileReference[] = [];
  const def = ref('/localizationInfo/defaultLanguageFile', m.localizationInfo?.defaultLanguageFile);
  if (def) localizations.push(def);
  (m.localizationInfo?.additionalLanguages ?? []).forEach((lang, i) => {
    const r = ref(`/localizationInfo/additionalLanguages/${i}/file`, lang?.file);
    if (r) localizations.push(r);
  });
  return {
    color: ref('/icons/color', m.icons?.color),
    outline: ref('/icons/outline', m.icons?.outline),
    localizations,
  };
}

/** Files in the package sit at the zip root, so a reference must be a bare file name. */
export function checkFileReference(ref: FileReference, exists: (name: string) => boolean, file = 'manifest.json'): Problem[] {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(ref.file)) {
    return [{ file, path: ref.path, message: `"${ref.file}" ska vara ett filnamn direkt i appPackage/, utan katalog` }];
  }
  if (!exists(ref.file)) {
    return [{ file, path: ref.path, message: `filen appPackage/${ref.file} finns inte` }];
  }
  return [];
}
