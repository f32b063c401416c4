import { didYouMean, joinPath } from '../../spec/index.ts';
import { ModifyError } from '../errors.ts';

// NetPyNE's condition matching for the modify API (sim/utils.py checkConditions, used by
// CompartCell.modify / modifySynMechs / modifyConns / modifyStims and Cell.checkConditions):
//   - a list of numbers is a closed range [min, max] (for 'gid' compared with the cell: membership),
//   - a list of strings is membership,
//   - a list-valued attribute (a cell's 'label' tags) must contain the value,
//   - anything else is Python equality (1 == 1.0 == True).
// Where NetPyNE raises (an empty list, a range over a missing or non-numeric attribute) the
// matcher throws ConditionError, which callers turn into a ModifyError or, where NetPyNE
// swallows the exception, into a match.

export type Conds = Record<string, unknown>;

/** Reads one attribute of the object conditions are checked against; undefined is Python's None. */
export type AttributeReader = (key: string) => unknown;

/** NetPyNE would raise here (TypeError / IndexError in checkConditions). */
export class ConditionError extends Error {
  constructor(
    readonly key: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'ConditionError';
  }
}

/** sim.utils.checkConditions(conds, against, cellGid): whether every condition holds. */
export function conditionsMet(conds: Conds, read: AttributeReader, cellGid?: number): boolean {
  for (const [key, cond] of Object.entries(conds)) {
    const gidCompare = cellGid !== undefined && key === 'gid';
    const actual = gidCompare ? cellGid : read(key);
    if (Array.isArray(cond)) {
      if (cond.length === 0) throw new ConditionError(key, cond, 'an empty list (NetPyNE raises IndexError)');
      if (isPyNumber(cond[0])) {
        if (gidCompare) {
          if (!cond.some((v) => pyEquals(v, actual))) return false;
        } else if (!inRange(key, cond, actual)) {
          return false;
        }
      } else if (typeof cond[0] === 'string') {
        if (!cond.some((v) => pyEquals(v, actual))) return false;
      }
    } else if (Array.isArray(actual)) {
      if (!actual.some((v) => pyEquals(cond, v))) return false;
    } else if (!pyEquals(actual, cond)) {
      return false;
    }
  }
  return true;
}

/** `actual < lo or actual > hi`, with Python's short-circuit and its TypeErrors. */
function inRange(key: string, cond: unknown[], actual: unknown): boolean {
  if (!isPyNumber(actual))
    throw new ConditionError(
      key,
      actual,
      `a range [min, max] needs a number, but the value is ${actual === undefined ? 'missing (None)' : JSON.stringify(actual)} (NetPyNE raises TypeError)`,
    );
  if (Number(actual) < Number(cond[0])) return false;
  if (cond.length < 2) throw new ConditionError(key, cond, 'a range needs [min, max] (NetPyNE raises IndexError)');
  if (!isPyNumber(cond[1])) throw new ConditionError(key, cond, 'a range [min, max] needs numbers (NetPyNE raises TypeError)');
  return !(Number(actual) > Number(cond[1]));
}

/** Python's == on JSON-like values (numbers and booleans compare numerically). */
export function pyEquals(a: unknown, b: unknown): boolean {
  if (isPyNumber(a) && isPyNumber(b)) return Number(a) === Number(b);
  if (a === undefined || a === null) return b === undefined || b === null;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((v, i) => pyEquals(v, b[i]));
  if (typeof a === 'object' && typeof b === 'object' && b !== null && !Array.isArray(b)) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return ka.length === kb.length && ka.every((k) => k in b && pyEquals((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

function isPyNumber(v: unknown): v is number | boolean {
  return typeof v === 'number' || typeof v === 'boolean';
}

/**
 * Checks the shape of a conds object before anything is matched: every key must be one the
 * matched objects can have (NetPyNE would silently match nothing), and list values must be
 * NetPyNE's ranges or string lists.
 */
export function checkConds(path: string, conds: unknown, known: Iterable<string>, what: string): Conds {
  if (typeof conds !== 'object' || conds === null || Array.isArray(conds)) throw new ModifyError(path, conds, 'expected an object of conditions {key: value}');
  const knownKeys = [...known];
  for (const [key, cond] of Object.entries(conds)) {
    const p = joinPath(path, key);
    if (!knownKeys.includes(key)) {
      throw new ModifyError(p, cond, `unknown condition key '${key}': ${what} have ${knownKeys.map((k) => `'${k}'`).join(', ')}${didYouMean(key, knownKeys)}`);
    }
    if (Array.isArray(cond)) {
      if (cond.length === 0) throw new ModifyError(p, cond, 'expected a non-empty list (NetPyNE raises IndexError on an empty one)');
      if (isPyNumber(cond[0])) {
        if (key !== 'gid' && (cond.length < 2 || !isPyNumber(cond[1])))
          throw new ModifyError(p, cond, 'a list of numbers is a range [min, max]: expected two numbers');
      } else if (typeof cond[0] !== 'string') {
        throw new ModifyError(p, cond, 'expected a range [min, max] or a list of strings (NetPyNE ignores a list of anything else)');
      }
    }
  }
  return conds as Conds;
}

/** conditionsMet, reporting NetPyNE's exceptions as a ModifyError at `path`. */
export function conditionsMetOrThrow(path: string, conds: Conds, read: AttributeReader, where: string, cellGid?: number): boolean {
  try {
    return conditionsMet(conds, read, cellGid);
  } catch (e) {
    if (e instanceof ConditionError) throw new ModifyError(joinPath(path, e.key), conds[e.key], `${e.reason}, for ${where}`);
    throw e;
  }
}
