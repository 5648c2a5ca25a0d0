// Types of scripts/icons.mjs, for the tests that import it.
export declare const BUILD_DIR: string;
export declare const LINUX_SIZES: readonly number[];
export declare const ICO_SIZES: readonly number[];
export declare const ICNS_TYPES: ReadonlyArray<readonly [type: string, size: number]>;
export declare const SMALL_MAX: number;
export declare function renderPng(svg: string, size: number, options?: { crisp?: boolean }): Buffer;
export declare function buildIco(images: ReadonlyArray<{ size: number; png: Buffer }>): Buffer;
export declare function buildIcns(elements: ReadonlyArray<{ type: string; png: Buffer }>): Buffer;
export declare function writeIcons(outDir: string, options?: { sourceDir?: string }): string[];
