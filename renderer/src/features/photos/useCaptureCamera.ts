import { useCallback, useEffect, useRef, useState } from 'react';
import { cameraErrorMessage } from './captureChecklist';

export interface CameraDevice {
  deviceId: string;
  label: string;
}

export type CameraState =
  | { status: 'starting' }
  | { status: 'live' }
  | { status: 'error'; message: string }
  | { status: 'off' };

const stopStream = (stream: MediaStream | null) => {
  for (const track of stream?.getTracks() ?? []) track.stop();
};

/**
 * The live camera for the capture view: started only while `active`, and every track stopped as soon as
 * it is not (or the device changes, or the view unmounts), so the camera is in use only while capturing.
 */
export function useCaptureCamera(active: boolean) {
  const videoRef = useRef<HTMLVideoElement | null>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [state, setState] = useState<CameraState>({ status: 'off' });
  const [devices, setDevices] = useState<CameraDevice[]>([]);
  const [deviceId, setDeviceId] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt is the retry trigger
  useEffect(() => {
    if (!active) {
      setState({ status: 'off' });
      return;
    }
    let live = true;
    setState({ status: 'starting' });
    const media = navigator.mediaDevices;
    if (!media?.getUserMedia) {
      setState({ status: 'error', message: cameraErrorMessage(new DOMException('', 'NotFoundError')) });
      return;
    }
    media
      .getUserMedia({
        video: { width: { ideal: 1920 }, ...(deviceId ? { deviceId: { exact: deviceId } } : {}) },
        audio: false,
      })
      .then(async (stream) => {
        if (!live) {
          stopStream(stream);
          return;
        }
        streamRef.current = stream;
        const video = videoRef.current;
        if (video) {
          video.srcObject = stream;
          await video.play().catch(() => undefined);
        }
        setState({ status: 'live' });
        // Labels are only given once the camera permission is granted, so list the cameras now.
        const all = await media.enumerateDevices().catch(() => [] as MediaDeviceInfo[]);
        if (!live) return;
        setDevices(
          all
            .filter((d) => d.kind === 'videoinput')
            .map((d, i) => ({ deviceId: d.deviceId, label: d.label || `Camera ${i + 1}` })),
        );
      })
      .catch((error: unknown) => {
        if (live) setState({ status: 'error', message: cameraErrorMessage(error) });
      });
    return () => {
      live = false;
      stopStream(streamRef.current);
      streamRef.current = null;
      if (videoRef.current) videoRef.current.srcObject = null;
    };
  }, [active, deviceId, attempt]);

  /** The <video> element mounts after the stream may have started: attach it then. */
  const attachVideo = useCallback((video: HTMLVideoElement | null) => {
    videoRef.current = video;
    if (video && streamRef.current && video.srcObject !== streamRef.current) {
      video.srcObject = streamRef.current;
      void video.play().catch(() => undefined);
    }
  }, []);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  return { videoRef, attachVideo, state, devices, deviceId, setDeviceId, retry };
}

/** The video's current frame as JPEG bytes (quality 0.92). */
export async function grabFrame(video: HTMLVideoElement): Promise<Uint8Array> {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height) throw new Error('The camera has not shown a picture yet.');
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('The picture could not be captured.');
  context.drawImage(video, 0, 0, width, height);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.92));
  if (!blob) throw new Error('The picture could not be captured.');
  return new Uint8Array(await blob.arrayBuffer());
}
