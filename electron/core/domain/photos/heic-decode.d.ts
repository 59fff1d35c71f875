/** Types for heic-decode 2 (libheif-js, WebAssembly), which ships none. */
declare module 'heic-decode' {
  interface DecodedImage {
    width: number;
    height: number;
    /** RGBA, 4 bytes a pixel, row after row, with the container's rotation and mirroring applied. */
    data: Uint8ClampedArray;
  }
  interface ImageHandle {
    /** Display size read from the container, before any pixel is decoded. */
    width: number;
    height: number;
    decode(): Promise<DecodedImage>;
  }
  type ImageHandles = ImageHandle[] & { dispose(): void };
  interface HeicDecode {
    (input: { buffer: Uint8Array }): Promise<DecodedImage>;
    /** Every top-level image, undecoded; call dispose() when done. */
    all(input: { buffer: Uint8Array }): Promise<ImageHandles>;
  }
  const decode: HeicDecode;
  export default decode;
}
