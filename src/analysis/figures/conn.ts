import { interpolateViridis } from 'd3-scale-chromatic';
import { Axes, plotBox } from '../draw/frame.ts';
import { choiceOption, type Figure, type FigureInput, figureFile, OptionError, readOptions } from '../figure.ts';
import { resolveInclude } from '../include.ts';

// plotConn (NetPyNE analysis/network.py, graphType 'matrix'): a pre x post matrix of the
// synapses between included cells, grouped by population (NetStim sources as pre 'populations'
// by their stim label) or by cell. Per pair: numConns = count, weight = mean weight, delay =
// mean delay, probability = count / (nPre nPost), strength = probability x summed weight (as
// NetPyNE), convergence = count / nPost, divergence = count / nPre. A stim source's nPre is
// the post population's size (NetPyNE's). groupBy 'cell' supports weight, delay and numConns.

const DEFAULTS = {
  includePre: ['all'] as unknown,
  includePost: ['all'] as unknown,
  feature: 'strength' as unknown,
  groupBy: 'pop' as unknown,
  orderBy: 'gid' as unknown,
  graphType: 'matrix' as unknown,
  synOrConn: 'syn' as unknown,
  synMech: null as unknown,
  clim: null as unknown,
  figSize: [8, 8] as unknown,
};

const FEATURES = ['weight', 'delay', 'numConns', 'probability', 'strength', 'convergence', 'divergence'] as const;

/** plotConn's options, checked without the network. */
export function connOptions(given: unknown, path: string) {
  const o = readOptions(path, given, DEFAULTS, ['groupByIntervalPre', 'groupByIntervalPost', 'removeWeightNorm', 'connsFile', 'tagsFile']);
  const feature = choiceOption(`${path}.feature`, o.feature, FEATURES);
  choiceOption(`${path}.graphType`, o.graphType, ['matrix'], true);
  const groupBy = choiceOption(`${path}.groupBy`, o.groupBy, ['pop', 'cell'], true);
  if (groupBy === 'cell' && !['weight', 'delay', 'numConns'].includes(feature))
    throw new OptionError(`${path}.feature`, feature, `'${feature}' with groupBy 'cell' (NetPyNE supports weight, delay and numConns per cell)`);
  choiceOption(`${path}.synOrConn`, o.synOrConn, ['syn', 'conn']);
  return { ...o, feature, groupBy };
}

