import type { Callable, Decl, NeuronBlock, Program, UnitDef, UseIon } from './ast.ts';
import { NmodlError, type Pos } from './errors.ts';
import { Lexer, type Token } from './lexer.ts';
import { StatementParser } from './statements.ts';
import { unitConstant } from './units.ts';

// The top level of a mod file (nocmodl parse1.y `all`): TITLE, NEURON, UNITS, the declaration
// blocks, the code blocks, INCLUDE. Reads into a Program; gives no meaning to names yet.

/** Returns the text of an INCLUDEd file, or null when there is none of that name. */
export type IncludeReader = (name: string) => string | null;

/** Most INCLUDE levels followed (a file including itself is refused before this). */
const MAX_INCLUDE_DEPTH = 8;

export function parseMod(file: string, source: string, include: IncludeReader = () => null): Program {
  const program: Program = {
    file,
    title: '',
    neuron: null,
    units: [],
    parameters: [],
    constants: [],
    assigned: [],
    states: [],
    locals: [],
    initial: null,
    breakpoint: null,
    derivatives: [],
    kinetics: [],
    linears: [],
    nonlinears: [],
    functions: [],
    procedures: [],
    netReceive: null,
    others: [],
    nameOrder: new Map(),
  };
  new TopLevel(file, source, program, include, [file]).parse();
  return program;
}

class TopLevel {
  private readonly lex: Lexer;
  private readonly stmts: StatementParser;
  private readonly defines = new Map<string, number>();

  constructor(
    private readonly file: string,
    source: string,
    private readonly program: Program,
    private readonly include: IncludeReader,
    private readonly includeChain: string[],
  ) {
    this.lex = new Lexer(file, source, program.nameOrder);
    this.stmts = new StatementParser(this.lex);
  }

  parse(): void {
    for (let token = this.lex.next(); token.kind !== 'eof'; token = this.lex.next()) this.topLevel(token);
  }

  private topLevel(token: Token): void {
    const p = this.program;
    const pos = token.pos;
    if (token.kind === 'title') {
      p.title ||= token.text;
      return;
    }
    if (token.kind === 'verbatim') {
      p.others.push({ word: 'VERBATIM', body: [{ kind: 'verbatim', text: token.text, pos }], pos });
      return;
    }
    if (token.kind !== 'name') this.lex.fail(pos, `expected a block keyword (NEURON, PARAMETER, BREAKPOINT ...), found '${token.text}'`);
    switch (token.text) {
      case 'NEURON':
        p.neuron = this.neuronBlock(pos, p.neuron);
        return;
      case 'UNITS':
        p.units.push(...this.unitsBlock());
        return;
      case 'PARAMETER':
        p.parameters.push(...this.declarations(true));
        return;
      case 'CONSTANT':
        p.constants.push(...this.declarations(true));
        return;
      case 'ASSIGNED':
        p.assigned.push(...this.declarations(false));
        return;
      case 'STATE':
        p.states.push(...this.declarations(false));
        return;
      case 'LOCAL':
        p.locals.push(...this.stmts.names());
        return;
      case 'INDEPENDENT':
        this.skipBraces(pos);
        return;
      // A second INITIAL or BREAKPOINT block runs after the first (nocmodl appends it).
      case 'INITIAL':
        p.initial = [...(p.initial ?? []), ...this.stmts.block()];
        return;
      case 'BREAKPOINT':
        p.breakpoint = [...(p.breakpoint ?? []), ...this.stmts.block()];
        return;
      case 'DERIVATIVE':
        p.derivatives.push(this.named(pos));
        return;
      case 'KINETIC':
        p.kinetics.push(this.named(pos));
        return;
      case 'LINEAR':
        p.linears.push(this.named(pos, true));
        return;
      case 'NONLINEAR':
        p.nonlinears.push(this.named(pos, true));
        return;
      case 'FUNCTION':
        p.functions.push(this.callable(pos));
        return;
      case 'PROCEDURE':
        p.procedures.push(this.callable(pos));
        return;
      case 'NET_RECEIVE':
        if (p.netReceive) this.lex.fail(pos, 'a second NET_RECEIVE block');
        p.netReceive = this.netReceive(pos);
        return;
      case 'INCLUDE':
        this.includeFile(pos);
        return;
      case 'ENDCOMMENT':
        return;
      case 'CONSTRUCTOR':
      case 'DESTRUCTOR':
        p.others.push({ word: token.text, body: this.stmts.block(), pos });
        return;
      case 'BEFORE':
      case 'AFTER': {
        const when = this.stmts.name();
        p.others.push({ word: `${token.text} ${when}`, body: this.stmts.block(), pos });
        return;
      }
      case 'DEFINE': {
        const name = this.stmts.name();
        const value = this.signedNumber();
        this.defines.set(name, value);
        // nocmodl substitutes the name everywhere after it: a constant of the code blocks too
        p.constants.push({ name, size: null, value, units: null, range: null, pos: token.pos });
        return;
      }
      case 'FUNCTION_TABLE':
      case 'DISCRETE':
      case 'PARTIAL':
      case 'TERMINAL':
      case 'MATCH':
      case 'PLOT':
        p.others.push({ word: token.text, body: null, pos });
        this.skipTopLevel(token);
        return;
    }
    this.lex.fail(pos, `unknown block '${token.text}'`);
  }

