/** `--namn värde` flags and the rest, for the small CLIs. */
export function argument(argv: string[], namn: readonly string[]): { flaggor: Record<string, string>; rest: string[] } {
  const flaggor: Record<string, string> = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (m && namn.includes(m[1])) {
      flaggor[m[1]] = m[2] ?? argv[++i] ?? '';
    } else rest.push(argv[i]);
  }
  return { flaggor, rest };
}
