import type { ZoneDefinition, ZoneMap as ZoneMapData } from '@contract';
import { Box, Button, Group, Stack, Text } from '@mantine/core';
import {
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from 'react';
import {
  clickSelection,
  type DepthRange,
  depthColor,
  depthGradientCss,
  depthPosition,
  formatDepth,
  isOutOfRange,
  LEGEND_TICKS,
  nextZone,
  parseViewBox,
  shortLabel,
  toggleSelection,
  zoneAriaLabel,
} from './zoneMapMath';

export { depthColor } from './zoneMapMath';

export interface ZoneMapProps {
  map: ZoneMapData;
  /** depth per zone code for zones that are charted (mm); zones not in it are untreated */
  depths: Record<string, number | undefined>;
  /** default depth range per zone for this treatment (for the out-of-range outline) */
  ranges?: Record<string, DepthRange | undefined>;
  selected: ReadonlySet<string>;
  onSelectionChange?: (next: Set<string>) => void; // absent => read-only (e.g. signed chart, print)
  /** zones this treatment offers; others are drawn greyed and not selectable */
  available?: ReadonlySet<string>;
  /**
   * What each charted zone shows: its name and depth ('full'), the depth alone ('depth', for small or
   * printed maps), or 'auto' (the default): full when drawn at roughly the map's own size, depth alone when
   * drawn smaller. The zone's name always shows on hover and focus.
   */
  labels?: 'auto' | 'full' | 'depth';
  /** Show the colour legend under the map (default true). */
  withLegend?: boolean;
}

// Colours. Zone fills come from the depth scale; everything else is neutral so the scale stands out.
const INK = '#212529';
const QUIET_INK = '#5c636a';
const OUTLINE = '#495057';
const UNTREATED_FILL = '#eef0f3';
const UNTREATED_STROKE = '#adb5bd';
const UNAVAILABLE_STROKE = '#d5d9de';
const WARN = '#d9480f';
const SELECT = '#1a1b1e';
const FOCUS = 'var(--mantine-primary-color-filled)';

/** Below this many screen pixels per map unit, 'auto' labels show the depth alone. */
const FULL_LABEL_MIN_SCALE = 0.85;

/** A clickable, keyboard-operable chart of a zone map, each zone coloured by the needle depth charted there. */
export function ZoneMap({
  map,
  depths,
  ranges = {},
  selected,
  onSelectionChange,
  available,
  labels = 'auto',
  withLegend = true,
}: ZoneMapProps) {
  const interactive = Boolean(onSelectionChange);
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const vb = useMemo(() => parseViewBox(map.viewBox), [map.viewBox]);
  const svgRef = useRef<SVGSVGElement>(null);
  const zoneRefs = useRef(new Map<string, SVGPathElement>());
  const pointerType = useRef<string>('mouse');
  const [focus, setFocus] = useState<{ code: string; visible: boolean } | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const scale = useRenderedScale(svgRef, vb.width);

  const isAvailable = (code: string) => !available || available.has(code);
  // A zone counts as charted only with a real number (a half-edited draft may hold null or NaN).
  const depthOf = (code: string): number | undefined => {
    const d: unknown = depths[code];
    return typeof d === 'number' && Number.isFinite(d) ? d : undefined;
  };
  const selectable = map.zones.filter((z) => isAvailable(z.code));
  const order = map.zones.map((z) => z.code);
  const mode =
    labels === 'auto' ? (scale === null || scale >= FULL_LABEL_MIN_SCALE ? 'full' : 'depth') : labels;
  // Keep the text at least ~10 screen pixels high when the map is drawn small.
  const depthFont = mode === 'full' ? 11 : Math.min(16, Math.max(11.5, 10.5 / (scale ?? 1)));
  const nameFont = mode === 'full' ? 9.5 : Math.min(14, Math.max(10, 9.5 / (scale ?? 1)));

  const change = (next: Set<string>) => onSelectionChange?.(next);
  const allSelected = selectable.length > 0 && selectable.every((z) => selected.has(z.code));

  function onZoneClick(event: MouseEvent<SVGPathElement>, zone: ZoneDefinition) {
    if (!interactive || !isAvailable(zone.code)) return;
    const additive =
      event.ctrlKey ||
      event.metaKey ||
      event.shiftKey ||
      pointerType.current === 'touch' ||
      pointerType.current === 'pen';
    change(clickSelection(selected, zone.code, additive));
  }

  function onZoneKeyDown(event: KeyboardEvent<SVGPathElement>, zone: ZoneDefinition) {
    const move = (step: number) => {
      event.preventDefault();
      const target = nextZone(order, zone.code, step, (code) => (interactive ? isAvailable(code) : true));
      if (target) zoneRefs.current.get(target)?.focus();
    };
    switch (event.key) {
      case ' ':
      case 'Enter':
        event.preventDefault();
        if (interactive && isAvailable(zone.code)) change(toggleSelection(selected, zone.code));
        return;
      case 'ArrowRight':
      case 'ArrowDown':
        return move(1);
      case 'ArrowLeft':
      case 'ArrowUp':
        return move(-1);
      case 'Home':
        return move(Number.NEGATIVE_INFINITY);
      case 'End':
        return move(Number.POSITIVE_INFINITY);
      default:
        if (interactive && (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
          event.preventDefault();
          change(new Set(selectable.map((z) => z.code)));
        }
    }
  }

  const zoneStyle = (zone: ZoneDefinition) => {
    const depth = depthOf(zone.code);
    if (depth !== undefined) return { fill: depthColor(depth), stroke: '#ffffff', strokeWidth: 1.25 };
    if (!isAvailable(zone.code))
      return { fill: `url(#${uid}-hatch)`, stroke: UNAVAILABLE_STROKE, strokeWidth: 0.8 };
    return { fill: UNTREATED_FILL, stroke: UNTREATED_STROKE, strokeWidth: 0.8 };
  };

  const outOfRange = map.zones.filter((z) => isOutOfRange(depthOf(z.code), ranges[z.code]));
  const selectedZones = map.zones.filter((z) => selected.has(z.code));
  const hoveredZone = interactive
    ? map.zones.find((z) => z.code === hovered && isAvailable(z.code))
    : undefined;
  const focusedZone = focus?.visible ? map.zones.find((z) => z.code === focus.code) : undefined;
  const named = new Set([hovered, focus?.code].filter((c): c is string => Boolean(c)));

  return (
    <Stack gap={6} className="zone-map">
      <Text size="xs" c="dimmed" lh={1.35}>
        {map.title}
      </Text>
      {interactive && (
        <Group justify="space-between" gap="xs" wrap="nowrap" className="zone-map-controls">
          <Text size="xs" c="dimmed" aria-live="polite">
            {selected.size === 0 ? 'No zones selected' : `${selected.size} selected`}
          </Text>
          <Group gap={4} wrap="nowrap">
            <Button
              size="compact-xs"
              variant="default"
              disabled={allSelected}
              onClick={() => change(new Set(selectable.map((z) => z.code)))}
            >
              Select all
            </Button>
            <Button
              size="compact-xs"
              variant="default"
              disabled={selected.size === 0}
              onClick={() => change(new Set())}
            >
              Clear
            </Button>
          </Group>
        </Group>
      )}
      {/* biome-ignore lint/a11y/useSemanticElements: an SVG drawing cannot be a <fieldset>; role="group" names the set of zone checkboxes */}
      <svg
        ref={svgRef}
        viewBox={map.viewBox}
        role="group"
        aria-label={`${map.title}${interactive ? '' : ' (read only)'}`}
        style={{
          display: 'block',
          width: '100%',
          height: 'auto',
          background: '#ffffff',
          border: '1px solid var(--mantine-color-default-border)',
          borderRadius: 'var(--mantine-radius-md)',
          touchAction: 'manipulation',
          WebkitPrintColorAdjust: 'exact',
          printColorAdjust: 'exact',
          fontFamily: 'var(--mantine-font-family)',
          userSelect: 'none',
        }}
      >
        <defs>
          <pattern
            id={`${uid}-hatch`}
            width="6"
            height="6"
            patternUnits="userSpaceOnUse"
            patternTransform="rotate(45)"
          >
            <rect width="6" height="6" fill="#f8f9fa" />
            <line x1="0" y1="0" x2="0" y2="6" stroke="#dee2e6" strokeWidth="1.5" />
          </pattern>
          {[...new Set([...outOfRange, ...selectedZones, ...(hoveredZone ? [hoveredZone] : [])])].map((z) => (
            <clipPath key={z.code} id={`${uid}-clip-${z.code}`}>
              <path d={z.path} />
            </clipPath>
          ))}
        </defs>

        <g>
          {map.zones.map((zone) => {
            const depth = depthOf(zone.code);
            const range = ranges[zone.code];
            const canUse = isAvailable(zone.code);
            const focusable = interactive && canUse;
            return (
              // biome-ignore lint/a11y/useSemanticElements: an SVG zone cannot be an <input>; it is a checkbox by role, with its keyboard handling below
              <path
                key={zone.code}
                ref={(el) => {
                  if (el) zoneRefs.current.set(zone.code, el);
                  else zoneRefs.current.delete(zone.code);
                }}
                d={zone.path}
                {...zoneStyle(zone)}
                strokeLinejoin="round"
                role="checkbox"
                aria-checked={selected.has(zone.code)}
                aria-label={zoneAriaLabel({ label: zone.label, depth, range, available: canUse })}
                aria-disabled={canUse ? undefined : true}
                aria-readonly={interactive ? undefined : true}
                tabIndex={focusable ? 0 : -1}
                data-zone={zone.code}
                data-depth={depth}
                style={{ outline: 'none', cursor: focusable ? 'pointer' : 'default' }}
                onPointerDown={(e: PointerEvent<SVGPathElement>) => {
                  pointerType.current = e.pointerType;
                }}
                onPointerEnter={() => setHovered(zone.code)}
                onPointerLeave={() => setHovered((h) => (h === zone.code ? null : h))}
                onClick={(e) => onZoneClick(e, zone)}
                onKeyDown={(e) => onZoneKeyDown(e, zone)}
                onFocus={(e) =>
                  setFocus({ code: zone.code, visible: e.currentTarget.matches(':focus-visible') })
                }
                onBlur={() => setFocus((f) => (f?.code === zone.code ? null : f))}
              />
            );
          })}
        </g>

        {/* Decorative line drawing on top of the fills, so eyes, lips and joints stay visible. */}
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; this hides decoration from screen readers */}
        <g
          aria-hidden="true"
          pointerEvents="none"
          fill="none"
          stroke={OUTLINE}
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          {map.outline.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the outline is static data without ids
            <path key={i} d={d} strokeWidth={1.1} />
          ))}
        </g>

        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; this hides decoration and duplicate text from screen readers */}
        <g aria-hidden="true" pointerEvents="none" fill="none">
          {hoveredZone && (
            <path
              d={hoveredZone.path}
              fill="rgba(0,0,0,0.07)"
              clipPath={`url(#${uid}-clip-${hoveredZone.code})`}
            />
          )}
          {/* Selection: a dark band inside the zone's edge with a thin white line inside it, clear on any fill. */}
          {selectedZones.map((z) => (
            <g key={z.code} clipPath={`url(#${uid}-clip-${z.code})`}>
              <path d={z.path} stroke="#ffffff" strokeWidth={9} />
              <path d={z.path} stroke={SELECT} strokeWidth={6.5} />
            </g>
          ))}
          {outOfRange.map((z) => (
            <g key={z.code} clipPath={`url(#${uid}-clip-${z.code})`}>
              <path d={z.path} stroke={WARN} strokeWidth={4.5} strokeDasharray="7 4" strokeLinecap="butt" />
            </g>
          ))}
          {focusedZone && (
            <>
              <path d={focusedZone.path} stroke="#ffffff" strokeWidth={6} strokeLinejoin="round" />
              <path d={focusedZone.path} stroke={FOCUS} strokeWidth={3} strokeLinejoin="round" />
            </>
          )}
        </g>

        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; this hides decoration and duplicate text from screen readers */}
        <g aria-hidden="true" pointerEvents="none" textAnchor="middle" fill={INK}>
          {map.zones.map((zone) => {
            const depth = depthOf(zone.code);
            const showName =
              named.has(zone.code) || (mode === 'full' && (depth !== undefined || selected.has(zone.code)));
            // On a large, editable map, untreated zones carry a quiet name so the practitioner can find them.
            const quiet =
              !showName && depth === undefined && mode === 'full' && interactive && isAvailable(zone.code);
            if (!showName && !quiet && depth === undefined) return null;
            return (
              <ZoneLabel
                key={zone.code}
                at={zone.labelAt}
                name={showName || quiet ? shortLabel(zone.label) : undefined}
                quiet={quiet}
                depth={depth === undefined ? undefined : formatDepth(depth)}
                warn={isOutOfRange(depth, ranges[zone.code])}
                nameFont={nameFont}
                depthFont={depthFont}
              />
            );
          })}
        </g>
      </svg>
      {withLegend && (
        <ZoneMapLegend
          showSelection={interactive}
          showOutOfRange={outOfRange.length > 0 || Object.keys(ranges).length > 0}
          showUnavailable={Boolean(available) && map.zones.some((z) => !isAvailable(z.code))}
        />
      )}
    </Stack>
  );
}

