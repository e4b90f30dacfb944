/**
 * A value followed through a trace (`--follow 0x16ce900`): a descriptor, an skb, a page, a pid.
 * A hex value matches however it is printed: any case, with leading zeros, and without its `0x`
 * in lists such as `remaining: [1dba100, 1627100]`. Anything else matches as written, as a
 * whole word, ignoring case.
 */
export interface FollowedValue {
  /** As given on the command line. */
  given: string;
  /** Whether it occurs in a text. */
  matches(text: string): boolean;
}

const HEX = /^0x0*([0-9a-f]+)$/i;
// A `0x` number ends at the first character that is not a hex digit, even a letter: an
// application that printed it without a separator (`expected 0x1000900remaining: […]`) still
// printed that value. A bare number has to stand alone.
const PREFIXED_HEX = /(?<![\w.])0x([0-9a-f]+)(?![0-9a-f])/gi;
const BARE_HEX = /(?<![\w.])([0-9a-f]+)(?![\w.])/gi;

/** Builds the matcher for one `--follow` value. */
export function followValue(given: string): FollowedValue {
  const hex = HEX.exec(given.trim());
  if (hex) {
    const digits = hex[1]!.toLowerCase();
    return {
      given,
      matches(text) {
        const same = (token: string) => token.replace(/^0+(?=.)/, '').toLowerCase() === digits;
        for (const token of text.matchAll(PREFIXED_HEX)) if (same(token[1]!)) return true;
        // A bare number only counts when it is long enough not to be a count or a small field.
        if (digits.length < 4) return false;
        for (const token of text.matchAll(BARE_HEX)) if (same(token[1]!)) return true;
        return false;
      },
    };
  }
  const escaped = given.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`(?<![\\w.])${escaped}(?![\\w])`, 'i');
  return { given, matches: (text) => pattern.test(text) };
}
