import { describe, expect, it } from 'vitest';
import { BUILTIN_MECHANISMS, create, formatDiagnostic, NetworkBuildError, SpecError, validateModel } from '../../src/index.ts';
import { baseSpec } from '../helpers/base-spec.ts';

// Labels and mechanism names are data: a label or mechanism called like an Object.prototype
// member (constructor, __proto__, toString, ...) is either an ordinary label or refused with a
// diagnostic naming it. Specs go through JSON text, so '__proto__' is an own key, as in a file.

const HOSTILE = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

/** Sets an own property, even '__proto__'. */
function own(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function rename(target: Record<string, unknown>, from: string, to: string): void {
  const entries = Object.entries(target);
  for (const [k] of entries) delete target[k];
  for (const [k, v] of entries) own(target, k === from ? to : k, v);
}

/** A refusal's first line names `mentions` (default: the name itself). */
type Mutation = [site: string, mutate: (spec: any, name: string) => void, outcome: 'label' | 'refused', mentions?: string];

const MUTATIONS: Mutation[] = [
  [
    'cellParams label',
    (s, n) => {
      rename(s.netParams.cellParams, 'PYR', n);
      s.netParams.popParams.S.cellType = n;
      s.netParams.popParams.M.cellType = n;
      s.netParams.stimTargetParams['bkg->PYR'].conds.cellType = n;
    },
    'label',
  ],
  ['popParams label', (s, n) => rename(s.netParams.popParams, 'S', n), 'label'],
  [
    'popParams label used in conds',
    (s, n) => {
      rename(s.netParams.popParams, 'S', n);
      s.netParams.connParams['S->M'].preConds.pop = n;
    },
    'label',
  ],
  [
    'synMechParams label',
    (s, n) => {
      rename(s.netParams.synMechParams, 'exc', n);
      s.netParams.connParams['S->M'].synMech = n;
      s.netParams.stimTargetParams['bkg->PYR'].synMech = n;
    },
    'label',
  ],
  ['connParams label', (s, n) => rename(s.netParams.connParams, 'S->M', n), 'label'],
  [
    'stimSourceParams label',
    (s, n) => {
      rename(s.netParams.stimSourceParams, 'bkg', n);
      s.netParams.stimTargetParams['bkg->PYR'].source = n;
    },
    'label',
  ],
  [
    'section label',
    (s, n) => {
      const secs = s.netParams.cellParams.PYR.secs;
      rename(secs, 'dend', n);
      s.netParams.cellParams.PYR.secLists.all = ['soma', n];
    },
    'label',
  ],
  ['undefined cellType', (s, n) => (s.netParams.popParams.S.cellType = n), 'refused'],
  ['undefined synMech', (s, n) => (s.netParams.connParams['S->M'].synMech = n), 'refused'],
  ['undefined stim source', (s, n) => (s.netParams.stimTargetParams['bkg->PYR'].source = n), 'refused'],
  ['synMech mod', (s, n) => (s.netParams.synMechParams.exc.mod = n), 'refused'],
  ['stim source type', (s, n) => (s.netParams.stimSourceParams.ic.type = n), 'refused'],
  ['pop cellModel', (s, n) => (s.netParams.popParams.N.cellModel = n), 'refused', 'netParams.popParams.N: missing cellType'],
  ['density mechanism', (s, n) => own(s.netParams.cellParams.PYR.secs.soma.mechs, n, {}), 'refused'],
  ['mechanism parameter', (s, n) => own(s.netParams.cellParams.PYR.secs.soma.mechs.hh, n, 1), 'refused'],
  ['synMech parameter', (s, n) => own(s.netParams.synMechParams.exc, n, 1), 'refused'],
  ['parent section', (s, n) => (s.netParams.cellParams.PYR.secs.dend.topol.parentSec = n), 'refused'],
  ['analysis function', (s, n) => (s.simConfig.analysis = Object.defineProperty({}, n, { value: {}, enumerable: true })), 'refused'],
];

function outcomeOf(json: string): { kind: 'built' } | { kind: 'refused'; message: string } {
  const { diagnostics } = validateModel(json, BUILTIN_MECHANISMS);
  const errors = diagnostics.errors;
  if (errors.length > 0) return { kind: 'refused', message: formatDiagnostic(errors[0]) };
  try {
    create(json);
    return { kind: 'built' };
  } catch (e) {
    if (e instanceof SpecError || e instanceof NetworkBuildError) return { kind: 'refused', message: e.message };
    throw e;
  }
}

describe('hostile labels and mechanism names', () => {
  for (const [site, mutate, expected, mentions] of MUTATIONS) {
    it.each(HOSTILE)(`${site} %s`, (name) => {
      const spec = baseSpec();
      spec.simConfig.duration = 1;
      mutate(spec, name);
      const outcome = outcomeOf(JSON.stringify(spec));
      if (expected === 'label') expect(outcome).toEqual({ kind: 'built' });
      else {
        expect(outcome.kind).toBe('refused');
        if (outcome.kind === 'refused') expect(outcome.message.split('\n')[0]).toContain(mentions ?? name);
      }
    });
  }
});