  private named(pos: Pos, solveFor = false): Callable {
    const name = this.stmts.name();
    if (solveFor && this.lex.peek().text === 'SOLVEFOR') {
      this.lex.next();
      this.stmts.names();
    }
    return { name, args: [], body: this.stmts.block(), pos };
  }

  private callable(pos: Pos): Callable {
    const name = this.stmts.name();
    this.stmts.exprs.expect('(');
    const args = this.stmts.arguments();
    this.stmts.optionalUnits();
    return { name, args, body: this.stmts.block(), pos };
  }

  private netReceive(pos: Pos): Callable {
    let args: Callable['args'] = [];
    if (this.lex.peek().text === '(') {
      this.lex.next();
      args = this.stmts.arguments();
    }
    return { name: 'NET_RECEIVE', args, body: this.stmts.block(), pos };
  }

  /** A NEURON block; a second one adds to the first (nocmodl merges them). */
  private neuronBlock(pos: Pos, first: NeuronBlock | null): NeuronBlock {
    const n: NeuronBlock = first ?? {
      kind: null,
      name: '',
      ions: [],
      nonspecific: [],
      electrode: [],
      currents: [],
      range: [],
      global: [],
      pointer: [],
      threadsafe: false,
      pos,
    };
    this.stmts.exprs.expect('{');
    for (let t = this.lex.next(); !(t.kind === 'punct' && t.text === '}'); t = this.lex.next()) {
      if (t.kind === 'verbatim') continue;
      if (t.kind !== 'name') this.lex.fail(t.pos, t.kind === 'eof' ? 'NEURON block without its closing }' : `unexpected '${t.text}' in the NEURON block`);
      switch (t.text) {
        case 'SUFFIX':
        case 'POINT_PROCESS':
        case 'ARTIFICIAL_CELL':
          if (n.kind) this.lex.fail(t.pos, `a second mechanism name (${t.text}); the NEURON block already has ${n.kind} ${n.name}`);
          n.kind = t.text;
          n.name = this.stmts.name();
          break;
        case 'USEION': {
          const use = this.useIon(t.pos);
          n.ions.push(use);
          n.currents.push(...use.write.filter((x) => x === `i${use.ion}`));
          break;
        }
        case 'NONSPECIFIC_CURRENT': {
          const names = this.stmts.names();
          n.nonspecific.push(...names);
          n.currents.push(...names);
          break;
        }
        case 'ELECTRODE_CURRENT': {
          const names = this.stmts.names();
          n.electrode.push(...names);
          n.currents.push(...names);
          break;
        }
        case 'RANGE':
          n.range.push(...this.stmts.names());
          break;
        case 'GLOBAL':
          n.global.push(...this.stmts.names());
          break;
        case 'POINTER':
        case 'BBCOREPOINTER':
          n.pointer.push(...this.stmts.names());
          break;
        case 'EXTERNAL':
          this.stmts.names();
          break;
        case 'THREADSAFE':
          n.threadsafe = true;
          if (this.lex.peek().kind === 'name' && !NEURON_WORDS.has(this.lex.peek().text)) this.stmts.names();
          break;
        case 'CONDUCTANCE':
          this.stmts.name();
          if (this.lex.peek().text === 'USEION') {
            this.lex.next();
            this.stmts.name();
          }
          break;
        case 'REPRESENTS':
          this.lex.next();
          break;
        default:
          this.lex.fail(t.pos, `unknown NEURON block statement '${t.text}'`);
      }
    }
    return n;
  }

