import { describe, expect, it } from 'vitest';
import { hoistSvgStyles, svgStyleSheets } from '../../src/lib/diagrams/hoist-svg-styles.ts';
import { swapThemeColours } from '../../src/lib/diagrams/mermaid-config.ts';

describe('hoistSvgStyles', () => {
  it('moves style attributes into scoped, deduplicated class rules and keeps existing classes', () => {
    const svg = '<svg id="dg-a" style="max-width: 812px;"><style>#dg-a .x&gt;p{fill:red}</style><g class="edge" style="stroke:#dc2626;stroke-width:2px"/><path style="stroke:#dc2626;stroke-width:2px"></path><text style="">a</text><span style="color:red !important">b</span></svg>';
    expect(hoistSvgStyles(svg)).toBe(
      '<svg id="dg-a" class="dg-a-s1"><style>#dg-a .x&gt;p{fill:red}' +
        '#dg-a.dg-a-s1,#dg-a .dg-a-s1{max-width:812px !important;--diagram-width:812px !important}' +
        '#dg-a.dg-a-s2,#dg-a .dg-a-s2{stroke:#dc2626 !important;stroke-width:2px !important}' +
        '#dg-a.dg-a-s3,#dg-a .dg-a-s3{color:red !important}</style>' +
        '<g class="edge dg-a-s2"/><path class="dg-a-s2"></path><text>a</text><span class="dg-a-s3">b</span></svg>',
    );
  });

  it('leaves an SVG without style attributes as it is', () => {
    const svg = '<svg id="dg-b"><style>#dg-b{}</style><g/></svg>';
    expect(hoistSvgStyles(svg)).toBe(svg);
  });

  it('gives the style sheet text the way a browser parses it inside inline SVG', () => {
    expect(svgStyleSheets('<svg><style>a&gt;b{content:&quot;x&#39;&#x41;&quot;}</style><style>c{}</style></svg>')).toEqual(['a>b{content:"x\'A"}', 'c{}']);
  });

  it('lightens the invalid-move red on the dark render only', () => {
    expect(swapThemeColours('<path stroke="#dc2626"/>', 'dark')).toBe('<path stroke="#fca5a5"/>');
    expect(swapThemeColours('<path stroke="#dc2626"/>', 'light')).toBe('<path stroke="#dc2626"/>');
  });
});
