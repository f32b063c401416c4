import { checkPopColors, popColor } from '../colors.ts';
import { Axes, drawLegend, legendWidth, plotBox } from '../draw/frame.ts';
import { choiceOption, type Figure, type FigureInput, figureFile, readOptions } from '../figure.ts';
import { resolveInclude } from '../include.ts';

// plot2Dnet (NetPyNE analysis/network.py): cell positions, x against y (view 'xy') or z
// ('xz'), the vertical axis pointing down (depth), coloured by population; with showConns a
// line per connection between included cells, blue for synMechs named inh/GABA/GABAA/GABAB,
// else red.

const DEFAULTS = {
  include: ['allCells'] as unknown,
  view: 'xy' as unknown,
  showConns: true as unknown,
  popColors: null as unknown,
  figSize: [12, 12] as unknown,
};
const INHIBITORY = ['inh', 'GABA', 'GABAA', 'GABAB'];

/** plot2Dnet's options, checked without the network. */
export function net2dOptions(given: unknown, path: string) {
  const o = readOptions(path, given, DEFAULTS, ['tagsFile']);
  checkPopColors(o.popColors, path);
  return { ...o, view: choiceOption(`${path}.view`, o.view, ['xy', 'xz']) };
}

export function plot2Dnet(input: FigureInput, given: unknown, path = 'simConfig.analysis.plot2Dnet'): Figure {
  const o = net2dOptions(given, path);
  const { net } = input;
  const d = net.data;
  const { size, fontSize } = o;
  const gids = resolveInclude(net, o.include, `${path}.include`).cells;
  const index = gids.map((g) => net.indexOfGid(g));
  const posX = index.map((i) => d.cells.x[i]);
  const posY = index.map((i) => (o.view === 'xy' ? d.cells.y[i] : d.cells.z[i]));
  const pops = Object.keys(net.pops);
  const popIndex = index.map((i) => d.cells.pop[i]);
  const colors = pops.map((p, i) => popColor(o.popColors, p, i, path));
  const included = new Set(index);
  const synMechs = Object.keys(d.netParams.synMechParams);
  const lines: Array<[number, number, boolean]> = [];
  if (o.showConns) {
    const c = d.conns;
    for (let k = 0; k < c.count; k++) {
      if (c.pre[k] < 0 || !included.has(c.pre[k]) || !included.has(c.post[k])) continue;
      lines.push([c.pre[k], c.post[k], c.synMech[k] >= 0 && INHIBITORY.includes(synMechs[c.synMech[k]])]);
    }
  }
  const span = (v: number[]): [number, number] => {
    const hi = Math.max(0, ...v);
    const lo = Math.min(hi, ...v);
    return hi > 0 ? [lo - 0.05 * hi, 1.05 * hi] : [lo - 1, hi + 1];
  };
  return {
    kind: 'plot2Dnet',
    file: figureFile(input, o.saveFig, '_plot_2Dnet.png'),
    saveFig: Boolean(o.saveFig),
    ...size,
    data: { include: gids, posX, posY },
    draw(p) {
      const legend = pops.map((label, i) => ({ label, color: colors[i] })).filter((_, i) => popIndex.includes(i));
      const box = plotBox(p, fontSize, legendWidth(p, legend, fontSize));
      const axes = new Axes(p, box, {
        x: span(posX),
        y: span(posY),
        yInverted: true,
        xlabel: 'x (um)',
        ylabel: o.view === 'xy' ? 'y (um)' : 'z (um)',
        fontSize,
      });
      const yOf = (i: number) => (o.view === 'xy' ? d.cells.y[i] : d.cells.z[i]);
      axes.clip();
      for (const [a, b, inh] of lines) p.polyline([axes.x(d.cells.x[a]), axes.x(d.cells.x[b])], [axes.y(yOf(a)), axes.y(yOf(b))], inh ? 'blue' : 'red', 0.3);
      const r = ((Math.sqrt(60) / 2) * size.dpi) / 72;
      posX.forEach((x, k) => p.circle(axes.x(x), axes.y(posY[k]), r, colors[popIndex[k]]));
      p.unclip();
      axes.draw();
      drawLegend(p, box, legend, fontSize);
    },
  };
}
