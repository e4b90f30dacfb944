/** The two colour themes every diagram is rendered in; the page shows the one that matches the site. */
export const DIAGRAM_THEMES = ['light', 'dark'] as const;
export type DiagramTheme = (typeof DIAGRAM_THEMES)[number];

/**
 * The Mermaid configuration for one render. Fixed ids seeded by the diagram's own id make the SVG
 * the same bytes on every render, and strict security keeps labels from carrying markup.
 */
export function mermaidConfig(theme: DiagramTheme, idSeed: string): Record<string, unknown> {
  return {
    startOnLoad: false,
    securityLevel: 'strict',
    theme: theme === 'light' ? 'default' : 'dark',
    deterministicIds: true,
    deterministicIDSeed: idSeed,
    // Some shapes are drawn with rough.js, which jitters its strokes unless seeded.
    handDrawnSeed: 1,
    fontFamily: 'ui-sans-serif, system-ui, sans-serif',
    flowchart: { useMaxWidth: true },
    // Wrapped labels are memoised across renders by text alone, so with wrapping on, a sequence
    // diagram drawn after another one sharing a label came out taller. Off, each SVG depends on
    // its own text only (checked against one fresh page per render).
    sequence: { useMaxWidth: true, wrap: false },
  };
}
