import { Button, Group, Text } from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { type Ref, useEffect, useId, useImperativeHandle, useRef, useState } from 'react';
import SignaturePad, { type PointGroup } from 'signature_pad';
import { dataUrlToBytes } from './consentFormat';

export interface SignaturePadHandle {
  /** The drawn signature as PNG bytes, or null if nothing is drawn. */
  toPng(): Uint8Array | null;
  isEmpty(): boolean;
  /** The strokes, to draw them again if the pad is shown again (e.g. going back a step). */
  strokes(): PointGroup[];
}

/**
 * A framed signature pad (signature_pad: mouse, touch and pen through pointer events) with Clear. The canvas
 * is sized to its frame at the screen's pixel ratio, so strokes stay sharp and in place when the window is
 * resized or moved to another screen. Ink is dark on white in either theme, like paper.
 */
export function SignaturePadField(props: {
  label: string;
  /** Who signs, for the pad's accessible name: "Client signature pad for Jane Doe". */
  signer: string;
  error?: string | null;
  height?: number;
  /** Strokes drawn earlier (from strokes()), redrawn when the pad opens. */
  initialStrokes?: PointGroup[] | null;
  onChange?: (empty: boolean) => void;
  ref?: Ref<SignaturePadHandle>;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [empty, setEmpty] = useState(!props.initialStrokes?.length);
  const labelId = useId();
  const hintId = useId();
  const onChange = useRef(props.onChange);
  onChange.current = props.onChange;

  useImperativeHandle(props.ref, () => ({
    toPng: () =>
      padRef.current && !padRef.current.isEmpty() ? dataUrlToBytes(padRef.current.toDataURL()) : null,
    isEmpty: () => padRef.current?.isEmpty() ?? true,
    strokes: () => padRef.current?.toData() ?? [],
  }));
  const initialStrokes = useRef(props.initialStrokes);

  useEffect(() => {
    const canvas = canvasRef.current!;
    const pad = new SignaturePad(canvas, {
      backgroundColor: 'rgb(255, 255, 255)',
      penColor: '#0b1b33',
      minWidth: 0.8,
      maxWidth: 2.8,
    });
    padRef.current = pad;
    const changed = () => {
      setEmpty(pad.isEmpty());
      onChange.current?.(pad.isEmpty());
    };
    pad.addEventListener('endStroke', changed);

    // Size the backing store to the element at the current pixel ratio and redraw what was drawn.
    let lastKey = '';
    const fitToFrame = () => {
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const { width, height } = canvas.getBoundingClientRect();
      const key = `${width}x${height}@${ratio}`;
      if (width === 0 || key === lastKey) return;
      lastKey = key;
      const strokes = pad.toData();
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.getContext('2d')!.scale(ratio, ratio);
      pad.clear();
      if (strokes.length) pad.fromData(strokes);
    };
    fitToFrame();
    if (initialStrokes.current?.length) {
      pad.fromData(initialStrokes.current);
      changed();
    }
    const observer = new ResizeObserver(fitToFrame);
    observer.observe(canvas);
    // Moving the window to a screen with another pixel ratio changes no size: listen for the ratio itself.
    let media: MediaQueryList | null = null;
    const watchRatio = () => {
      media?.removeEventListener('change', onRatio);
      media = window.matchMedia(`(resolution: ${window.devicePixelRatio}dppx)`);
      media.addEventListener('change', onRatio);
    };
    const onRatio = () => {
      fitToFrame();
      watchRatio();
    };
    watchRatio();

    return () => {
      observer.disconnect();
      media?.removeEventListener('change', onRatio);
      pad.removeEventListener('endStroke', changed);
      pad.off();
      padRef.current = null;
    };
  }, []);

  const clear = () => {
    padRef.current?.clear();
    setEmpty(true);
    props.onChange?.(true);
  };

  return (
    <fieldset className="signature-field" aria-labelledby={labelId} aria-describedby={hintId}>
      <Group justify="space-between" align="flex-end" mb={6}>
        <Text id={labelId} fw={600} size="lg">
          {props.label}
        </Text>
        <Button
          variant="default"
          leftSection={<IconEraser size={16} />}
          onClick={clear}
          disabled={empty}
          aria-label={`Clear ${props.label.toLowerCase()}`}
        >
          Clear
        </Button>
      </Group>
      <div
        className="signature-frame"
        data-error={props.error ? true : undefined}
        style={{ height: props.height ?? 220 }}
      >
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={`${props.label} pad for ${props.signer}: ${empty ? 'empty' : 'signed'}`}
          data-testid="signature-pad"
          data-empty={empty}
        />
        <div className="signature-baseline" aria-hidden>
          <span>✕</span>
        </div>
      </div>
      <Text
        id={hintId}
        size="sm"
        c={props.error ? 'var(--mantine-color-error)' : 'dimmed'}
        mt={6}
        role={props.error ? 'alert' : undefined}
      >
        {props.error ?? 'Sign in the box with a finger, a pen or the mouse. Clear to start again.'}
      </Text>
    </fieldset>
  );
}
