import { depthColor, formatDepth, type ZoneMap } from '../../contract';
import { html, type SafeHtml } from '../documents/html';

/**
 * The chart's zone map as an SVG for print: treated zones filled with the same depth colours as on
 * screen and labelled with their depth, untreated ones outlined. Built from the zone map's data file.
 */
export function zoneMapSvg(map: ZoneMap, depths: ReadonlyMap<string, number>): SafeHtml {
  return html`<svg class="zone-map" viewBox="${map.viewBox}" role="img" aria-label="${map.title} zone map" xmlns="http://www.w3.org/2000/svg">
${map.outline.map((d) => html`<path d="${d}" fill="none" stroke="#9aa3ad" stroke-width="1.5"/>`)}
${map.zones.map((z) => {
  const depth = depths.get(z.code);
  return html`<path d="${z.path}" fill="${depth === undefined ? '#ffffff' : depthColor(depth)}" stroke="${depth === undefined ? '#c9ced6' : '#ffffff'}" stroke-width="1.25"/>`;
})}
${map.zones
  .filter((z) => depths.has(z.code))
  .map((z) => {
    const depth = depths.get(z.code)!;
    const [x, y] = z.labelAt;
    // Dark zones get white text; pale ones dark text (the scale darkens past about 0.7 mm).
    const ink = depth >= 0.7 ? '#ffffff' : '#1b1f24';
    return html`<text x="${x}" y="${y}" text-anchor="middle" dominant-baseline="middle" font-size="17" font-weight="700" fill="${ink}">${formatDepth(depth).replace(' mm', '')}</text>`;
  })}
</svg>`;
}
