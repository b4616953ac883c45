// Loaded when a workbook is read or written, not at start-up (about 0.45 s CPU).
import type ExcelJS from 'exceljs';
import { type Manadsrapport, type Rapportrad } from '../answers/manadsrapport.js';
import { avstamningText, ejRapporteratText, korrigeringstexter, rapportrubrik } from '../answers/manadsrapportsvar.js';
import { ATGARDSSTATUS } from '../domain/schema.js';

/**
 * Excel's format codes are written the same in every locale; Excel shows them with the reader's separators,
 * so a Swedish Excel shows "−17 795,6" and "106,9 %". Amounts in tkr with one decimal, minus in red.
 */
export const TKR_FORMAT = '#,##0.0;[Red]-#,##0.0';
export const PROCENT_FORMAT = '0.0 %';
export const BLAD = { tabell: 'Uppföljning', atgarder: 'Åtgärder' } as const;

const RUBRIKSTIL: Partial<ExcelJS.Style> = {
  font: { bold: true },
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8F4' } },
  alignment: { vertical: 'bottom', wrapText: true },
  border: { bottom: { style: 'thin' } },
};

/** The report as a workbook: the protocol table on one sheet, the measures on another; real numbers throughout. */
export async function skrivExcel(vy: Manadsrapport): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  const datum = new Date(`${vy.datum}T12:00:00Z`);
  wb.creator = 'Budgetkollen';
  wb.created = datum;
  wb.modified = datum;
  wb.title = rapportrubrik(vy);
  tabellblad(wb, vy);
  atgardsblad(wb, vy);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function tabellblad(wb: ExcelJS.Workbook, vy: Manadsrapport): void {
  const ws = wb.addWorksheet(BLAD.tabell, { views: [{ state: 'frozen', xSplit: 1, ySplit: 3 }] });
  ws.columns = [
    { width: 36 },
    { width: 16 },
    { width: 16 },
    { width: 14 },
    { width: 12 },
    { width: 14 },
    { width: 14 },
    { width: 16 },
    { width: 9 },
    { width: 90 },
  ];
  ws.getCell('A1').value = rapportrubrik(vy);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A2').value =
    `Belopp i tusentals kronor (tkr). Avvikelse = budget − utfall: minus är underskott. Uppgifterna hämtade ${vy.datum}.`;
  const rubrik = ws.getRow(3);
  rubrik.values = [
    'Enhet',
    `Budget ${vy.kolumn}`,
    `Utfall ${vy.kolumn}`,
    'Avvikelse',
    'Procent av budget',
    'Årsbudget',
    'Helårsprognos',
    'Prognosavvikelse',
    'Rättad',
    'Kommentar',
  ];
  rubrik.eachCell((c) => (c.style = RUBRIKSTIL));
  const rad = (r: Rapportrad, namn: string, fet: boolean) => {
    const s = r.siffror;
    const row = ws.addRow([
      namn,
      s?.budget_ack ?? null,
      s?.utfall_ack ?? null,
      s?.avvikelse ?? null,
      s?.procent === null || s?.procent === undefined ? null : s.procent / 100,
      s?.budget_helar ?? null,
      s?.prognos_helar ?? null,
      s?.prognosavvikelse ?? null,
      r.korrigerad ? 'ja' : '',
      r.kommentarer.map((k) => (k.enhet === r.namn ? k.text : `${k.enhet}: ${k.text}`)).join('\n') || (s ? '' : 'ej rapporterat'),
    ]);
    for (const k of [2, 3, 4, 6, 7, 8]) row.getCell(k).numFmt = TKR_FORMAT;
    row.getCell(5).numFmt = PROCENT_FORMAT;
    row.getCell(10).alignment = { wrapText: true, vertical: 'top' };
    row.getCell(1).alignment = { wrapText: true, vertical: 'top' };
    if (fet) {
      row.font = { bold: true };
      row.eachCell({ includeEmpty: true }, (c) => (c.border = { top: { style: 'thin' }, bottom: { style: 'double' } }));
    }
  };
  for (const r of vy.rader) rad(r, r.namn, false);
  rad(vy.summa, vy.rader.length ? `Summa ${vy.enhetsnamn}` : vy.enhetsnamn, true);
  const noter = [ejRapporteratText(vy), avstamningText(vy), ...korrigeringstexter(vy).map((k) => `Rättat: ${k}`)].filter(
    (n): n is string => n !== null,
  );
  if (noter.length) ws.addRow([]);
  for (const n of noter) ws.addRow([n]);
}

function atgardsblad(wb: ExcelJS.Workbook, vy: Manadsrapport): void {
  const ar = vy.atgarder.ar;
  const ws = wb.addWorksheet(BLAD.atgarder, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = [
    { width: 28 },
    { width: 6 },
    { width: 50 },
    { width: 24 },
    { width: 9 },
    { width: 13 },
    { width: 16 },
    { width: 16 },
    { width: 60 },
  ];
  ws.getCell('A1').value = `Åtgärdsplaner ${ar}: ${vy.enhetsnamn} (tkr)`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  const rubrik = ws.getRow(2);
  rubrik.values = [
    'Enhet',
    'Nr',
    'Åtgärd',
    'Ansvarig',
    'Kategori',
    'Status',
    `Planerad besparing ${ar}`,
    `Realiserad besparing ${ar}`,
    'Kommentar',
  ];
  rubrik.eachCell((c) => (c.style = RUBRIKSTIL));
  for (const a of vy.atgarder.atgarder) {
    const row = ws.addRow([a.enhet, a.nr, a.atgard, a.ansvarig, a.kategori, a.status, a.planerat, a.realiserat, a.kommentar ?? '']);
    row.getCell(7).numFmt = TKR_FORMAT;
    row.getCell(8).numFmt = TKR_FORMAT;
    for (const k of [3, 9]) row.getCell(k).alignment = { wrapText: true, vertical: 'top' };
  }
  const t = vy.atgarder.totalt;
  const summa = ws.addRow([`Summa (${t.antal} åtgärder)`, null, null, null, null, null, t.planerat, t.realiserat, null]);
  summa.font = { bold: true };
  summa.getCell(7).numFmt = TKR_FORMAT;
  summa.getCell(8).numFmt = TKR_FORMAT;
  summa.eachCell({ includeEmpty: true }, (c) => (c.border = { top: { style: 'thin' } }));

  ws.addRow([]);
  const planrubrik = ws.addRow(['Plan per enhet', 'Antal', 'Plan', 'Sparbeting', ...ATGARDSSTATUS, `Planerat ${ar}`, `Realiserat ${ar}`]);
  planrubrik.eachCell((c) => (c.style = RUBRIKSTIL));
  for (const p of vy.atgarder.planer) {
    const row = ws.addRow([
      p.enhet,
      p.antal,
      p.plan ?? '',
      p.sparbeting,
      ...ATGARDSSTATUS.map((s) => p.perStatus[s]),
      p.planerat,
      p.realiserat,
    ]);
    for (const k of [4, 10, 11]) row.getCell(k).numFmt = TKR_FORMAT;
  }
}
