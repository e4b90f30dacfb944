import { CORE_SCHEMA, load, YAMLException } from 'js-yaml';
import { isNode, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';

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

/**
 * Parses frontmatter YAML whose first line is file line `startLine`.
 *
 * The data comes from js-yaml, the parser Astro itself reads frontmatter with, under YAML 1.2's core
 * schema: no timestamp type, so `2021-13-01` stays text the schema rejects instead of becoming a
 * Date that rolls over into 2022. Positions come from a second, slower parse with `yaml`'s
 * document model, made only when a message needs a line: at ten thousand valid files that parse
 * would be most of the check's time.
 */
export function parseFrontmatter(yamlText: string, startLine: number): ParsedFrontmatter {
  let positioned: PositionedDocument | undefined;
  const document = () => (positioned ??= parsePositioned(yamlText, startLine));

  let data: unknown;
  let problems: YamlProblem[] = [];
  try {
    data = load(yamlText, { schema: CORE_SCHEMA });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    // `yaml` words most syntax errors better and points at them more exactly; js-yaml's own
    // message stands when only it objects (a duplicate key the other accepts, for one).
    problems = document().problems;
    if (problems.length === 0) problems = [{ line: startLine + error.mark.line, message: error.reason }];
    data = undefined;
  }

  return {
    data,
    problems,
    lineOf: (path) => document().lineOf(path),
    sourceOf: (path) => document().sourceOf(path),
  };
}

interface PositionedDocument {
  problems: YamlProblem[];
  lineOf(path: readonly PropertyKey[]): number;
  sourceOf(path: readonly PropertyKey[]): string | undefined;
}

function parsePositioned(yamlText: string, startLine: number): PositionedDocument {
  const lineCounter = new LineCounter();
  const document: Document = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
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

  return { problems, lineOf, sourceOf };
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
