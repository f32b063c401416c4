import type { Catalog } from '../catalog.ts';
import type { CellParams, NetParamsData, PopParams } from '../types.ts';

const POSITION_TAGS = ['x', 'y', 'z', 'xnorm', 'ynorm', 'znorm'];

/** What a spec defines, for reference checks: labels, cell tags, sections per cell type. */
export class SpecIndex {
  readonly pops: string[];
  readonly cellRules: string[];
  readonly synMechs: string[];
  /** Whether some cell rule has a point process with its own voltage (vref): connections target it directly. */
  hasVrefPointps = false;
  /** Labels of vref point processes' synList (they name weight indices, not synMechParams entries). */
  readonly synListLabels = new Set<string>();
  readonly stimSources: string[];
  /** Every cellType named by a pop or by a cell rule label. */
  readonly cellTypes: Set<string>;
  /** Every tag a cell can carry (for conds keys). */
  readonly cellTags: Set<string>;

  constructor(
    readonly net: NetParamsData,
    readonly catalog: Catalog,
  ) {
    this.pops = Object.keys(net.popParams ?? {});
    this.cellRules = Object.keys(net.cellParams ?? {});
    this.synMechs = Object.keys(net.synMechParams ?? {});
    for (const rule of Object.values(net.cellParams ?? {}) as CellParams[]) {
      for (const sec of Object.values(rule?.secs ?? {})) {
        for (const pp of Object.values(sec?.pointps ?? {})) {
          if (pp?.vref === undefined) continue;
          this.hasVrefPointps = true;
          for (const label of Array.isArray(pp.synList) ? pp.synList : []) this.synListLabels.add(String(label));
        }
      }
    }
    this.stimSources = Object.keys(net.stimSourceParams ?? {});
    this.cellTypes = new Set([...this.cellRules]);
    this.cellTags = new Set(['pop', 'cellType', 'cellModel', ...POSITION_TAGS, 'label']);
    for (const pop of Object.values(net.popParams ?? {}) as PopParams[]) {
      if (typeof pop?.cellType === 'string') this.cellTypes.add(pop.cellType);
      if (pop?.diversity) this.cellTags.add('fraction');
      for (const cell of Array.isArray(pop?.cellsList) ? pop.cellsList : []) {
        for (const tag of Object.keys(cell ?? {})) this.cellTags.add(tag);
      }
    }
    for (const tag of Array.isArray(net.popTagsCopiedToCells) ? net.popTagsCopiedToCells : []) this.cellTags.add(String(tag));
    if (net.correctBorder) this.cellTags.add('borderCorrect');
  }

  /** Whether a pop's cells are artificial (point) cells, from its cellModel or its rule's cellModel. */
  isPointPop(pop: PopParams): boolean {
    const model = this.cellModelOf(pop);
    return model !== undefined && this.catalog.get(model)?.kinds.includes('artificialCell') === true;
  }

  cellModelOf(pop: PopParams): string | undefined {
    if (typeof pop.cellModel === 'string') return pop.cellModel;
    const rule = typeof pop.cellType === 'string' ? (this.net.cellParams?.[pop.cellType] as CellParams | undefined) : undefined;
    return typeof rule?.cellModel === 'string' ? rule.cellModel : undefined;
  }

  /**
   * Section and section-list names cells of the given cell types may have: sections of rules
   * labelled with those types, plus every rule that selects cells by conds (resolved per cell
   * only at build time). `undefined` when nothing constrains the type.
   */
  sectionNames(cellTypes: string[] | undefined): Set<string> | undefined {
    const names = new Set<string>();
    let constrained = false;
    for (const [label, rule] of Object.entries(this.net.cellParams ?? {}) as [string, CellParams][]) {
      const byConds = rule?.conds && Object.keys(rule.conds).length > 0;
      if (!byConds && cellTypes && !cellTypes.includes(label)) continue;
      constrained = true;
      for (const sec of Object.keys(rule?.secs ?? {})) names.add(sec);
      for (const list of Object.keys(rule?.secLists ?? {})) names.add(list);
    }
    return constrained ? names : undefined;
  }

  /** Whether a conds object selects only cells of artificial-cell populations (by `pop`). */
  selectsOnlyPointCells(conds: Record<string, unknown> | undefined): boolean {
    if (conds?.pop === undefined) return false;
    const pops = Array.isArray(conds.pop) ? conds.pop.map(String) : [String(conds.pop)];
    return pops.every((p) => {
      const pop = this.net.popParams?.[p] as PopParams | undefined;
      return pop !== undefined && this.isPointPop(pop);
    });
  }

  /** Cell types of the cells a conds object can select (undefined = any). */
  cellTypesSelectedBy(conds: Record<string, unknown>): string[] | undefined {
    const asList = (v: unknown) => (Array.isArray(v) ? v.map(String) : [String(v)]);
    let types: string[] | undefined;
    if (conds.cellType !== undefined) types = asList(conds.cellType);
    if (conds.pop !== undefined) {
      const fromPops = asList(conds.pop)
        .map((p) => (this.net.popParams?.[p] as PopParams | undefined)?.cellType)
        .filter((t): t is string => typeof t === 'string');
      types = types ? types.filter((t) => fromPops.includes(t)) : fromPops;
    }
    return types;
  }
}
