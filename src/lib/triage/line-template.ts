/**
 * A log line with what changes between two occurrences of the same message masked: numbers,
 * addresses, pids and sizes become `#`, runs of spaces one space. Two prints of one `printk`
 * format give the same template, so a case's verbatim signature line finds the same message in a
 * new paste, and the corpora can say how often a message appears.
 */
export function lineTemplate(line: string): string {
  return line
    // A PCI device address (`0000:43:00.0`) names the slot, which differs between machines.
    .replace(/\b[0-9a-fA-F]{4}:[0-9a-fA-F]{2}:[0-9a-fA-F]{2}\.[0-7]\b/g, '#')
    .replace(/0x[0-9a-fA-F]+/g, '#')
    // A bare hexadecimal number (`mfn 8df82b`, `pfn:7d518e`), but not a word made of hex letters (`added`).
    .replace(/(?<![\w.])(?=[0-9a-fA-F]*\d)[0-9a-fA-F]{4,}(?![\w])/g, '#')
    .replace(/\d+/g, '#')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a line or template, the part a template cannot mask: used to find candidate lines fast. */
export function templateWords(text: string): string[] {
  return text.split(/[^A-Za-z_]+/).filter((word) => word.length > 0);
}

/** A template too short to tell one message from another (`BUG: #`) is not used as a signature. */
export function isUsableTemplate(template: string): boolean {
  return template.replace(/[#\s]/g, '').length >= 12 && templateWords(template).some((word) => word.length >= 4);
}
