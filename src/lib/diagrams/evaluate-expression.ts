import type { Expression } from './parse-expression.ts';

/** A variable's value: an integer, or an array of integers (ring slots). */
export type Value = number | readonly number[];

/** Thrown when a well-formed expression cannot be computed (unknown name, index out of range…). */
export class EvaluationError extends Error {}

/**
 * Computes an expression over integers; comparisons and logic give 1 or 0 like C.
 * `lookup` returns a variable's value, or undefined when no such variable exists.
 */
export function evaluateExpression(expression: Expression, lookup: (name: string) => Value | undefined): number {
  switch (expression.type) {
    case 'number':
      return expression.value;
    case 'name': {
      const value = lookup(expression.name);
      if (value === undefined) throw new EvaluationError(`"${expression.name}" has no value yet`);
      if (typeof value !== 'number') throw new EvaluationError(`"${expression.name}" is an array: index it, e.g. ${expression.name}[0]`);
      return value;
    }
    case 'index': {
      const value = lookup(expression.name);
      if (value === undefined) throw new EvaluationError(`"${expression.name}" has no value yet`);
      if (typeof value === 'number') throw new EvaluationError(`"${expression.name}" is a number, not an array`);
      const index = evaluateExpression(expression.index, lookup);
      const item = value[index];
      if (item === undefined) throw new EvaluationError(`${expression.name}[${index}] is out of range (${value.length} slots)`);
      return item;
    }
    case 'unary': {
      const operand = evaluateExpression(expression.operand, lookup);
      return expression.operator === '!' ? Number(operand === 0) : -operand;
    }
    case 'binary': {
      const left = evaluateExpression(expression.left, lookup);
      // && and || short-circuit, as in C.
      if (expression.operator === '&&') return left === 0 ? 0 : Number(evaluateExpression(expression.right, lookup) !== 0);
      if (expression.operator === '||') return left !== 0 ? 1 : Number(evaluateExpression(expression.right, lookup) !== 0);
      const right = evaluateExpression(expression.right, lookup);
      switch (expression.operator) {
        case '==':
          return Number(left === right);
        case '!=':
          return Number(left !== right);
        case '<':
          return Number(left < right);
        case '<=':
          return Number(left <= right);
        case '>':
          return Number(left > right);
        case '>=':
          return Number(left >= right);
        case '+':
          return left + right;
        case '-':
          return left - right;
        case '*':
          return left * right;
        case '/':
          if (right === 0) throw new EvaluationError('division by zero');
          return Math.trunc(left / right);
        case '%':
          if (right === 0) throw new EvaluationError('division by zero');
          return left % right;
        // Bitwise operators on values beyond 32 bits (0xdeadbeef…) go through BigInt so they stay exact.
        case '&':
          return Number(BigInt(left) & BigInt(right));
        case '|':
          return Number(BigInt(left) | BigInt(right));
      }
    }
  }
}
