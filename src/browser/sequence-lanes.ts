import type { PlainEventInput, SequenceSpecInput } from '../lib/diagrams/evidence/sequence-input.ts';
import { inlineCodeNodes } from './inline-code.ts';

/*
 * Draws a sequence spec as HTML: the lanes as a row of headers, then each event top to bottom, its
 * text on a line of its own (so it reads at phone width however many lanes there are) and under it
 * an arrow from lane to lane over the lifelines. A highlighted window is a tinted box with its
 * caption. Every string goes in through textContent: a report's function, task or lock names are
 * never markup. Layout numbers are set through CSSOM properties, which the pages' style-src policy
 * allows where it refuses style attributes; the look is in global.css (`.seq`).
 */

function node<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const element = doc.createElement(tag);
  element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function drawEvent(doc: Document, event: PlainEventInput, lanes: ReadonlyMap<string, { index: number; label: string }>): HTMLLIElement {
  const item = node(doc, 'li', 'seq-step');
  const row = node(doc, 'div', 'seq-row');
  if ('note' in event) {
    const columns = event.over.map((id) => lanes.get(id)?.index ?? 0);
    const note = node(doc, 'p', 'seq-note', event.note);
    note.style.gridColumn = `${Math.min(...columns) + 1} / ${Math.max(...columns) + 2}`;
    row.append(note);
    item.append(row);
    return item;
  }
  const from = lanes.get(event.from);
  const to = lanes.get(event.to);
  const start = from?.index ?? 0;
  const end = to?.index ?? start;
  item.append(node(doc, 'p', 'seq-text', event.text));
  const arrow = node(doc, 'span', `seq-arrow${start === end ? ' seq-arrow--self' : end < start ? ' seq-arrow--left' : ''}${event.reply ? ' seq-arrow--reply' : ''}`);
  arrow.setAttribute('role', 'img');
  arrow.setAttribute('aria-label', start === end ? `on ${from?.label ?? event.from}` : `${from?.label ?? event.from} to ${to?.label ?? event.to}`);
  arrow.style.gridColumn = `${Math.min(start, end) + 1} / ${Math.max(start, end) + 2}`;
  arrow.style.setProperty('--span', String(Math.abs(end - start) + 1));
  row.append(arrow);
  item.append(row);
  return item;
}

/** A figure drawing `spec`, for the triage page. */
export function sequenceLanes(doc: Document, spec: SequenceSpecInput): HTMLElement {
  const figure = node(doc, 'figure', 'seq');
  figure.style.setProperty('--lanes', String(spec.actors.length));
  const lanes = new Map(spec.actors.map((actor, index) => [actor.id, { index, label: actor.label }]));
  figure.append(node(doc, 'figcaption', 'seq-caption', spec.title));
  const header = node(doc, 'ol', 'seq-lanes');
  header.setAttribute('aria-label', 'Lanes');
  for (const actor of spec.actors) header.append(node(doc, 'li', 'seq-lane', actor.label));
  const steps = node(doc, 'ol', 'seq-steps');
  steps.setAttribute('aria-label', 'Events, in order');
  for (const event of spec.events) {
    if (!('window' in event)) {
      steps.append(drawEvent(doc, event, lanes));
      continue;
    }
    const window = node(doc, 'li', 'seq-window');
    window.append(node(doc, 'p', 'seq-window-caption', event.window));
    const inner = node(doc, 'ol', 'seq-steps');
    for (const item of event.events) inner.append(drawEvent(doc, item, lanes));
    window.append(inner);
    steps.append(window);
  }
  const description = node(doc, 'p', 'seq-description muted');
  description.append(...inlineCodeNodes(doc, spec.description));
  figure.append(header, steps, description);
  return figure;
}
