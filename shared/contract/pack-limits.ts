/**
 * Most a pack file may hold: it travels as JSON text in one request, which the browser-mode host takes up to 1 MiB.
 * Apart from the schemas, so the page can check a file before sending it without loading zod.
 */
export const PACK_IMPORT_MAX_CHARS = 900_000;