export function plotConn(input: FigureInput, given: unknown, path = 'simConfig.analysis.plotConn'): Figure {
  const o = connOptions(given, path);
  const { net } = input;
  const { feature, size, fontSize } = o;
  const pre = resolveInclude(net, o.includePre, `${path}.includePre`);
  const post = resolveInclude(net, o.includePost, `${path}.includePost`);
  const d = net.data;
  const synMechLabels = Object.keys(d.netParams.synMechParams);
  const mechFilter = o.synMech === null ? null : new Set((Array.isArray(o.synMech) ? o.synMech : [o.synMech]).map(String));
  const stimLabel = (r: number) => String(d.stims.params[r].source);
  // groups: pre rows and post columns
  const byPop = o.groupBy === 'pop';
  const popOf = new Map<number, string>();
  for (const [label, pop] of Object.entries(net.pops)) for (const g of pop.cellGids) popOf.set(g, label);
  const preSet = new Set(pre.cells);
  const postSet = new Set(post.cells);
  const preKeys = byPop ? [...Object.keys(net.pops).filter((p) => net.pops[p].cellGids.some((g) => preSet.has(g))), ...pre.stims] : pre.cells.map(String);
  const postKeys = byPop ? Object.keys(net.pops).filter((p) => net.pops[p].cellGids.some((g) => postSet.has(g))) : post.cells.map(String);
  const rowOf = new Map(preKeys.map((k, i) => [k, i]));
  const colOf = new Map(postKeys.map((k, i) => [k, i]));
  const count = new Float64Array(preKeys.length * postKeys.length);
  const wsum = new Float64Array(count.length);
  const dsum = new Float64Array(count.length);
  const c = d.conns;
  const seen = new Set<string>();
  for (let k = 0; k < c.count; k++) {
    const postGid = d.cells.gid[c.post[k]];
    if (!postSet.has(postGid)) continue;
    const preGid = c.pre[k] >= 0 ? d.cells.gid[c.pre[k]] : null;
    const preKey =
      preGid !== null
        ? preSet.has(preGid)
          ? byPop
            ? popOf.get(preGid)!
            : String(preGid)
          : null
        : c.stim[k] >= 0 && pre.stims.includes(stimLabel(c.stim[k])) && byPop
          ? stimLabel(c.stim[k])
          : null;
    if (preKey === null) continue;
    if (mechFilter && !(c.synMech[k] >= 0 && mechFilter.has(synMechLabels[c.synMech[k]]))) continue;
    if (o.synOrConn === 'conn') {
      const id = `${postGid}:${preGid ?? preKey}`;
      if (seen.has(id)) continue;
      seen.add(id);
    }
    const at = rowOf.get(preKey)! * postKeys.length + colOf.get(byPop ? popOf.get(postGid)! : String(postGid))!;
    count[at]++;
    wsum[at] += c.weight[k];
    dsum[at] += c.delay[k];
  }
  const nOf = (key: string, set: Set<number>) => (Object.hasOwn(net.pops, key) ? net.pops[key].cellGids.filter((g) => set.has(g)).length : -1);
  const matrix: number[][] = preKeys.map((pk, i) =>
    postKeys.map((qk, j) => {
      const at = i * postKeys.length + j;
      const n = count[at];
      const nPost = byPop ? nOf(qk, postSet) : 1;
      const nPreRaw = byPop ? nOf(pk, preSet) : 1;
      const nPre = nPreRaw < 0 ? nOf(postKeys[0], postSet) : nPreRaw;
      switch (feature) {
        case 'numConns':
          return n;
        case 'weight':
          return n > 0 ? wsum[at] / n : byPop ? 0 : NaN;
        case 'delay':
          return n > 0 ? dsum[at] / n : byPop ? 0 : NaN;
        case 'probability':
          return n / (nPre * nPost);
        case 'strength':
          return (n / (nPre * nPost)) * wsum[at];
        case 'convergence':
          return n / nPost;
        default:
          return n / nPre;
      }
    }),
  );
  const finite = matrix.flat().filter(Number.isFinite);
  const clim =
    Array.isArray(o.clim) && o.clim.length === 2 ? (o.clim as [number, number]) : ([Math.min(...finite, 0), Math.max(...finite, 1e-12)] as [number, number]);
  return {
    kind: 'plotConn',
    file: figureFile(input, o.saveFig, `_plot_conn_${o.groupBy}_${feature}_matrix.png`),
    saveFig: Boolean(o.saveFig),
    ...size,
    data: { connMatrix: matrix, feature, groupBy: o.groupBy, includePre: preKeys, includePost: postKeys },
    draw(p) {
      const bar = 5 * fontSize;
      const box = plotBox(p, fontSize, bar);
      const side = Math.min(box.width, box.height);
      const square = { ...box, width: side, height: side };
      const ticks = (keys: string[]) => (keys.length <= 40 ? keys.map((k, i): [number, string] => [i + 0.5, k]) : undefined);
      const axes = new Axes(p, square, {
        x: [0, postKeys.length],
        y: [0, preKeys.length],
        yInverted: true,
        xlabel: 'post',
        ylabel: 'pre',
        title: `Connection ${feature} matrix`,
        fontSize,
        xTicks: ticks(postKeys),
        yTicks: ticks(preKeys),
      });
      const color = (v: number) =>
        Number.isFinite(v) ? interpolateViridis(clim[1] > clim[0] ? Math.min(1, Math.max(0, (v - clim[0]) / (clim[1] - clim[0]))) : 0) : 'white';
      matrix.forEach((row, i) =>
        row.forEach((v, j) => {
          const x0 = axes.x(j);
          const y0 = axes.y(i);
          p.rect(x0, y0, axes.x(j + 1) - x0 + 0.5, axes.y(i + 1) - y0 + 0.5, color(v));
        }),
      );
      axes.draw();
      // colour bar
      const bx = square.left + side + fontSize;
      const steps = 64;
      for (let s = 0; s < steps; s++) p.rect(bx, square.top + (side * s) / steps, fontSize, side / steps + 0.5, interpolateViridis(1 - s / steps));
      p.strokeRect(bx, square.top, fontSize, side, 'black', 1);
      p.text(formatTick(clim[1]), bx + 1.4 * fontSize, square.top, { size: fontSize * 0.85, baseline: 'top' });
      p.text(formatTick(clim[0]), bx + 1.4 * fontSize, square.top + side, { size: fontSize * 0.85, baseline: 'bottom' });
      p.text(feature, bx + 1.4 * fontSize, square.top + side / 2, { size: fontSize * 0.85, baseline: 'middle' });
    },
  };
}

function formatTick(x: number): string {
  return Math.abs(x) >= 1e-3 || x === 0 ? String(Number(x.toPrecision(3))) : x.toExponential(2);
}
