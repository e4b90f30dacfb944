/** A Markdown file cut into its YAML frontmatter and its body. */
export interface FrontmatterSplit {
  /** The YAML text between the `---` fences, or `null` when the file has none. */
  yaml: string | null;
  /** 1-based line in the file where the YAML text starts. */
  yamlStartLine: number;
  /** The Markdown after the closing fence. */
  body: string;
  /** 1-based line in the file where the body starts. */
  bodyStartLine: number;
}

const FENCE = /^---[ \t]*$/;

/** Splits `---\n<yaml>\n---\n<body>`; a file that does not open with a fence has no frontmatter. */
export function splitFrontmatter(source: string): FrontmatterSplit {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  if (lines.length === 0 || !FENCE.test(lines[0] ?? '')) {
    return { yaml: null, yamlStartLine: 1, body: text, bodyStartLine: 1 };
  }
  for (let index = 1; index < lines.length; index++) {
    if (FENCE.test(lines[index] ?? '')) {
      return {
        yaml: lines.slice(1, index).join('\n'),
        yamlStartLine: 2,
        body: lines.slice(index + 1).join('\n'),
        bodyStartLine: index + 2,
      };
    }
  }
  return { yaml: null, yamlStartLine: 1, body: text, bodyStartLine: 1 };
}
