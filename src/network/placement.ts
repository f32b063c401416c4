import { hashStr, NeuronRandom } from '../rng/index.ts';
import { NetworkBuildError } from './errors.ts';
import type { CellTemplate } from './types.ts';

// Where the synapses of one connection go (cell/compartCell.py _setConnSections,
// _secsAndLocsForSingleSynapse, _secsAndLocsForMultisynapse, _distributeSynsUniformly).

export interface PlacementInput {
  template: CellTemplate;
  /** Realised section lengths [um] of this cell. */
  lengths: (section: number) => number;
  gid: number;
  /** NetPyNE's preGid: a gid, or 0 for NetStim ('NetStim' is not an int). */
  preGidForStream: number;
  sec: unknown;
  /** null when not given (then 0.5 and "not explicit"). */
  loc: number | number[] | null;
  synsPerConn: number;
  connRandomSecFromList: boolean;
  distributeSynsUniformly: boolean;
  path: string;
}

/** _setConnSections: section indices named by `sec` (a name, a secList, a list); unknown → soma or first. */
export function resolveSections(template: CellTemplate, sec: unknown): { sections: number[]; fellBack: boolean } {
  const has = (name: unknown) => typeof name === 'string' && (template.sectionIndex.has(name) || template.secLists.has(name));
  if (!sec || (typeof sec === 'string' && !has(sec))) {
    const soma = template.sectionIndex.get('soma');
    return { sections: [soma ?? 0], fellBack: Boolean(sec) };
  }
  if (Array.isArray(sec) || (typeof sec === 'string' && template.secLists.has(sec))) {
    const names = Array.isArray(sec) ? sec : template.secLists.get(sec as string)!;
    const sections = names.filter((n) => template.sectionIndex.has(String(n))).map((n) => template.sectionIndex.get(String(n))!);
    return { sections, fellBack: sections.length !== names.length };
  }
  return { sections: [template.sectionIndex.get(sec as string)!], fellBack: false };
}

export interface Placement {
  sections: number[];
  locs: number[];
}

export function placeSynapses(p: PlacementInput, sections: number[]): Placement {
  const explicit = p.loc !== null;
  const loc = p.loc ?? 0.5;
  return p.synsPerConn > 1 ? multiSynapse(p, sections, loc, explicit) : singleSynapse(p, sections, loc);
}

function singleSynapse(p: PlacementInput, sections: number[], loc: number | number[]): Placement {
  let locs = Array.isArray(loc) ? loc : [loc];
  if (p.connRandomSecFromList && sections.length > 1) {
    if (locs.length > 1) {
      if (locs.length !== sections.length)
        throw new NetworkBuildError(p.path, loc, `with several sections and synsPerConn 1, a list of locs needs one entry per section (${sections.length})`);
    } else {
      locs = Array(sections.length).fill(locs[0]);
    }
    const rand = new NeuronRandom(hashStr('connSynMechsSecs'), p.gid, p.preGidForStream);
    const pos = Math.trunc(rand.discunif(0, sections.length - 1));
    return { sections: [sections[pos]], locs: [locs[pos]] };
  }
  return { sections: [sections[0]], locs: [locs[0]] };
}

function multiSynapse(p: PlacementInput, sections: number[], loc: number | number[], explicit: boolean): Placement {
  const n = p.synsPerConn;
  if (sections.length === 1) {
    if (Array.isArray(loc)) {
      if (loc.length !== n) throw new NetworkBuildError(p.path, loc, `the list of locations must have synsPerConn (${n}) entries`);
      return { sections: Array(n).fill(sections[0]), locs: [...loc] };
    }
    if (explicit)
      throw new NetworkBuildError(
        p.path,
        loc,
        `a single loc with synsPerConn > 1 is not allowed (NetPyNE: deprecated): give ${n} locations or none (then they are spread evenly)`,
      );
    return { sections: Array(n).fill(sections[0]), locs: Array.from({ length: n }, (_, i) => i / n + 1 / n / 2) };
  }
  if (p.distributeSynsUniformly) {
    if (explicit)
      throw new NetworkBuildError(
        p.path,
        loc,
        'loc cannot be given when synapses are distributed uniformly over several sections (NetPyNE: deprecated); remove loc or set distributeSynsUniformly to false',
      );
    return distributeUniformly(sections, n, p.lengths);
  }
  if (p.connRandomSecFromList) return randomSectionsAndLocs(p, sections, loc, explicit);
  const locs = Array.isArray(loc) ? loc : Array(n).fill(loc);
  if (sections.length !== n) throw new NetworkBuildError(p.path, p.sec, `with connRandomSecFromList false the sections must number synsPerConn (${n})`);
  if (locs.length !== n) throw new NetworkBuildError(p.path, loc, `the list of locations must have synsPerConn (${n}) entries`);
  return { sections, locs };
}

/** Synapses at equal spacing along the concatenated sections, each loc measured from its section's far end. */
export function distributeUniformly(sections: number[], n: number, lengths: (s: number) => number): Placement {
  const secLengths = sections.map(lengths);
  let total = 0;
  const cumulative = secLengths.map((L) => (total += L));
  const out: Placement = { sections: [], locs: [] };
  for (let i = 0; i < n; i++) {
    const abs = i * (total / n) + total / n / 2;
    const k = cumulative.findIndex((c) => c >= abs);
    out.sections.push(sections[k]);
    out.locs.push((cumulative[k] - abs) / secLengths[k]);
  }
  return out;
}

function randomSectionsAndLocs(p: PlacementInput, sections: number[], loc: number | number[], explicit: boolean): Placement {
  const n = p.synsPerConn;
  const rand = new NeuronRandom(hashStr('connSynMechsSecs'), p.gid, p.preGidForStream);
  const secPos = randInt(rand, n, 0, sections.length - 1);
  let locs: number[];
  if (Array.isArray(loc)) {
    locs = randInt(rand, n, 0, loc.length - 1).map((i) => loc[i]);
  } else {
    if (explicit)
      throw new NetworkBuildError(
        p.path,
        loc,
        'a single loc with several sections and random placement is not allowed (NetPyNE: deprecated): give a list or none',
      );
    rand.uniform(0, 1);
    locs = Array.from(rand.setrand(n));
  }
  return { sections: secPos.map((i) => sections[i]), locs };
}

/** conn.py randInt: unique draws when possible (randUniqueInt), else n discunif draws after the discarded first. */
function randInt(rand: NeuronRandom, n: number, min: number, max: number): number[] {
  if (n <= max - min + 1) return randUniqueInt(rand, n, min, max);
  rand.discunif(min, max);
  return Array.from(rand.setrand(n), Math.trunc);
}

/** conn.py randUniqueInt: discunif(min, max) (its draw is discarded), then repick until n distinct values. */
export function randUniqueInt(rand: NeuronRandom, n: number, min: number, max: number): number[] {
  rand.discunif(min, max);
  const out: number[] = [];
  while (out.length < n) {
    const x = Math.trunc(rand.repick());
    if (!out.includes(x)) out.push(x);
  }
  return out;
}
