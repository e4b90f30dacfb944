/*
 * Rust symbols in kernel stacks use the v0 mangling scheme (`_RNv…`, rustc `-C symbol-mangling-version=v0`,
 * the kernel's default): `_RNvXs1_CscPPBqWtAqum_11ashmem_rustNtB5_6AshmemNtNtCs43vyB533jt3_6kernel10miscdevice10MiscDevice4mmap`
 * is `<ashmem_rust::Ashmem as kernel::miscdevice::MiscDevice>::mmap`. This reads the parts of the
 * grammar a function's path uses (crate roots, nested names, inherent and trait impls, back
 * references, common types and generic arguments), leaving out crate hashes as people write the
 * name. Anything it does not understand gives undefined, and the caller keeps the mangled name.
 */

const BASIC_TYPES: Readonly<Record<string, string>> = {
  a: 'i8', b: 'bool', c: 'char', d: 'f64', e: 'str', f: 'f32', h: 'u8', i: 'isize', j: 'usize', l: 'i32', m: 'u32',
  n: 'i128', o: 'u128', s: 'i16', t: 'u16', u: '()', v: '...', x: 'i64', y: 'u64', z: '!', p: '_',
};

// Back references can point backwards into the symbol over and over; bounds on nesting and on
// the total work keep hostile input cheap.
const MAX_DEPTH = 40;
const MAX_STEPS = 2000;
const MAX_LENGTH = 400;

class Demangler {
  private depth = 0;
  private steps = 0;
  position = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  private peek(): string {
    return this.text[this.position] ?? '';
  }

  private eat(char: string): boolean {
    if (this.peek() !== char) return false;
    this.position++;
    return true;
  }

  private fail(): never {
    throw new Error('unsupported');
  }

  private nested<T>(read: () => T): T {
    if (++this.depth > MAX_DEPTH || ++this.steps > MAX_STEPS) this.fail();
    try {
      return read();
    } finally {
      this.depth--;
    }
  }

  /** `_` is 0; otherwise base-62 digits then `_`, plus one. */
  private base62(): number {
    if (this.eat('_')) return 0;
    let value = 0;
    for (;;) {
      const char = this.peek();
      if (char === '_') {
        this.position++;
        return value + 1;
      }
      const digit = /[0-9]/.test(char) ? char.charCodeAt(0) - 48 : /[a-z]/.test(char) ? char.charCodeAt(0) - 87 : /[A-Z]/.test(char) ? char.charCodeAt(0) - 29 : -1;
      if (digit < 0) this.fail();
      // Crate hashes are 64-bit; only back references need the exact value, and those are small.
      value = Math.min(value * 62 + digit, Number.MAX_SAFE_INTEGER);
      this.position++;
    }
  }

  private decimal(): number {
    const match = /^\d+/.exec(this.text.slice(this.position, this.position + 6));
    if (!match) this.fail();
    this.position += match[0].length;
    return Number(match[0]);
  }

  private disambiguator(): number {
    return this.eat('s') ? this.base62() + 1 : 0;
  }

  private identifier(): { name: string; disambiguator: number } {
    const disambiguator = this.disambiguator();
    if (this.peek() === 'u') this.fail(); // Punycode names: not in kernel code.
    const length = this.decimal();
    this.eat('_');
    const name = this.text.slice(this.position, this.position + length);
    if (name.length !== length) this.fail();
    this.position += length;
    return { name, disambiguator };
  }

  /** Runs `read` at the back-referenced position, then returns here. */
  private backref<T>(read: () => T): T {
    const target = this.base62();
    if (target >= this.position) this.fail();
    const resume = this.position;
    this.position = target;
    const result = this.nested(read);
    this.position = resume;
    return result;
  }

  path(): string {
    return this.nested(() => {
      const tag = this.text[this.position++] ?? '';
      switch (tag) {
        case 'C':
          return this.identifier().name;
        case 'M': {
          this.disambiguator();
          this.path();
          return `<${this.type()}>`;
        }
        case 'X': {
          this.disambiguator();
          this.path();
          const self = this.type();
          return `<${self} as ${this.path()}>`;
        }
        case 'Y': {
          const self = this.type();
          return `<${self} as ${this.path()}>`;
        }
        case 'N': {
          const namespace = this.text[this.position++] ?? '';
          const parent = this.path();
          const { name, disambiguator } = this.identifier();
          if (namespace === 'C') return `${parent}::{closure#${disambiguator}}`;
          if (/[A-Z]/.test(namespace)) return `${parent}::{${namespace}#${disambiguator}}`;
          if (!/[a-z]/.test(namespace)) this.fail();
          return name ? `${parent}::${name}` : parent;
        }
        case 'I': {
          const base = this.path();
          const args: string[] = [];
          while (!this.eat('E')) args.push(this.genericArg());
          return `${base}::<${args.join(', ')}>`;
        }
        case 'B':
          return this.backref(() => this.path());
        default:
          return this.fail();
      }
    });
  }

  private genericArg(): string {
    if (this.eat('L')) {
      this.base62();
      return "'_";
    }
    if (this.eat('K')) return this.constant();
    return this.type();
  }

  private constant(): string {
    if (this.eat('p')) return '_';
    if (this.eat('B')) return this.backref(() => this.constant());
    this.type();
    const negative = this.eat('n');
    const match = /^[0-9a-f]*_/.exec(this.text.slice(this.position, this.position + 34));
    if (!match) this.fail();
    this.position += match[0].length;
    const hex = match[0].slice(0, -1);
    return `${negative ? '-' : ''}${hex === '' ? '0' : BigInt(`0x${hex}`).toString()}`;
  }

  type(): string {
    return this.nested(() => {
      const tag = this.peek();
      const basic = BASIC_TYPES[tag];
      if (basic !== undefined && /[a-z]/.test(tag)) {
        this.position++;
        return basic;
      }
      this.position++;
      switch (tag) {
        case 'R':
        case 'Q': {
          if (this.eat('L')) this.base62();
          return `&${tag === 'Q' ? 'mut ' : ''}${this.type()}`;
        }
        case 'P':
          return `*const ${this.type()}`;
        case 'O':
          return `*mut ${this.type()}`;
        case 'A': {
          const element = this.type();
          return `[${element}; ${this.constant()}]`;
        }
        case 'S':
          return `[${this.type()}]`;
        case 'T': {
          const parts: string[] = [];
          while (!this.eat('E')) parts.push(this.type());
          return `(${parts.join(', ')}${parts.length === 1 ? ',' : ''})`;
        }
        case 'B':
          return this.backref(() => this.type());
        case 'C':
        case 'M':
        case 'X':
        case 'Y':
        case 'N':
        case 'I':
          this.position--;
          return this.path();
        default:
          return this.fail();
      }
    });
  }
}

/** The readable name of a v0-mangled Rust symbol, or undefined when it is not one this reads. */
export function demangleRust(symbol: string): string | undefined {
  if (!symbol.startsWith('_R') || symbol.length > 1000) return undefined;
  // Back references count from just after `_R`.
  const demangler = new Demangler(symbol.slice(2));
  try {
    if (/[0-9]/.test(symbol[2] ?? '')) return undefined;
    const name = demangler.path();
    return name.length <= MAX_LENGTH ? name : undefined;
  } catch {
    return undefined;
  }
}