/** Screen pixels per map unit, tracked as the map resizes; null until measured (server render, first paint). */
function useRenderedScale(ref: RefObject<SVGSVGElement | null>, units: number): number | null {
  const [scale, setScale] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const width = el.getBoundingClientRect().width;
      if (width > 0) setScale(Math.round((width / units) * 100) / 100);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref, units]);
  return scale;
}

const halo = {
  paintOrder: 'stroke',
  stroke: '#ffffff',
  strokeLinejoin: 'round',
} as const;

function ZoneLabel(props: {
  at: [number, number];
  name: string | undefined;
  depth: string | undefined;
  warn: boolean;
  quiet?: boolean;
  nameFont: number;
  depthFont: number;
}) {
  const [x, y] = props.at;
  const { name, depth, nameFont, depthFont } = props;
  // Two lines centred on the label point; one line sits on it.
  const nameY = depth ? y - depthFont * 0.2 : y + nameFont * 0.35;
  const depthY = name ? y + depthFont * 0.95 : y + depthFont * 0.35;
  // Bold digits and letters are about 0.6 em wide: enough to place the warning marker after the text.
  const depthWidth = depth ? depth.length * depthFont * 0.6 : 0;
  return (
    <g>
      {name && (
        <text
          x={x}
          y={nameY}
          fontSize={nameFont}
          fontWeight={props.quiet ? 400 : 500}
          fill={props.quiet ? QUIET_INK : undefined}
          style={{ ...halo, strokeWidth: nameFont * 0.32 }}
        >
          {name}
        </text>
      )}
      {depth && (
        <text
          x={x}
          y={depthY}
          fontSize={depthFont}
          fontWeight={700}
          style={{ ...halo, strokeWidth: depthFont * 0.34 }}
        >
          {depth}
        </text>
      )}
      {depth && props.warn && (
        <WarningMarker
          x={x + depthWidth / 2 + depthFont * 0.55}
          y={depthY - depthFont * 0.36}
          size={depthFont}
        />
      )}
    </g>
  );
}

