/** One thing wrong with the app package, located as precisely as we can: file, line, JSON path. */
export interface Problem {
  file: string;
  /** 1-based line, for text files such as env/.env.dev. */
  line?: number;
  /** JSON pointer into the file, e.g. `/bots/0/scopes/0`; `/` is the document itself. */
  path?: string;
  message: string;
}

/** `manifest.json: /bots/0/scopes/0: must be equal to one of the allowed values: …` */
export function formatProblem(p: Problem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return p.path === undefined ? `${where}: ${p.message}` : `${where}: ${p.path}: ${p.message}`;
}