  private useIon(pos: Pos): UseIon {
    const ion: UseIon = { ion: this.stmts.name(), read: [], write: [], valence: null, pos };
    for (;;) {
      const word = this.lex.peek().text;
      if (word === 'READ') {
        this.lex.next();
        ion.read.push(...this.stmts.names());
      } else if (word === 'WRITE') {
        this.lex.next();
        ion.write.push(...this.stmts.names());
      } else if (word === 'VALENCE') {
        this.lex.next();
        ion.valence = this.signedNumber();
      } else if (word === 'REPRESENTS') {
        this.lex.next();
        this.lex.next();
      } else return ion;
    }
  }

  /** A number, or a name given by DEFINE. */
  private signedNumber(): number {
    let sign = 1;
    if (this.lex.peek().text === '-' || this.lex.peek().text === '+') sign = this.lex.next().text === '-' ? -1 : 1;
    const token = this.lex.next();
    const defined = token.kind === 'name' ? this.defines.get(token.text) : undefined;
    if (defined !== undefined) return sign * defined;
    if (token.kind !== 'number') this.lex.fail(token.pos, `expected a number, found '${token.text || 'end of file'}'`);
    return sign * Number(token.text);
  }

  /** UNITS { (mA) = (milliamp)  FARADAY = (faraday) (coulomb)  R = 8.314 (joule/degC) } */
  private unitsBlock(): UnitDef[] {
    const out: UnitDef[] = [];
    this.stmts.exprs.expect('{');
    for (let t = this.lex.next(); !(t.kind === 'punct' && t.text === '}'); t = this.lex.next()) {
      if (t.kind === 'punct' && t.text === '(') {
        const name = this.lex.rawUnits(t);
        this.stmts.exprs.expect('=');
        const open = this.stmts.exprs.expect('(');
        this.lex.rawUnits(open);
        out.push({ name, value: null, pos: t.pos });
        continue;
      }
      if (t.kind !== 'name') this.lex.fail(t.pos, t.kind === 'eof' ? 'UNITS block without its closing }' : `unexpected '${t.text}' in the UNITS block`);
      this.stmts.exprs.expect('=');
      const next = this.lex.peek();
      if (next.kind === 'punct' && next.text === '(') {
        this.lex.next();
        const units = this.lex.rawUnits(next);
        const target = this.stmts.optionalUnits() ?? '1';
        const value = unitConstant(units, target);
        if (value === null) this.lex.fail(next.pos, `(${units}) (${target}) is not in spikegpu's copy of NEURON's unit database`);
        out.push({ name: t.text, value, pos: t.pos });
      } else {
        const value = this.signedNumber();
        this.stmts.optionalUnits();
        out.push({ name: t.text, value, pos: t.pos });
      }
    }
    return out;
  }