/** A small filled warning triangle with an exclamation mark, centred on (x, y). */
function WarningMarker({ x, y, size }: { x: number; y: number; size: number }) {
  const s = size * 0.95;
  const h = s * 0.87;
  return (
    <g>
      <path
        d={`M ${x} ${y - h * 0.55} L ${x + s / 2} ${y + h * 0.45} L ${x - s / 2} ${y + h * 0.45} Z`}
        fill={WARN}
        stroke="#ffffff"
        strokeWidth={size * 0.16}
        strokeLinejoin="round"
        paintOrder="stroke"
      />
      <path
        d={`M ${x} ${y - h * 0.2} L ${x} ${y + h * 0.1}`}
        stroke="#ffffff"
        strokeWidth={size * 0.11}
        strokeLinecap="round"
      />
      <circle cx={x} cy={y + h * 0.27} r={size * 0.06} fill="#ffffff" />
    </g>
  );
}

export interface ZoneMapLegendProps {
  /** Explain the selection outline (interactive maps). */
  showSelection?: boolean;
  /** Explain the dashed "outside the usual range" outline. */
  showOutOfRange?: boolean;
  /** Explain the hatching of zones the treatment does not offer. */
  showUnavailable?: boolean;
}

/** The depth colour scale (0.1 to 3.0 mm) and the meaning of the other zone styles. */
export function ZoneMapLegend({
  showSelection = false,
  showOutOfRange = true,
  showUnavailable = false,
}: ZoneMapLegendProps) {
  return (
    <Group
      gap="sm"
      align="flex-end"
      wrap="wrap"
      className="zone-map-legend"
      style={{ rowGap: 6, printColorAdjust: 'exact' }}
    >
      <Box w={190} maw="100%">
        <Text size="xs" c="dimmed" mb={2}>
          Needle depth (mm)
        </Text>
        <div
          aria-hidden="true"
          style={{
            height: 10,
            borderRadius: 3,
            background: depthGradientCss(),
            border: '1px solid rgba(0,0,0,0.15)',
            WebkitPrintColorAdjust: 'exact',
            printColorAdjust: 'exact',
          }}
        />
        <div style={{ position: 'relative', height: 16 }}>
          {LEGEND_TICKS.map((tick, i) => {
            const at = depthPosition(tick) * 100;
            const edge =
              i === 0
                ? 'translateX(0)'
                : i === LEGEND_TICKS.length - 1
                  ? 'translateX(-100%)'
                  : 'translateX(-50%)';
            return (
              <Text
                key={tick}
                span
                size="xs"
                c="dimmed"
                style={{
                  position: 'absolute',
                  left: `${at}%`,
                  top: 1,
                  transform: edge,
                  lineHeight: 1.2,
                  fontSize: 11,
                }}
              >
                {tick < 1 ? tick : tick.toFixed(0)}
              </Text>
            );
          })}
        </div>
      </Box>
      <Swatch label="Not treated">
        <rect x="1" y="1" width="20" height="12" rx="2" fill={UNTREATED_FILL} stroke={UNTREATED_STROKE} />
      </Swatch>
      {showUnavailable && (
        <Swatch label="Not offered">
          <rect x="1" y="1" width="20" height="12" rx="2" fill="#f8f9fa" stroke={UNAVAILABLE_STROKE} />
          <path d="M 5 13 L 13 1 M 11 13 L 19 1" stroke="#dee2e6" strokeWidth="1.5" />
        </Swatch>
      )}
      {showOutOfRange && (
        <Swatch label="Outside usual range">
          <rect
            x="1.5"
            y="1.5"
            width="19"
            height="11"
            rx="2"
            fill={depthColor(0.5)}
            stroke={WARN}
            strokeWidth="2"
            strokeDasharray="4 2"
          />
        </Swatch>
      )}
      {showSelection && (
        <Swatch label="Selected">
          <rect
            x="2"
            y="2"
            width="18"
            height="10"
            rx="2"
            fill={depthColor(0.5)}
            stroke={SELECT}
            strokeWidth="2.5"
          />
        </Swatch>
      )}
    </Group>
  );
}

function Swatch({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Group gap={5} wrap="nowrap" align="center" style={{ paddingBottom: 2 }}>
      <svg width="22" height="14" viewBox="0 0 22 14" aria-hidden="true" style={{ flex: 'none' }}>
        {children}
      </svg>
      <Text size="xs" style={{ whiteSpace: 'nowrap' }}>
        {label}
      </Text>
    </Group>
  );
}
