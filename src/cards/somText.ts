/** A card as readable text, for the ask CLI and for tests that read what a user would see. */
export function kortSomText(kort: unknown): string {
  const rader: string[] = [];
  const besok = (nod: unknown): void => {
    if (Array.isArray(nod)) {
      nod.forEach(besok);
      return;
    }
    if (!nod || typeof nod !== 'object') return;
    const n = nod as Record<string, unknown>;
    switch (n.type) {
      case 'TextBlock':
        if (typeof n.text === 'string' && n.text) rader.push(n.text);
        return;
      case 'Image':
        if (typeof n.altText === 'string' && n.altText) rader.push(`[Bild: ${n.altText}]`);
        return;
      case 'FactSet':
        for (const f of (n.facts as Array<{ title: string; value: string }>) ?? []) rader.push(`${f.title}: ${f.value}`);
        return;
      case 'TableRow': {
        const celler = ((n.cells as Array<{ items: unknown[] }>) ?? []).map((c) => kortSomText({ body: c.items }).replace(/\n/g, ' '));
        rader.push(celler.join(' | '));
        return;
      }
      case 'Input.Text':
      case 'Input.Number':
      case 'Input.ChoiceSet':
      case 'Input.Date': {
        const varde = n.value === undefined || n.value === '' ? '' : ` [${String(n.value)}]`;
        if (n.label) rader.push(`${n.label}:${varde}`);
        if (n.errorMessage && n.isRequired === undefined) rader.push(String(n.errorMessage));
        return;
      }
      case 'Action.Submit':
      case 'Action.Execute':
      case 'Action.OpenUrl':
        if (n.title) rader.push(`[${n.title}]`);
        return;
      default:
    }
    for (const nyckel of ['body', 'items', 'columns', 'rows', 'actions', 'card']) if (nyckel in n) besok(n[nyckel]);
  };
  besok(kort);
  return rader.join('\n');
}
