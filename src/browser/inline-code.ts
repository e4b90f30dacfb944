/**
 * Text written in Markdown (a tool's "why" from the triage index) as DOM nodes: each
 * backtick-delimited code span becomes a `<code>` element, everything else stays text. Built
 * from text nodes only, so nothing in the data can become markup. An unmatched backtick is text.
 */
export function inlineCodeNodes(doc: Document, text: string): Node[] {
  const nodes: Node[] = [];
  // A span opens with a run of backticks and closes with a run of the same length (CommonMark).
  const span = /(`+)([\s\S]*?[^`])\1(?!`)/g;
  let last = 0;
  for (let match = span.exec(text); match !== null; match = span.exec(text)) {
    if (match.index > last) nodes.push(doc.createTextNode(text.slice(last, match.index)));
    const code = doc.createElement('code');
    // CommonMark strips one space on each side when both are there (`` ` `` shows a backtick).
    const inner = match[2] ?? '';
    code.textContent = /^ .* $/s.test(inner) && inner.trim() !== '' ? inner.slice(1, -1) : inner;
    nodes.push(code);
    last = match.index + match[0].length;
  }
  if (last < text.length) nodes.push(doc.createTextNode(text.slice(last)));
  return nodes;
}
