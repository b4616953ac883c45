import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import { createRequire } from 'node:module';
const require = createRequire('/work/wt/diagram/src/diagram/diagram.ts');
const ff = ['DejaVuSans.ttf'].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));
const d = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 480, height: 220 });
d.setOption({ animation:false, textStyle:{fontFamily:'DejaVu Sans'}, title:{text:'Avvikelse ackumulerat per månad 2025, tkr', left:'center'}, grid:{left:12,right:12,top:40,bottom:12,containLabel:true}, xAxis:{type:'category',data:['jan','feb','mar','apr','maj','jun','jul','aug','sep','okt','nov']}, yAxis:{type:'value',name:'tkr'}, series:[{type:'bar',data:[-1200,-2500,-3900,-5100,-6700,-8000,-9500,-11000,-13100,-15000,-17795.6].map(v=>({value:v,itemStyle:{color:'#c4314b'}}))}]});
const svg = d.renderToSVGString();
for (const [s,t] of [[2,1],[1,1],[1,0],[0,0],[1,2]] as const) {
  const png = new Resvg(svg, { font:{fontFiles:ff,loadSystemFonts:false,defaultFontFamily:'DejaVu Sans'}, shapeRendering:s, textRendering:t, background: 'white' }).render().asPng();
  console.log(s,t, png.toString('base64').length);
}