  /**
   * PARAMETER / CONSTANT (`withValues`): name [[n]] [= value] [(units)] [<lo, hi>];
   * ASSIGNED / STATE: name [[n]] [(units)] [<tolerance>] [FROM a TO b].
   */
  private declarations(withValues: boolean): Decl[] {
    const out: Decl[] = [];
    this.stmts.exprs.expect('{');
    for (let t = this.lex.next(); !(t.kind === 'punct' && t.text === '}'); t = this.lex.next()) {
      if (t.kind !== 'name')
        this.lex.fail(t.pos, t.kind === 'eof' ? 'declaration block without its closing }' : `expected a name in a declaration block, found '${t.text}'`);
      const decl: Decl = { name: t.text, size: null, value: null, units: null, range: null, pos: t.pos };
      if (this.lex.peek().text === '[') {
        this.lex.next();
        decl.size = this.signedNumber();
        this.stmts.exprs.expect(']');
      }
      if (withValues && this.lex.peek().text === '=') {
        this.lex.next();
        decl.value = this.signedNumber();
      }
      decl.units = this.stmts.optionalUnits();
      if (this.lex.peek().text === '<') {
        this.lex.next();
        const lo = this.signedNumber();
        let hi = lo;
        if (this.lex.peek().text === ',') {
          this.lex.next();
          hi = this.signedNumber();
        }
        this.stmts.exprs.expect('>');
        if (withValues) decl.range = [lo, hi];
      }
      if (this.lex.peek().text === 'FROM') {
        this.lex.next();
        this.signedNumber();
        this.stmts.word('TO');
        this.signedNumber();
        if (this.lex.peek().text === 'WITH') {
          this.lex.next();
          this.signedNumber();
        }
        this.stmts.optionalUnits();
      }
      out.push(decl);
    }
    return out;
  }

  private includeFile(pos: Pos): void {
    const token = this.lex.next();
    if (token.kind !== 'string') this.lex.fail(token.pos, 'INCLUDE needs a file name in double quotes');
    const name = token.text;
    if (this.includeChain.includes(name)) this.lex.fail(pos, `INCLUDE "${name}" includes itself`);
    if (this.includeChain.length > MAX_INCLUDE_DEPTH) this.lex.fail(pos, `INCLUDEs nested more than ${MAX_INCLUDE_DEPTH} deep`);
    const text = this.include(name);
    if (text === null) this.lex.fail(pos, `INCLUDE "${name}": no such file beside the mod file`);
    try {
      new TopLevel(name, text, this.program, this.include, [...this.includeChain, name]).parse();
    } catch (e) {
      if (e instanceof NmodlError) throw new NmodlError(this.file, pos, `in INCLUDE "${name}": ${e.message}`);
      throw e;
    }
  }

  /** Skips `{ ... }` with nesting (INDEPENDENT). */
  private skipBraces(pos: Pos): void {
    this.stmts.exprs.expect('{');
    let depth = 1;
    while (depth > 0) {
      const t = this.lex.next();
      if (t.kind === 'eof') this.lex.fail(pos, 'block without its closing }');
      if (t.kind === 'punct' && t.text === '{') depth++;
      if (t.kind === 'punct' && t.text === '}') depth--;
    }
  }

  /** Skips a refused top-level construct: its header and its braces if it has any. */
  private skipTopLevel(token: Token): void {
    for (let t = this.lex.peek(); ; t = this.lex.peek()) {
      if (t.kind === 'eof') return;
      if (t.kind === 'punct' && t.text === '{') {
        this.skipBraces(token.pos);
        return;
      }
      if (t.pos.line !== token.pos.line) return;
      this.lex.next();
    }
  }
}

const NEURON_WORDS = new Set([
  'SUFFIX',
  'POINT_PROCESS',
  'ARTIFICIAL_CELL',
  'USEION',
  'NONSPECIFIC_CURRENT',
  'ELECTRODE_CURRENT',
  'RANGE',
  'GLOBAL',
  'POINTER',
  'BBCOREPOINTER',
  'EXTERNAL',
  'THREADSAFE',
  'CONDUCTANCE',
  'REPRESENTS',
]);
