import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Manadsrapport, Rapportrad } from '../answers/manadsrapport.js';
import {
  avstamningText,
  ejRapporteratText,
  korrigeringstexter,
  plantexter,
  radnamn,
  rapportrubrik,
  statusText,
} from '../answers/manadsrapportsvar.js';
import { avvikelseIOrd, prognosIOrd } from '../answers/ord.js';
import { formatProcent, formatTal, formatTkr } from '../domain/tal.js';
import { ritaDiagram } from '../diagram/diagram.js';

const DIAGRAM = { bredd: 620, hojd: 300 };
/** The image at most the page's width (in px at 96 dpi), its proportions kept. */
const sidbredd = (s: { bredd: number; hojd: number }) => {
  const skala = Math.min(1, DIAGRAM.bredd / s.bredd);
  return { width: Math.round(s.bredd * skala), height: Math.round(s.hojd * skala) };
};
const tal = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatTal(v));

/** The chart's size: a bar per unit lying down, each with room for its name beside it. */
export function diagramstorlek(antal: number): { bredd: number; hojd: number } {
  return { bredd: DIAGRAM.bredd, hojd: Math.max(200, 70 + antal * 36) };
}

/** The chart of avvikelse per row, red for underskott and green for överskott; rows without figures are gaps. */
export function avvikelsediagram(vy: Manadsrapport): Buffer {
  const rader = vy.rader.length ? vy.rader : [vy.summa];
  return ritaDiagram({
    titel: `Avvikelse per enhet ${vy.tom}`,
    typ: 'staplar',
    etiketter: rader.map((r) => r.namn),
    serier: [{ namn: 'Avvikelse', varden: rader.map((r) => r.siffror?.avvikelse ?? null) }],
    enhet: 'tkr',
    teckenfarg: true,
    liggande: true,
    ...diagramstorlek(rader.length),
  });
}

function cell(text: string, opts: { hoger?: boolean; fet?: boolean; rubrik?: boolean; bredd?: number } = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: opts.hoger ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: opts.fet || opts.rubrik, size: 18 })],
      }),
    ],
    ...(opts.bredd ? { width: { size: opts.bredd, type: WidthType.PERCENTAGE } } : {}),
    ...(opts.rubrik ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8F4' } } : {}),
  });
}

function tabell(
  rubriker: Array<{ text: string; hoger?: boolean; bredd: number }>,
  rader: Array<{ celler: string[]; fet?: boolean }>,
): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: rubriker.map((r) => cell(r.text, { rubrik: true, hoger: r.hoger, bredd: r.bredd })) }),
      ...rader.map(
        (rad) =>
          new TableRow({
            children: rad.celler.map((t, i) => cell(t, { hoger: rubriker[i].hoger, fet: rad.fet, bredd: rubriker[i].bredd })),
          }),
      ),
    ],
  });
}

const stycke = (text: string, opts: { fet?: boolean; kursiv?: boolean } = {}) =>
  new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, bold: opts.fet, italics: opts.kursiv })] });
const rubrik = (text: string, niva: 1 | 2 | 3 = 2) =>
  new Paragraph({
    heading: niva === 1 ? HeadingLevel.HEADING_1 : niva === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
    children: [new TextRun(text)],
  });

/** "till och med november", or "2024" for an annual report */
const tillOchMed = (vy: Manadsrapport) => (vy.helar ? vy.kolumn : `till och med ${vy.manad}`);

function sammanfattning(vy: Manadsrapport): Paragraph[] {
  const s = vy.summa.siffror;
  if (!s) return [stycke(`Det finns inga siffror för ${vy.enhetsnamn} ${vy.tom}.`)];
  const ut = [
    stycke(`Budget ${tillOchMed(vy)}: ${formatTkr(s.budget_ack)}`),
    stycke(`Redovisning ${tillOchMed(vy)}: ${formatTkr(s.utfall_ack)}`),
    stycke(`Avvikelse ${tillOchMed(vy)}: ${formatTkr(s.avvikelse)}`),
    stycke(`Procent av budget: ${s.procent === null ? '–' : formatProcent(s.procent)}`),
    stycke(
      `${vy.enhetsnamn} visar ${vy.tom} ${avvikelseIOrd(s.avvikelse)}.${
        s.prognosavvikelse !== null && s.prognos_helar !== null && s.budget_helar !== null
          ? ` Helårsprognosen är ${formatTkr(s.prognos_helar)} mot årsbudgeten ${formatTkr(s.budget_helar)}: ${prognosIOrd(s.prognosavvikelse)}.`
          : ''
      }`,
    ),
  ];
  return ut;
}

