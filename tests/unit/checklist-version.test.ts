import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checklistVersion } from '../../src/lib/checklists/checklist-version.ts';
import type { ExportedChecklist } from '../../src/lib/checklists/exported-checklist.ts';
import { validateEntry } from '../../src/lib/content/validate-entry.ts';
import type { ChecklistData } from '../../src/schemas/checklist.ts';

/** Reads a checklist file the way `oopsbook check` and the build do. */
function parseChecklist(source: string): ExportedChecklist {
  const { entry, problems } = validateEntry({ kind: 'checklists', id: 'leak', displayPath: 'leak.md', source });
  expect(problems).toEqual([]);
  const data = entry?.data as ChecklistData;
  return { id: 'leak', title: data.title, intro: entry?.body ?? '', stage: data.stage, items: data.items };
}

const compact = `---
title: Hunt a leak
items:
  - id: scan
    text: Trigger a kmemleak scan.
    command: echo scan > /sys/kernel/debug/kmemleak
    tool: kmemleak
    why: Reports appear only after a scan.
  - id: read
    text: Read the report.
    why: Each entry has a backtrace.
---
Find what grows.
`;

// Same content: keys reordered, other quoting, flow style, extra blank lines and spaces.
const reformatted = `---
items:
  - why: "Reports appear only after a scan."
    tool: kmemleak
    command: 'echo scan > /sys/kernel/debug/kmemleak'
    id: scan
    text: >-
      Trigger a kmemleak scan.
  - {id: read, why: Each entry has a backtrace., text: Read the report.}
title: "Hunt a leak"
---

Find what grows.


`;

describe('checklist version', () => {
  const base = parseChecklist(compact);

  it('is 12 hex digits', () => {
    expect(checklistVersion(base)).toMatch(/^[0-9a-f]{12}$/);
  });

  it('stays the same when only formatting and key order change', () => {
    expect(checklistVersion(parseChecklist(reformatted))).toBe(checklistVersion(base));
  });

  it('changes when the text of any item changes', () => {
    fc.assert(
      fc.property(fc.nat({ max: base.items.length - 1 }), fc.constantFrom('text', 'why'), fc.string({ minLength: 1, maxLength: 20 }), (index, field, extra) => {
        const changed = structuredClone(base);
        const item = changed.items[index]!;
        // The leading "x" keeps the edit visible after trimming, whatever the random suffix is.
        item[field] = `${item[field]} x${extra}`;
        expect(checklistVersion(changed)).not.toBe(checklistVersion(base));
      }),
    );
  });

  it('changes with the title, the intro, a command, a tool, an item id or the item order', () => {
    const variants: ExportedChecklist[] = [
      { ...base, title: 'Hunt a leak fast' },
      { ...base, intro: 'Find what shrinks.' },
      { ...base, items: [{ ...base.items[0]!, command: 'echo scan >/sys/kernel/debug/kmemleak' }, base.items[1]!] },
      { ...base, items: [{ ...base.items[0]!, tool: 'bcc' }, base.items[1]!] },
      { ...base, items: [{ ...base.items[0]!, id: 'scan-now' }, base.items[1]!] },
      { ...base, items: [base.items[1]!, base.items[0]!] },
      { ...base, items: [base.items[0]!] },
    ];
    const versions = new Set([checklistVersion(base), ...variants.map(checklistVersion)]);
    expect(versions.size).toBe(variants.length + 1);
  });
});
