/**
 * Moves every `style="…"` attribute of a rendered SVG into the SVG's own style sheet, as a class
 * rule scoped to the SVG's root id. Pages carry a Content-Security-Policy that allows style
 * sheets only by hash, and a policy hash cannot cover style attributes; Mermaid writes dozens
 * (edge colours, label boxes, the root's max-width). Declarations become `!important` so they
 * still win over Mermaid's own rules, as the attributes did.
 *
 * The root's `max-width` is also published as `--diagram-width`, which the site's CSS uses to
 * keep a diagram at reading size on a narrow screen.
 */
export function hoistSvgStyles(svg: string): string {
  const rootId = /^<svg[^>]*\sid="([^"]+)"/.exec(svg)?.[1];
  if (!rootId) return svg;
  const classes = new Map<string, string>();
  let isRoot = true;

  const out = svg.replace(/<([a-zA-Z][\w:-]*)(\s[^>]*?)?(\/?)>/g, (tag: string, name: string, attributes: string | undefined, selfClosing: string) => {
    const root = isRoot;
    isRoot = false;
    if (!attributes || !/\sstyle="/.test(attributes)) return tag;
    let declarations = /\sstyle="([^"]*)"/.exec(attributes)?.[1] ?? '';
    if (root) {
      const width = /max-width:\s*([\d.]+px)/.exec(declarations)?.[1];
      if (width) declarations = `${declarations};--diagram-width:${width}`;
    }
    let rest = attributes.replace(/\sstyle="[^"]*"/, '');
    const css = normalizeDeclarations(declarations);
    if (css === '') return `<${name}${rest}${selfClosing}>`;
    let className = classes.get(css);
    if (!className) {
      className = `${rootId}-s${classes.size + 1}`;
      classes.set(css, className);
    }
    if (/\sclass="/.test(rest)) rest = rest.replace(/\sclass="([^"]*)"/, (_match, existing: string) => ` class="${existing ? `${existing} ` : ''}${className}"`);
    else rest = `${rest} class="${className}"`;
    return `<${name}${rest}${selfClosing}>`;
  });
  if (classes.size === 0) return out;

  const rules = [...classes].map(([css, className]) => `#${rootId}.${className},#${rootId} .${className}{${css}}`).join('');
  if (/<style>/.test(out)) return out.replace(/<\/style>/, `${rules}</style>`);
  return out.replace(/^(<svg[^>]*>)/, `$1<style>${rules}</style>`);
}

/** `a: 1; b: 2 !important;;` → `a:1 !important;b:2 !important`, with HTML entities decoded. */
function normalizeDeclarations(style: string): string {
  return style
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    .split(';')
    .map((declaration) => declaration.trim())
    .filter((declaration) => /^[-\w]+\s*:/.test(declaration))
    .map((declaration) => {
      const [property = '', ...value] = declaration.split(':');
      const text = value.join(':').replace(/\s*!important\s*$/i, '').trim();
      return `${property.trim()}:${text} !important`;
    })
    .join(';');
}

/**
 * The `<style>` element texts of an SVG as the browser sees them, which a page's policy must list
 * by hash. Inside inline SVG a style element's text is parsed like any other text, so character
 * references (Mermaid writes `&gt;` for child selectors) are decoded before the browser hashes it.
 */
export function svgStyleSheets(svg: string): string[] {
  return [...svg.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => decodeCharacterReferences(match[1] ?? ''));
}

const NAMED_REFERENCES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeCharacterReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (reference, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return NAMED_REFERENCES[name.toLowerCase()] ?? reference;
  });
}