function protokollstabell(vy: Manadsrapport): Table {
  const rader = vy.rader.length ? [...vy.rader, vy.summa] : [vy.summa];
  const namn = (r: Rapportrad) => radnamn(r, r === vy.summa && vy.rader.length ? `Summa ${vy.enhetsnamn}` : r.namn);
  return tabell(
    [
      { text: 'Enhet', bredd: 24 },
      { text: `Budget ${vy.kolumn}`, hoger: true, bredd: 11 },
      { text: `Redovisning ${vy.kolumn}`, hoger: true, bredd: 11 },
      { text: 'Avvikelse', hoger: true, bredd: 10 },
      { text: 'Procent', hoger: true, bredd: 8 },
      { text: 'Årsbudget', hoger: true, bredd: 11 },
      { text: 'Helårsprognos', hoger: true, bredd: 13 },
      { text: 'Prognosavvikelse', hoger: true, bredd: 12 },
    ],
    rader.map((r) => {
      const s = r.siffror;
      return {
        fet: r === vy.summa && vy.rader.length > 0,
        celler: [
          namn(r),
          tal(s?.budget_ack),
          tal(s?.utfall_ack),
          tal(s?.avvikelse),
          s?.procent === null || s?.procent === undefined ? '–' : formatProcent(s.procent),
          tal(s?.budget_helar),
          tal(s?.prognos_helar),
          tal(s?.prognosavvikelse),
        ],
      };
    }),
  );
}

function kommentarer(vy: Manadsrapport): Array<Paragraph> {
  const rader = vy.rader.length ? [...vy.rader, vy.summa] : [vy.summa];
  const ut: Paragraph[] = [];
  for (const r of rader) {
    if (!r.kommentarer.length) continue;
    ut.push(rubrik(r.namn, 3));
    for (const k of r.kommentarer) ut.push(stycke(k.enhet === r.namn ? k.text : `${k.enhet}: ${k.text}`));
  }
  return ut;
}

function atgarder(vy: Manadsrapport): Array<Paragraph | Table> {
  const a = vy.atgarder;
  if (!a.atgarder.length) return [];
  return [
    rubrik(`Åtgärdsplaner ${a.ar}`),
    ...plantexter(vy).map((t) => stycke(t)),
    stycke(
      `Totalt ${a.totalt.antal} åtgärder (${statusText(a.totalt.perStatus)}); planerad besparing ${a.ar} ${formatTkr(a.totalt.planerat)}, realiserad ${formatTkr(a.totalt.realiserat)}.`,
    ),
    tabell(
      [
        { text: 'Enhet', bredd: 18 },
        { text: 'Nr', hoger: true, bredd: 5 },
        { text: 'Åtgärd', bredd: 37 },
        { text: 'Status', bredd: 12 },
        { text: `Planerat ${a.ar}`, hoger: true, bredd: 14 },
        { text: `Realiserat ${a.ar}`, hoger: true, bredd: 14 },
      ],
      [
        ...a.atgarder.map((x) => ({ celler: [x.enhet, String(x.nr), x.atgard, x.status, tal(x.planerat), tal(x.realiserat)] })),
        { fet: true, celler: ['Summa', '', '', '', tal(a.totalt.planerat), tal(a.totalt.realiserat)] },
      ],
    ),
  ];
}

/**
 * The report as a tjänsteskrivelse: heading, period, the proposed decision, the summary in the protocol's own
 * words, the table, the chart, the comments, corrections and the action plans.
 */
export async function skrivWord(vy: Manadsrapport): Promise<Buffer> {
  const diagram = avvikelsediagram(vy);
  const noter = [ejRapporteratText(vy), avstamningText(vy)].filter((n): n is string => n !== null);
  const korrigeringar = korrigeringstexter(vy);
  const doc = new Document({
    creator: 'Budgetkollen',
    title: rapportrubrik(vy),
    description: `Ekonomisk uppföljning ${vy.tom}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        children: [
          stycke(`${vy.enhetsnamn}`, { fet: true }),
          stycke(`Tjänsteskrivelse ${vy.datum}`),
          rubrik(`Ekonomisk uppföljning ${vy.tom}`, 1),
          rubrik('Förslag till beslut'),
          stycke(
            `${vy.enhetsnamn} tar del av den ekonomiska uppföljningen ${vy.helar ? `för ${vy.tom}` : `till och med ${vy.periodnamn}`}.`,
          ),
          rubrik('Sammanfattning av ärendet'),
          stycke(`Ekonomisk uppföljning för ${vy.enhetsnamn} (i tusentals kronor)`, { fet: true }),
          ...sammanfattning(vy),
          ...noter.map((n) => stycke(n, { kursiv: true })),
          rubrik('Ekonomisk uppföljning per enhet (tkr)'),
          protokollstabell(vy),
          stycke('Avvikelse = budget − redovisning: minus är underskott. Procent = redovisning av budget.', { kursiv: true }),
          new Paragraph({
            spacing: { before: 240, after: 240 },
            children: [
              new ImageRun({
                type: 'png',
                data: diagram,
                transformation: sidbredd(diagramstorlek(vy.rader.length || 1)),
                altText: {
                  name: 'Avvikelse per enhet',
                  title: `Avvikelse per enhet ${vy.tom}`,
                  description: 'Stapeldiagram över avvikelsen per enhet i tkr',
                },
              }),
            ],
          }),
          ...(korrigeringar.length ? [rubrik('Rättat sedan förra rapporten'), ...korrigeringar.map((k) => stycke(k))] : []),
          ...(vy.rader.some((r) => r.kommentarer.length) || vy.summa.kommentarer.length ? [rubrik('Kommentarer'), ...kommentarer(vy)] : []),
          ...atgarder(vy),
          rubrik('Beslutsunderlag'),
          stycke(`Ekonomisk uppföljning ${vy.tom} ur Budgetkollen, ${vy.datum}.`),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
