// Jupyter counts cursor positions in Unicode code points; JavaScript strings index UTF-16 units.

/** The UTF-16 offset of a code-point position in `text`. */
export function toUtf16(text: string, codePoints: number): number {
  let offset = 0;
  for (let i = 0; i < codePoints && offset < text.length; i++) {
    offset += (text.codePointAt(offset) ?? 0) > 0xffff ? 2 : 1;
  }
  return offset;
}

/** The code-point position of a UTF-16 offset in `text`. */
export function toCodePoints(text: string, utf16: number): number {
  return [...text.slice(0, utf16)].length;
}
