import { isNode, isPair, isScalar, LineCounter, parseDocument, type Node } from 'yaml';

/** A YAML syntax problem at a line of the frontmatter. */
export interface YamlProblem {
  line: number;
  message: string;
}

/** Parsed frontmatter that can say on which file line any value starts. */
export interface ParsedFrontmatter {
  data: unknown;
  problems: YamlProblem[];
  /** 1-based file line of the value at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number;
  /** The text the author wrote for the value at `path` (`5.10`, where the data holds 5.1). */
  sourceOf(path: readonly PropertyKey[]): string | undefined;
}

/** Parses frontmatter YAML whose first line is file line `startLine`. */
export function parseFrontmatter(yamlText: string, startLine: number): ParsedFrontmatter {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + startLine - 1;

  const problems = document.errors.map((error) => ({
    line: toFileLine(error.pos[0]),
    message: error.message.split('\n')[0] ?? error.message,
  }));

  const lineOf = (path: readonly PropertyKey[]): number => {
    let node: unknown = document.contents;
    let line = node && isNode(node) && node.range ? toFileLine(node.range[0]) : startLine;
    for (const key of path) {
      const child = childOf(node, key);
      if (child === undefined) break;
      node = child.value ?? child.key;
      const range = (child.value ?? child.key)?.range;
      if (range) line = toFileLine(range[0]);
    }
    return line;
  };

  const sourceOf = (path: readonly PropertyKey[]): string | undefined => {
    let node: unknown = document.contents;
    for (const key of path) {
      const child = childOf(node, key);
      if (child === undefined) return undefined;
      node = child.value;
    }
    const range = isNode(node) ? node.range : undefined;
    return range ? yamlText.slice(range[0], range[1]) : undefined;
  };

  return { data: problems.length > 0 ? undefined : document.toJS(), problems, lineOf, sourceOf };
}

interface Child {
  key: Node | null;
  value: Node | null;
}

function childOf(node: unknown, key: PropertyKey): Child | undefined {
  if (!isNode(node) || !('items' in node)) return undefined;
  const items = (node as { items: unknown[] }).items;
  if (typeof key === 'number') {
    const item = items[key];
    if (item === undefined) return undefined;
    return isPair(item) ? pairChild(item) : { key: null, value: isNode(item) ? item : null };
  }
  for (const item of items) {
    if (isPair(item) && isScalar(item.key) && String(item.key.value) === String(key)) return pairChild(item);
  }
  return undefined;
}

function pairChild(pair: { key: unknown; value: unknown }): Child {
  return { key: isNode(pair.key) ? pair.key : null, value: isNode(pair.value) ? pair.value : null };
}
