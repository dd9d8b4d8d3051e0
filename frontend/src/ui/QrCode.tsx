/**
 * A QR code drawn as inline SVG from the module matrix of `qrcode-generator`: no image URL (so the
 * CSP's img-src is not involved) and no HTML string. Pages load this module lazily, through
 * `LazyQrCode`, so the encoder stays out of the initial JavaScript.
 */
import qrcode from 'qrcode-generator';

/** Light modules around the code, as the QR specification asks, so phone cameras find its edges. */
const QUIET_ZONE = 4;

/**
 * The QR code of `text` as rows of modules (true = dark): error correction level M, the smallest
 * version that holds it. The text is encoded as UTF-8 bytes.
 */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  // The library turns each character into one byte (its code & 0xff); giving it the UTF-8 bytes as
  // characters makes any text come out as UTF-8, not just ASCII.
  const bytes = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join('');
  qr.addData(bytes, 'Byte');
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) => Array.from({ length: size }, (_, col) => qr.isDark(row, col)));
}

/** One SVG path for the dark modules, a rectangle per horizontal run, offset by the quiet zone. */
export function modulesPath(matrix: boolean[][]): string {
  let d = '';
  matrix.forEach((row, y) => {
    for (let x = 0; x < row.length; x++) {
      if (!row[x]) continue;
      const start = x;
      while (row[x + 1]) x++;
      d += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start + 1}v1h${-(x - start + 1)}z`;
    }
  });
  return d;
}

/** Sized by the `dv-qr` class; `label` is the text alternative, e.g. what the code opens. */
export default function QrCode({ text, label }: { text: string; label: string }) {
  const matrix = qrMatrix(text);
  const side = matrix.length + 2 * QUIET_ZONE;
  return (
    <svg
      className="dv-qr"
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
      data-testid="qr-code"
    >
      <rect width={side} height={side} fill="#ffffff" />
      <path d={modulesPath(matrix)} fill="#0b0c0c" />
    </svg>
  );
}
