// Text sizes shared by layout (to size boxes) and drawing (to shorten what does not fit). Layout runs
// in Node with no fonts to measure, so widths are estimated from character counts; the CSS uses the
// same sizes, and the estimates err wide (measured against DejaVu Sans, wider than most UI fonts).
export interface TextStyle {
  px: number;
  /** Average advance of a character as a fraction of the font size, for mixed names, ids and digits. */
  advance: number;
}

/** Box titles: 13 px semibold. */
export const LABEL_TEXT: TextStyle = { px: 13, advance: 0.62 };
/** Second lines (CIDR, state, runtime): 11 px regular. */
export const DETAIL_TEXT: TextStyle = { px: 11, advance: 0.56 };
/** A broken hop's reason on its arrow: 11 px regular. */
export const EDGE_LABEL_TEXT: TextStyle = { px: 11, advance: 0.56 };

export function textWidth(text: string, style: TextStyle): number {
  return Math.ceil([...text].length * style.px * style.advance);
}

/** The text, cut with an ellipsis so it fits `width` pixels; whole names stay in tooltips. */
export function fitText(text: string, width: number, style: TextStyle): string {
  const chars = [...text];
  const max = Math.max(1, Math.floor(width / (style.px * style.advance)));
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
