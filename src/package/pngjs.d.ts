// pngjs ships no type declarations; this covers the synchronous API the package tooling uses.
// Delete this file if @types/pngjs is ever added.
declare module 'pngjs' {
  export type ColorType = 0 | 2 | 4 | 6;

  export interface PNGOptions {
    width?: number;
    height?: number;
    fill?: boolean;
    colorType?: ColorType;
    inputColorType?: ColorType;
    inputHasAlpha?: boolean;
    deflateLevel?: number;
  }

  /** What `PNG.sync.read` returns: the header fields plus RGBA pixels (4 bytes a pixel, always). */
  export interface DecodedPNG {
    width: number;
    height: number;
    depth: number;
    interlace: boolean;
    palette: boolean;
    color: boolean;
    /** True when the file carries transparency: an alpha channel or a tRNS chunk. */
    alpha: boolean;
    colorType: number;
    data: Buffer;
    gamma: number;
  }

  export interface Bitmap {
    width: number;
    height: number;
    data: Buffer;
  }

  export class PNG implements Bitmap {
    constructor(options?: PNGOptions);
    width: number;
    height: number;
    data: Buffer;
    static sync: {
      read(buffer: Buffer): DecodedPNG;
      write(png: Bitmap, options?: PNGOptions): Buffer;
    };
  }
}
