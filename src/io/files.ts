/// <reference types="node" />
import { closeSync, fstatSync, mkdirSync, openSync, readSync, realpathSync, rmSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { outputPathProblem } from '../spec/output-paths.ts';

// Every file spikegpu writes or reads in Node goes through here. Writes land under one output
// folder (OutputDir): a path a model names may not be absolute or climb out with '..', and no
// folder on the way may be a link leading out, unless the user allowed it. Each file is written
// to a temporary file beside it and renamed into place, so a failed or interrupted write never
// leaves a truncated file that looks like a result. Reads take regular files of bounded size
// only (not /dev/zero, not a FIFO). Failures are one line: the path and the reason.

/** A file that could not be read or written, or a path a model may not use. */
export class FileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileError';
  }
}

/** The largest file spikegpu reads as text [bytes]: just under V8's longest string (2^29 - 24 UTF-16 units). */
export const MAX_INPUT_BYTES = 2 ** 29 - 2 ** 20;

/** The largest binary file of a saved simData [bytes] (its arrays are bounded one by one too). */
export const MAX_BINARY_BYTES = 2 ** 31;

/** Temporary files being written now; removed when the process is interrupted. */
const pending = new Set<string>();

/** Removes the temporary files of writes in progress (for a SIGINT/SIGTERM handler). */
export function removePartialFiles(): void {
  for (const file of pending) rmSync(file, { force: true });
  pending.clear();
}

export type FileContent = string | Uint8Array | Iterable<string | Uint8Array>;

/** The folder a run's outputs go to, and the paths inside it. */
export class OutputDir {
  /** The folder, absolute. */
  readonly root: string;
  private readonly allowOutside: boolean;

  constructor(root: string, options: { allowOutside?: boolean } = {}) {
    this.root = resolve(root);
    this.allowOutside = options.allowOutside ?? false;
  }

  /** The absolute path of `path` under the folder; `what` names it in errors (e.g. 'simConfig.analysis.plotRaster.saveFig'). */
  resolve(path: string, what: string): string {
    if (!this.allowOutside) {
      const problem = outputPathProblem(path);
      if (problem) throw new FileError(`${what}: '${path}' ${problem}; outputs stay inside ${this.root} (--allow-outside-paths lifts this)`);
    }
    return resolve(this.root, path);
  }

  /** Writes `content` to `path` (relative to the folder) atomically; returns the path as printed to users. */
  async write(path: string, what: string, content: FileContent): Promise<string> {
    const target = this.resolve(path, what);
    const folder = dirname(target);
    try {
      mkdirSync(folder, { recursive: true });
    } catch (e) {
      throw fileError(`cannot create the folder ${shown(folder)}`, e);
    }
    if (!this.allowOutside) this.checkNoLinkOut(folder, path, what);
    const temporary = join(folder, `.${basename(target)}.${process.pid}.partial`);
    pending.add(temporary);
    try {
      const handle = await open(temporary, 'w');
      try {
        for (const block of blocks(content)) {
          // a write may take fewer bytes than given (a disk filling up): the rest follows, or the error
          const bytes = typeof block === 'string' ? Buffer.from(block) : block;
          for (let at = 0; at < bytes.length; ) at += (await handle.write(bytes, at, bytes.length - at)).bytesWritten;
        }
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, target);
    } catch (e) {
      await rm(temporary, { force: true });
      throw fileError(`cannot write ${shown(target)}`, e);
    } finally {
      pending.delete(temporary);
    }
    return shown(target);
  }

  /** A folder of the path that is a symbolic link leading out of the output folder is refused. */
  private checkNoLinkOut(folder: string, path: string, what: string): void {
    const inside = relative(realpathSync(this.root), realpathSync(folder));
    if (inside === '..' || inside.startsWith(`..${sep}`) || resolve(inside) === inside)
      throw new FileError(`${what}: '${path}' leads out of ${this.root} through a symbolic link (--allow-outside-paths lifts this)`);
  }
}

/** The text of a regular file of at most `maxBytes`; anything else is a one-line FileError. */
export function readTextFile(path: string, maxBytes = MAX_INPUT_BYTES): string {
  return Buffer.from(readBoundedFile(path, maxBytes)).toString('utf8');
}

/** The bytes of a regular file of at most `maxBytes` (checked before reading: /dev/zero or a FIFO is refused, not read). */
export function readBoundedFile(path: string, maxBytes: number, expectedBytes?: number): Uint8Array {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw fileError(`cannot read ${path}`, e);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new FileError(`cannot read ${path}: not a regular file`);
    if (stat.size > maxBytes) throw new FileError(`cannot read ${path}: ${stat.size} bytes, more than the ${maxBytes} spikegpu reads`);
    if (expectedBytes !== undefined && stat.size !== expectedBytes)
      throw new FileError(`cannot read ${path}: ${stat.size} bytes, but its saved data declares ${expectedBytes}`);
    const bytes = new Uint8Array(stat.size);
    for (let at = 0; at < bytes.length; ) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) throw new FileError(`cannot read ${path}: it shrank while being read`);
      at += n;
    }
    return bytes;
  } catch (e) {
    throw e instanceof FileError ? e : fileError(`cannot read ${path}`, e);
  } finally {
    closeSync(fd);
  }
}

/** Text is written in blocks of about this many characters (one system call each, not one per chunk). */
const BLOCK_CHARS = 2 ** 20;

/** The content as blocks to write: bytes as they are, text chunks joined up to BLOCK_CHARS. */
function* blocks(content: FileContent): Iterable<string | Uint8Array> {
  if (typeof content === 'string' || content instanceof Uint8Array) {
    yield content;
    return;
  }
  let text: string[] = [];
  let length = 0;
  for (const chunk of content) {
    if (typeof chunk !== 'string') {
      if (length > 0) yield text.join('');
      text = [];
      length = 0;
      yield chunk;
      continue;
    }
    text.push(chunk);
    length += chunk.length;
    if (length >= BLOCK_CHARS) {
      yield text.join('');
      text = [];
      length = 0;
    }
  }
  if (length > 0) yield text.join('');
}

/** A path relative to the current folder when it lies inside it, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === '' || rel.startsWith('..') || resolve(rel) === rel ? path : rel;
}

/** Node's system errors in words. */
const REASONS: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'it is a folder',
  EEXIST: 'a file of that name exists',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many symbolic links',
  EIO: 'input/output error',
  EFBIG: 'the file is too large',
};

/** `cannot write out/x.json: no space left on the device (ENOSPC)` */
export function fileError(what: string, e: unknown): FileError {
  if (e instanceof FileError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  const reason = code && Object.hasOwn(REASONS, code) ? REASONS[code] : e instanceof Error ? e.message : String(e);
  return new FileError(`${what}: ${reason}${code ? ` (${code})` : ''}`);
}
