// Pure helpers for the zone map: the depth colour scale, label text and keyboard order.
// No React here, so the rules can be unit-tested on their own.

export {
  depthColor,
  depthGradientCss,
  depthPosition,
  formatDepth,
  LEGEND_TICKS,
  SCALE_MAX_MM,
  SCALE_MIN_MM,
} from '@contract';

import { formatDepth } from '@contract';

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
