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
    // Edge labels sit on a solid box close to the page colour, so label text, the red of invalid
    // moves included, keeps WCAG AA contrast (Mermaid's dark default is a mid grey).
    themeVariables: { edgeLabelBackground: theme === 'light' ? '#ffffff' : '#262624' },
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

/**
 * Colours Mermaid copies verbatim from `linkStyle` into every theme, and what the dark render
 * uses instead: the red that reads on white (4.8:1) is too dark on the dark theme's labels.
 */
export const DARK_THEME_COLOUR_SWAPS: Readonly<Record<string, string>> = { '#dc2626': '#fca5a5' };

/** Applies the theme's colour swaps to a rendered SVG. */
export function swapThemeColours(svg: string, theme: DiagramTheme): string {
  if (theme !== 'dark') return svg;
  let out = svg;
  for (const [from, to] of Object.entries(DARK_THEME_COLOUR_SWAPS)) out = out.split(from).join(to);
  return out;
}
