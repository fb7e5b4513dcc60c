// PNG export without a server or a library: the standalone SVG (colours already resolved by
// export.ts) is drawn onto a canvas from a data: URL — the only image source the page's CSP
// allows besides the extension — and read back as PNG bytes, base64 for the protocol.

/** Chromium refuses canvases past about 16k px a side or 268 M pixels; stay well inside. */
const MAX_SIDE = 8192;
const MAX_PIXELS = 40_000_000;

/** The scale a picture of this size is rasterised at: 2× for crisp text, less when it would be too large. */
export function pngScale(width: number, height: number, preferred = 2): number {
  const bySide = MAX_SIDE / Math.max(width, height, 1);
  const byArea = Math.sqrt(MAX_PIXELS / Math.max(width * height, 1));
  return Math.max(0.05, Math.min(preferred, bySide, byArea));
}

function loadImage(doc: Document, url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new (doc.defaultView ?? window).Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('the browser could not draw the SVG as an image'));
    image.src = url;
  });
}

/** Base64 of a PNG of `svgText` (a standalone SVG of width × height). */
export async function svgToPngBase64(doc: Document, svgText: string, width: number, height: number): Promise<string> {
  const scale = pngScale(width, height);
  const bytes = new TextEncoder().encode(svgText);
  let binary = '';
  // In chunks: String.fromCharCode with one huge spread overflows the stack on big maps.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const image = await loadImage(doc, `data:image/svg+xml;base64,${btoa(binary)}`);
  const canvas = doc.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext('2d');
  if (!context) throw new Error('the browser gave no 2D canvas');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const url = canvas.toDataURL('image/png');
  return url.slice(url.indexOf(',') + 1);
}
