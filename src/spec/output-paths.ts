import type { Diagnostics } from './diagnostics.ts';
import { joinPath } from './diagnostics.ts';
import type { SimConfigData } from './types.ts';

// The files a model names for its outputs (saveFolder/filename, analysis saveFig and saveData,
// saveDat's trace files) are relative to the output folder the user chose and stay inside it:
// a model from a stranger must not write anywhere else. An absolute path, or one that climbs
// above the folder with '..', is refused up front (spikegpu run --allow-outside-paths lifts this).

/** Why a model-named output path would leave the output folder, or null when it stays inside. */
export function outputPathProblem(path: string): string | null {
  if (path.length === 0) return 'is empty';
  if (path.includes('\0')) return 'contains a NUL character';
  if (/^(?:[\\/]|[A-Za-z]:)/.test(path)) return 'is an absolute path';
  let depth = 0;
  for (const part of path.split(/[\\/]+/)) {
    if (part === '..') depth--;
    else if (part !== '.' && part !== '') depth++;
    if (depth < 0) return "climbs out of the output folder with '..'";
  }
  return null;
}

/** The advice every refusal carries. */
export const OUTSIDE_PATHS_ADVICE = 'a model writes only inside the output folder (--out-dir; --allow-outside-paths lifts this)';

/** Checks every output path a simConfig names; an error for each that would leave the output folder. */
export function checkOutputPaths(cfg: SimConfigData, diagnostics: Diagnostics): void {
  const check = (path: string, value: string, file = value) => {
    const problem = outputPathProblem(file);
    if (problem) diagnostics.error(path, value, `${file === value ? '' : `the file '${file}' `}${problem}: ${OUTSIDE_PATHS_ADVICE}`);
  };
  const folder = cfg.saveFolder ? `${cfg.saveFolder.replace(/\/+$/, '')}/` : '';
  if (cfg.saveFolder) check('simConfig.saveFolder', cfg.saveFolder);
  if (typeof cfg.filename === 'string' && !(cfg.saveFolder && outputPathProblem(cfg.saveFolder)))
    check('simConfig.filename', cfg.filename, `${cfg.saveJson ? folder : ''}${cfg.filename}_data.json`);
  for (const [name, given] of Object.entries(cfg.analysis ?? {})) {
    if (!given || typeof given !== 'object') continue;
    for (const option of ['saveFig', 'saveData']) {
      const value = (given as Record<string, unknown>)[option];
      if (typeof value === 'string' && value.length > 0) check(joinPath(joinPath('simConfig.analysis', name), option), value);
    }
  }
  if (cfg.saveDat) for (const trace of Object.keys(cfg.recordTraces ?? {})) check(joinPath('simConfig.recordTraces', trace), trace, `${trace}_cell.dat`);
}
