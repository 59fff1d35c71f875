// Pure helpers for the zone map: the depth colour scale, label text and keyboard order.
// No React here, so the rules can be unit-tested on their own.

/** The depth scale runs over the range a chart may record (DEPTH_MIN_MM..DEPTH_MAX_MM in the contract). */
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

export interface DepthRange {
  depthMin: number;
  depthMax: number;
}

/** True when a charted depth falls outside the treatment's usual range for the zone. */
export function isOutOfRange(depthMm: number | undefined, range: DepthRange | undefined): boolean {
  if (depthMm === undefined || !range) return false;
  const eps = 1e-9;
  return depthMm < range.depthMin - eps || depthMm > range.depthMax + eps;
}

/** "Cheek (left)" -> "Cheek L": the short form drawn on the map, where space is tight. */
export function shortLabel(label: string): string {
  return label.replace(/\s*\((left|right)\)\s*$/i, (_, side: string) => ` ${side[0]!.toUpperCase()}`);
}

export interface ZoneState {
  label: string;
  depth: number | undefined;
  range: DepthRange | undefined;
  available: boolean;
}

/** The accessible name of a zone: "Cheek (left), 0.8 mm", "Nose, not treated". */
export function zoneAriaLabel({ label, depth, range, available }: ZoneState): string {
  const parts = [label];
  if (depth === undefined) parts.push('not treated');
  else {
    parts.push(formatDepth(depth));
    if (isOutOfRange(depth, range))
      parts.push(
        `outside the usual ${formatDepth(range!.depthMin).replace(' mm', '')}–${formatDepth(range!.depthMax)}`,
      );
  }
  if (!available) parts.push('not offered for this treatment');
  return parts.join(', ');
}

/**
 * The next zone to focus from `current`, moving `step` places through `order` (the order of the map's zones)
 * and skipping zones that cannot take focus. Wraps around; `step` of +/-Infinity means last/first.
 */
export function nextZone(
  order: readonly string[],
  current: string,
  step: number,
  canFocus: (code: string) => boolean = () => true,
): string | undefined {
  const focusable = order.filter(canFocus);
  if (focusable.length === 0) return undefined;
  if (step === Number.POSITIVE_INFINITY) return focusable[focusable.length - 1];
  if (step === Number.NEGATIVE_INFINITY) return focusable[0];
  const at = focusable.indexOf(current);
  if (at < 0) return step >= 0 ? focusable[0] : focusable[focusable.length - 1];
  const n = focusable.length;
  return focusable[(((at + step) % n) + n) % n];
}

/**
 * The selection after a click. A plain click selects just that zone (or clears it, if it was the only one);
 * an additive click (Ctrl, Cmd or Shift held, or a tap on a touch screen) adds or removes it.
 */
export function clickSelection(selected: ReadonlySet<string>, code: string, additive: boolean): Set<string> {
  if (additive) return toggleSelection(selected, code);
  if (selected.size === 1 && selected.has(code)) return new Set();
  return new Set([code]);
}

/** Adds the zone to the selection, or removes it if it is already there. */
export function toggleSelection(selected: ReadonlySet<string>, code: string): Set<string> {
  const next = new Set(selected);
  if (next.has(code)) next.delete(code);
  else next.add(code);
  return next;
}

/** Parses a viewBox attribute ("0 0 400 520"). */
export function parseViewBox(viewBox: string): { x: number; y: number; width: number; height: number } {
  const [x = 0, y = 0, width = 400, height = 520] = viewBox
    .trim()
    .split(/[\s,]+/)
    .map(Number)
    .map((n) => (Number.isFinite(n) ? n : undefined)) as (number | undefined)[];
  return { x, y, width, height };
}
