/**
 * The little language of race steps: integer expressions over named variables and arrays,
 * and `;`-separated assignments. Parsed by hand (recursive descent), never evaluated as
 * JavaScript, so a spec can only compute, not run code.
 */

export type BinaryOperator = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%' | '&' | '|';

export type Expression =
  | { type: 'number'; value: number }
  | { type: 'name'; name: string }
  | { type: 'index'; name: string; index: Expression }
  | { type: 'unary'; operator: '!' | '-'; operand: Expression }
  | { type: 'binary'; operator: BinaryOperator; left: Expression; right: Expression };

/** `name = value` or `name[index] = value`. */
export interface Assignment {
  target: string;
  index?: Expression;
  value: Expression;
}

/** Thrown for text the grammar does not accept; `column` is 1-based. */
export class ExpressionSyntaxError extends Error {
  readonly column: number;
  constructor(message: string, column: number) {
    super(message);
    this.column = column;
  }
}

interface Token {
  kind: 'number' | 'name' | 'symbol' | 'end';
  text: string;
  column: number;
}

const SYMBOLS = ['||', '&&', '==', '!=', '<=', '>=', '<', '>', '+', '-', '*', '/', '%', '&', '|', '!', '(', ')', '[', ']', '=', ';'];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const rest = source.slice(at);
    const space = /^\s+/.exec(rest);
    if (space) {
      at += space[0].length;
      continue;
    }
    const number = /^(?:0[xX][0-9a-fA-F]+|\d+)/.exec(rest);
    if (number) {
      if (/^[A-Za-z_]/.test(rest.slice(number[0].length))) throw new ExpressionSyntaxError(`bad number "${rest.split(/[^\w]/)[0]}"`, at + 1);
      tokens.push({ kind: 'number', text: number[0], column: at + 1 });
      at += number[0].length;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest);
    if (name) {
      tokens.push({ kind: 'name', text: name[0], column: at + 1 });
      at += name[0].length;
      continue;
    }
    const symbol = SYMBOLS.find((candidate) => rest.startsWith(candidate));
    if (!symbol) throw new ExpressionSyntaxError(`unexpected character "${rest[0]}"`, at + 1);
    tokens.push({ kind: 'symbol', text: symbol, column: at + 1 });
    at += symbol.length;
  }
  tokens.push({ kind: 'end', text: '', column: source.length + 1 });
  return tokens;
}

/** Binding strength of each binary operator, loosest first. */
const PRECEDENCE: ReadonlyArray<readonly BinaryOperator[]> = [
  ['||'],
  ['&&'],
  ['|'],
  ['&'],
  ['==', '!='],
  ['<', '<=', '>', '>='],
  ['+', '-'],
  ['*', '/', '%'],
];

class Parser {
  private position = 0;
  private readonly tokens: Token[];
  constructor(tokens: Token[]) {
    this.tokens = tokens;
  }

  private peek(): Token {
    return this.tokens[this.position] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.position++;
    return token;
  }

  private expect(text: string): void {
    const token = this.next();
    if (token.text !== text || token.kind === 'end') throw new ExpressionSyntaxError(`expected "${text}", found ${describe(token)}`, token.column);
  }

  atEnd(): boolean {
    return this.peek().kind === 'end';
  }

  accept(text: string): boolean {
    if (this.peek().kind === 'symbol' && this.peek().text === text) {
      this.position++;
      return true;
    }
    return false;
  }

  expectEnd(): void {
    const token = this.peek();
    if (token.kind !== 'end') throw new ExpressionSyntaxError(`unexpected ${describe(token)}`, token.column);
  }

  expression(level = 0): Expression {
    const operators = PRECEDENCE[level];
    if (!operators) return this.unary();
    let left = this.expression(level + 1);
    for (;;) {
      const token = this.peek();
      const operator = operators.find((candidate) => token.kind === 'symbol' && token.text === candidate);
      if (!operator) return left;
      this.next();
      left = { type: 'binary', operator, left, right: this.expression(level + 1) };
    }
  }

  private unary(): Expression {
    if (this.accept('!')) return { type: 'unary', operator: '!', operand: this.unary() };
    if (this.accept('-')) return { type: 'unary', operator: '-', operand: this.unary() };
    return this.primary();
  }

  private primary(): Expression {
    const token = this.next();
    if (token.kind === 'number') return { type: 'number', value: Number(token.text) };
    if (token.kind === 'name') {
      if (this.accept('[')) {
        const index = this.expression();
        this.expect(']');
        return { type: 'index', name: token.text, index };
      }
      return { type: 'name', name: token.text };
    }
    if (token.kind === 'symbol' && token.text === '(') {
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    throw new ExpressionSyntaxError(`expected a number, a name or "(", found ${describe(token)}`, token.column);
  }

  assignment(): Assignment {
    const target = this.next();
    if (target.kind !== 'name') throw new ExpressionSyntaxError(`expected a variable to assign to, found ${describe(target)}`, target.column);
    let index: Expression | undefined;
    if (this.accept('[')) {
      index = this.expression();
      this.expect(']');
    }
    this.expect('=');
    const value = this.expression();
    return index === undefined ? { target: target.text, value } : { target: target.text, index, value };
  }
}

function describe(token: Token): string {
  return token.kind === 'end' ? 'the end' : `"${token.text}"`;
}

/** Parses one expression such as `producer > consumer && seen != 0xdeadbeef`. */
export function parseExpression(source: string): Expression {
  const parser = new Parser(tokenize(source));
  const expression = parser.expression();
  parser.expectEnd();
  return expression;
}

/** Parses `a = b; c[i] = d` into its assignments, in order. A trailing `;` is allowed. */
export function parseAssignments(source: string): Assignment[] {
  const parser = new Parser(tokenize(source));
  const assignments: Assignment[] = [];
  do {
    if (parser.atEnd()) break;
    assignments.push(parser.assignment());
  } while (parser.accept(';'));
  parser.expectEnd();
  if (assignments.length === 0) throw new ExpressionSyntaxError('expected an assignment such as `x = 1`', 1);
  return assignments;
}

/** Every variable an expression reads, each once, in order of appearance. */
export function namesRead(expression: Expression, into: string[] = []): string[] {
  switch (expression.type) {
    case 'number':
      break;
    case 'name':
      if (!into.includes(expression.name)) into.push(expression.name);
      break;
    case 'index':
      if (!into.includes(expression.name)) into.push(expression.name);
      namesRead(expression.index, into);
      break;
    case 'unary':
      namesRead(expression.operand, into);
      break;
    case 'binary':
      namesRead(expression.left, into);
      namesRead(expression.right, into);
      break;
  }
  return into;
}
