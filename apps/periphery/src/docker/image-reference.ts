/**
 * Docker's reference grammar (distribution/reference), case-insensitive where the engine has the
 * last word: `[host[:port]/]path[:tag][@digest]`. Besides refusing what no registry could hold,
 * it keeps out whitespace, shell characters, and the `?`, `#`, `%` and `.`/`..` path segments
 * that would turn the name, put into an Engine URL, into another endpoint.
 */
const ALNUM = '[a-zA-Z0-9]';
const HOST = `${ALNUM}(?:[a-zA-Z0-9.-]*${ALNUM})?(?::\\d{1,5})?`;
const COMPONENT = `${ALNUM}+(?:(?:[._]|__|-+)${ALNUM}+)*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const IMAGE_REFERENCE = new RegExp(
  `^(?:${HOST}/)?${COMPONENT}(?:/${COMPONENT})*(?::${TAG})?(?:@${DIGEST})?$`,
);

/** Docker's own ceiling is 255 for the name plus 128 for the tag; a digest adds 71. */
export const IMAGE_REFERENCE_MAX = 512;

export function isImageReference(value: string): boolean {
  return value.length <= IMAGE_REFERENCE_MAX && IMAGE_REFERENCE.test(value);
}
