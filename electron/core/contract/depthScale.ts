/**
 * The needle-depth colour scale and how depths are written, shared by the zone map on screen and the
 * printed chart summary, so a depth has the same colour and text everywhere.
 */
/** The depth scale runs over the range a chart may record (DEPTH_MIN_MM..DEPTH_MAX_MM in catalogue.ts). */
export const SCALE_MIN_MM = 0.1;
export const SCALE_MAX_MM = 3.0;
/** Depths marked on the legend. */
export const LEGEND_TICKS = [0.1, 0.25, 0.5, 1, 2, 3] as const;

/**
 * Stops of the sequential scale, pale teal to deep navy. Lightness falls steadily from stop to stop, so the
 * order still reads when the chart is printed in greyscale.
 */
const STOPS: readonly [number, string][] = [
  [0, '#cdebe5'],
  [0.25, '#97d6cc'],
  [0.5, '#4fb3aa'],
  [0.7, '#268a98'],
  [0.85, '#1f6187'],
  [1, '#1a3a6b'],
];

/**
 * Where a depth sits on the scale, 0..1. The scale follows the square root of the depth: face depths
 * (0.2-1.0 mm) and body depths (1.5-2.5 mm) both get a clearly different share of the colours, where a linear
 * scale would crowd the face into the palest quarter and a logarithmic one the body into the darkest.
 */
export function depthPosition(depthMm: number): number {
  if (!Number.isFinite(depthMm)) return 0;
  const d = Math.min(SCALE_MAX_MM, Math.max(SCALE_MIN_MM, depthMm));
  return Math.sqrt((d - SCALE_MIN_MM) / (SCALE_MAX_MM - SCALE_MIN_MM));
}

const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
const hex = (n: number) => Math.round(n).toString(16).padStart(2, '0');

function colourAt(t: number): string {
  for (let i = 1; i < STOPS.length; i++) {
    const [t1, c1] = STOPS[i]!;
    if (t <= t1 || i === STOPS.length - 1) {
      const [t0, c0] = STOPS[i - 1]!;
      const f = t1 === t0 ? 0 : Math.min(1, Math.max(0, (t - t0) / (t1 - t0)));
      const a = rgb(c0);
      const b = rgb(c1);
      return `#${a.map((v, k) => hex(v + (b[k]! - v) * f)).join('')}`;
    }
  }
  return STOPS[STOPS.length - 1]![1];
}

/** Fill colour for a needle depth in millimetres (clamped to 0.1-3.0 mm). */
export function depthColor(depthMm: number): string {
  return colourAt(depthPosition(depthMm));
}

/** The scale as a CSS gradient, for the legend bar. */
export function depthGradientCss(direction = 'to right'): string {
  const stops = Array.from({ length: 11 }, (_, i) => `${colourAt(i / 10)} ${i * 10}%`);
  return `linear-gradient(${direction}, ${stops.join(', ')})`;
}

/** "0.25 mm", "0.5 mm", "1.0 mm": at least one decimal, as practitioners write depths. */
export function formatDepth(depthMm: number): string {
  const fixed = depthMm.toFixed(2);
  const trimmed = fixed.endsWith('0') ? fixed.slice(0, -1) : fixed;
  return `${trimmed} mm`;
}
