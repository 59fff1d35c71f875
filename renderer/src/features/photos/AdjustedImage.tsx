import { mediaUrl, type Photo, type PhotoVariant } from '@contract';
import { type CSSProperties, type ImgHTMLAttributes, useMemo } from 'react';
import { adjustedLayout, type Fit } from './adjustedLayout';

/**
 * Fills its positioned parent; the container-query box the frame is sized against. It takes no pointer
 * events, so clicks, drags and wheel zooms go to whatever holds the photo (a tile, a zoom surface).
 */
const BOX: CSSProperties = {
  position: 'absolute',
  inset: 0,
  display: 'block',
  containerType: 'size',
  overflow: 'hidden',
  pointerEvents: 'none',
};

export type AdjustablePhoto = Pick<Photo, 'id' | 'width' | 'height' | 'rotation' | 'crop'>;

/**
 * A photo shown with its stored rotation and crop, filling its positioned parent. The image file is the
 * unchanged rendition; only CSS turns and crops it.
 */
export function AdjustedImage(props: {
  photo: AdjustablePhoto;
  variant: Extract<PhotoVariant, 'thumb' | 'preview'>;
  alt: string;
  fit?: Fit;
  /** 0..1, for a photo laid over another. */
  opacity?: number;
  imgProps?: Omit<ImgHTMLAttributes<HTMLImageElement>, 'src' | 'alt' | 'style'> & {
    [data: `data-${string}`]: string | undefined;
  };
}) {
  const { photo, fit = 'contain' } = props;
  const { rotation, crop } = photo;
  const layout = useMemo(() => adjustedLayout(photo, { rotation, crop }, fit), [photo, rotation, crop, fit]);
  return (
    <span style={BOX} data-rotation={rotation} data-cropped={crop ? 'true' : undefined}>
      <span style={layout.frame}>
        <img
          src={mediaUrl(photo.id, props.variant)}
          alt={props.alt}
          draggable={false}
          {...props.imgProps}
          style={props.opacity === undefined ? layout.image : { ...layout.image, opacity: props.opacity }}
        />
      </span>
    </span>
  );
}
