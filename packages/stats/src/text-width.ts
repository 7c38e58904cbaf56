// How wide a label will be drawn, so plots can make room for it or shorten it instead of letting it run into the
// drawing. The SVG says "system-ui, sans-serif", which differs per device (Roboto on Android, DejaVu Sans on Debian),
// so widths are measured with Verdana's metrics: among common sans fonts it is one of the widest, so what fits here
// fits on the screen.
import pixelWidth from 'string-pixel-width';

export interface TextStyle {
  size: number;
  bold?: boolean;
}

export function textWidth(content: string, style: TextStyle): number {
  return pixelWidth(content, { font: 'verdana', size: style.size, bold: style.bold ?? false });
}

const ELLIPSIS = '…';

/** `content` as is when it fits in `maxWidth` px, else its longest start that fits with an ellipsis after it. */
export function fitText(content: string, maxWidth: number, style: TextStyle): string {
  if (textWidth(content, style) <= maxWidth) return content;
  const characters = Array.from(content); // whole code points: a cut never splits a surrogate pair
  let low = 0;
  let high = characters.length;
  // The longest prefix whose shortened form fits (widths only grow with length, so a binary search finds it).
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (textWidth(characters.slice(0, middle).join('').trimEnd() + ELLIPSIS, style) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return characters.slice(0, low).join('').trimEnd() + ELLIPSIS;
}
