import { orderedDict } from './ordered-dict.ts';

/** The deepest nesting of objects and arrays a JSON file may have (NetPyNE's files nest about 10 deep). */
export const MAX_JSON_DEPTH = 100;

/**
 * JSON.parse that keeps every object's key order as written (JSON.parse moves integer-like
 * keys first). Objects become OrderedDicts. Accepts NaN/Infinity/-Infinity, which Python's
 * json module writes for non-finite floats. Nesting deeper than MAX_JSON_DEPTH is refused (the
 * parser recurses once per level, so the depth bounds its stack).
 */
export function parseOrderedJson(text: string, sourceName = 'JSON'): unknown {
  return new OrderedJsonParser(text, sourceName).parseDocument();
}

class OrderedJsonParser {
  private pos = 0;
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly sourceName: string,
  ) {}

  parseDocument(): unknown {
    const value = this.value();
    this.skipSpace();
    if (this.pos < this.text.length) this.fail('unexpected text after the JSON value');
    return value;
  }

  private value(): unknown {
    this.skipSpace();
    const ch = this.text[this.pos];
    if (ch === '{' || ch === '[') {
      if (++this.depth > MAX_JSON_DEPTH) this.fail(`nested deeper than ${MAX_JSON_DEPTH} objects and arrays`);
      const value = ch === '{' ? this.object() : this.array();
      this.depth--;
      return value;
    }
    if (ch === '"') return this.string();
    if (ch === 't' && this.text.startsWith('true', this.pos)) return this.literal(4, true);
    if (ch === 'f' && this.text.startsWith('false', this.pos)) return this.literal(5, false);
    if (ch === 'n' && this.text.startsWith('null', this.pos)) return this.literal(4, null);
    if (ch === 'N' && this.text.startsWith('NaN', this.pos)) return this.literal(3, NaN);
    if (ch === 'I' && this.text.startsWith('Infinity', this.pos)) return this.literal(8, Infinity);
    if (ch === '-' && this.text.startsWith('-Infinity', this.pos)) return this.literal(9, -Infinity);
    return this.number();
  }

  private object(): unknown {
    this.pos++;
    const dict = orderedDict<unknown>();
    this.skipSpace();
    if (this.text[this.pos] === '}') {
      this.pos++;
      return dict;
    }
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') this.fail('expected a string key');
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos] !== ':') this.fail("expected ':'");
      this.pos++;
      dict[key] = this.value();
      this.skipSpace();
      const ch = this.text[this.pos++];
      if (ch === '}') return dict;
      if (ch !== ',') this.fail("expected ',' or '}'");
    }
  }

  private array(): unknown[] {
    this.pos++;
    const items: unknown[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') {
      this.pos++;
      return items;
    }
    for (;;) {
      items.push(this.value());
      this.skipSpace();
      const ch = this.text[this.pos++];
      if (ch === ']') return items;
      if (ch !== ',') this.fail("expected ',' or ']'");
    }
  }

  private string(): string {
    const start = this.pos;
    this.pos++;
    for (;;) {
      const ch = this.text[this.pos];
      if (ch === undefined) this.fail('unterminated string');
      if (ch === '"') break;
      this.pos += ch === '\\' ? 2 : 1;
    }
    this.pos++;
    try {
      return JSON.parse(this.text.slice(start, this.pos)) as string;
    } catch (e) {
      this.pos = start;
      return this.fail(`bad string: ${(e as Error).message.replace(/ in JSON at position \d+.*$/s, '')}`);
    }
  }

  private number(): number {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.text.slice(this.pos, this.pos + 400));
    if (!match) this.fail('unexpected character');
    this.pos += match[0].length;
    return Number(match[0]);
  }

  private literal(length: number, value: unknown): unknown {
    this.pos += length;
    return value;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  private fail(reason: string): never {
    const before = this.text.slice(0, this.pos);
    const line = before.split('\n').length;
    const column = this.pos - before.lastIndexOf('\n');
    throw new SyntaxError(`${this.sourceName}:${line}:${column}: ${reason}`);
  }
}

/**
 * The depth of the deepest object or array in `value` when it is nested deeper than
 * MAX_JSON_DEPTH (a cycle counts as infinitely deep), else null. Iterative: any depth is safe.
 */
export function excessNesting(value: unknown): string | null {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object' || ArrayBuffer.isView(item)) continue;
    if (depth >= MAX_JSON_DEPTH) return `nested deeper than ${MAX_JSON_DEPTH} objects and arrays (or holding itself)`;
    for (const child of Array.isArray(item) ? item : Object.values(item)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return null;
}
