import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';
import type * as ResvgJs from '@resvg/resvg-js';
import type { Diagramvy } from './vy.js';

export type { Diagramvy } from './vy.js';

export const FARGER = { underskott: '#c4314b', overskott: '#237b4b', serier: ['#5b5fc7', '#8a8886', '#c19c00'] } as const;

const TYPSNITT = 'DejaVu Sans';
const require = createRequire(import.meta.url);
const typsnittsfiler = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));

/**
 * echarts takes about half a second of CPU to load: it is loaded at the first chart, not at every start of a bot
 * that may draw none for a while. require keeps drawing synchronous, so a reply is built in one step.
 */
let bibliotek: { echarts: typeof Echarts; Resvg: typeof ResvgJs.Resvg } | undefined;
function laddaBibliotek(): NonNullable<typeof bibliotek> {
  bibliotek ??= { echarts: require('echarts') as typeof Echarts, Resvg: (require('@resvg/resvg-js') as typeof ResvgJs).Resvg };
  return bibliotek;
}
const tal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

/** The chart as a PNG, drawn without a browser: echarts renders SVG on the server, resvg rasterises it with a bundled font. */
export function ritaDiagram(vy: Diagramvy): Buffer {
  const bredd = vy.bredd ?? 560;
  const hojd = vy.hojd ?? 260;
  const titel = radbryt(vy.titel, Math.floor((bredd - 24) / (14 * 0.65)));
  const titelrader = titel.split('\n').length;
  const { echarts, Resvg } = laddaBibliotek();
  const diagram = echarts.init(null, null, { renderer: 'svg', ssr: true, width: bredd, height: hojd });
  try {
    diagram.setOption({
      animation: false,
      textStyle: { fontFamily: TYPSNITT },
      title: {
        text: titel,
        left: 'center',
        textStyle: { fontFamily: TYPSNITT, fontSize: 14, fontWeight: 'bold', lineHeight: 18 },
      },
      legend: vy.serier.length > 1 ? { bottom: 0, textStyle: { fontFamily: TYPSNITT } } : undefined,
      grid: {
        // Lying down, the units' names on the left are wider in DejaVu than echarts measures them, and the last value label overhangs.
        left: vy.liggande ? 12 + 2 * Math.max(0, ...vy.etiketter.map((e) => e.length)) : 12,
        right: vy.liggande ? 36 : 12,
        // standing, the value axis names its unit above the axis, under the title
        top: (vy.liggande ? 40 : 62) + 18 * (titelrader - 1),
        bottom: vy.serier.length > 1 ? 36 : 12,
        containLabel: true,
      },
      ...axlar(vy),
      series: vy.serier.map((s, i) => ({
        name: s.namn,
        type: vy.typ === 'staplar' ? 'bar' : 'line',
        connectNulls: false,
        data: s.varden.map((v) =>
          v === null
            ? '-'
            : {
                value: v,
                itemStyle: {
                  color: vy.teckenfarg ? (v < 0 ? FARGER.underskott : FARGER.overskott) : FARGER.serier[i % FARGER.serier.length],
                },
              },
        ),
      })),
    });
    const svg = diagram.renderToSVGString();
    return new Resvg(svg, {
      font: { fontFiles: typsnittsfiler, loadSystemFonts: false, defaultFontFamily: TYPSNITT },
      fitTo: { mode: 'width', value: bredd },
      ...(vy.kompakt ? { shapeRendering: 1, textRendering: 0, background: 'white' } : {}),
    })
      .render()
      .asPng();
  } finally {
    diagram.dispose();
  }
}

/**
 * A long title on several lines, broken between words, rather than running off the picture; echarts measures
 * text narrower than DejaVu Bold draws it (about 0.65 em a character), so the breaking is done here.
 */
function radbryt(text: string, tecken: number): string {
  const rader: string[] = [];
  for (const ord of text.split(' ')) {
    const sista = rader[rader.length - 1];
    if (sista !== undefined && sista.length + 1 + ord.length <= tecken) rader[rader.length - 1] = `${sista} ${ord}`;
    else rader.push(ord);
  }
  return rader.join('\n');
}

function axlar(vy: Diagramvy): { xAxis: object; yAxis: object } {
  const kategorier = {
    type: 'category',
    data: vy.etiketter,
    // every month named, as long as the labels fit side by side
    axisLabel: { fontFamily: TYPSNITT, ...(vy.liggande || vy.etiketter.length <= 13 ? { interval: 0 } : {}) },
    ...(vy.liggande ? { inverse: true } : {}),
  };
  const varden = {
    type: 'value',
    name: vy.enhet,
    nameTextStyle: { fontFamily: TYPSNITT },
    axisLabel: { fontFamily: TYPSNITT, formatter: (v: number) => tal.format(v) },
  };
  return vy.liggande ? { xAxis: varden, yAxis: kategorier } : { xAxis: kategorier, yAxis: varden };
}

export function somDataUri(png: Buffer): string {
  return `data:image/png;base64,${png.toString('base64')}`;
}
