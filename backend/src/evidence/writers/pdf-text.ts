/**
 * The PDF uses the 14 standard fonts (no embedded font, so no random subset tag and the same bytes
 * every time). They encode WinAnsi only: characters outside it are spelled out or replaced here,
 * never left to print as a wrong glyph.
 */
const REPLACEMENTS: Record<string, string> = {
  '≥': '>=',
  '≤': '<=',
  '−': '-',
  '→': '->',
  '≈': '~',
  '\u00a0': ' ',
};

/** Characters above U+00FF that WinAnsi has (0x80–0x9F). */
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

export function pdfText(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (REPLACEMENTS[char] !== undefined) out += REPLACEMENTS[char];
    else if (code <= 0xff || WIN_ANSI_EXTRA.has(char)) out += char;
    else out += '?';
  }
  return out;
}
