import { normalizeSymbol } from '../symbols/normalize-symbol.ts';
import { collectStackFrom } from './collect-stack.ts';
import type { StackFrame } from './frames.ts';
import type { LogLine } from './log-lines.ts';
import { compile } from './patterns.ts';

// Lock validator reports name the lock being taken, then where: `..., at: rtnl_lock+0x1a/0x30`.
const LOCK_AT = compile(String.raw`(?:at|\bat):\s*(?:\[<[0-9a-fA-F]+>\]\s*)?({FUNC})\+0x`);
const TRYING_LOCK = /\] takes:$|just changed the state of lock|with a lock still held there|is trying to acquire|is trying to release|acquire lock:|lock\(s\) held|took:|\{[A-Z-]+\} state was registered at:|is holding|lock held by|there are no more locks to release|at:$/;
const BACKTRACE = /^stack backtrace:$/;
const hasBacktrace = (lines: readonly LogLine[]) => lines.some((line) => BACKTRACE.test(line.text));

/**
 * Where the lock a lock validator report is about was taken: the `at:` of the first lock named
 * after the banner. Undefined when that site is a lock primitive and the report has the taking
 * task's own stack to look at instead (see lockTakerStack).
 */
export function lockSite(lines: readonly LogLine[], skip: (symbol: string) => boolean): string | undefined {
  // Only the first lock named after the banner: the one being taken.
  for (let index = 1; index < lines.length && index < 60; index++) {
    const text = lines[index]?.text ?? '';
    if (!TRYING_LOCK.test(text)) continue;
    for (let look = index; look < Math.min(lines.length, index + 4); look++) {
      const at = LOCK_AT.exec(lines[look]?.text ?? '');
      if (at?.[1]) return skip(normalizeSymbol(at[1])) && hasBacktrace(lines) ? undefined : normalizeSymbol(at[1]);
    }
    return undefined;
  }
  return undefined;
}

/** The stack of the task taking the lock (`stack backtrace:`), else undefined. */
export function lockTakerStack(lines: readonly LogLine[]): StackFrame[] | undefined {
  const backtrace = lines.findIndex((line) => BACKTRACE.test(line.text));
  return backtrace >= 0 ? collectStackFrom(lines, backtrace + 1).frames : undefined;
}
