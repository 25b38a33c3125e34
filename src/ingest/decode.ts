// Bytes to text: byte-order marks, strict UTF-8, UTF-8 with a few broken bytes, then the charset a page
// declares, then a detected legacy encoding (Windows-1252, Latin-1…). Bytes that are text in no encoding
// are refused, naming what they look like.
import chardet from "chardet";
import iconv from "iconv-lite";

export class InputError extends Error {}

const MAGIC: Array<[number[], string]> = [
  [[0x25, 0x50, 0x44, 0x46], "a PDF document"],
  [[0x50, 0x4b, 0x03, 0x04], "a ZIP archive (or an office document)"],
  [[0x1f, 0x8b], "a gzip archive"],
  [[0x89, 0x50, 0x4e, 0x47], "a PNG image"],
  [[0xff, 0xd8, 0xff], "a JPEG image"],
  [[0x47, 0x49, 0x46, 0x38], "a GIF image"],
  [[0x7f, 0x45, 0x4c, 0x46], "an executable"],
];

function startsWith(buf: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => buf[i] === b);
}

/** Decodes a whole input; throws InputError naming what is wrong with it. */
export function decode(buf: Buffer): { text: string; encoding: string } {
  if (buf.length === 0) throw new InputError("empty file");
  if (startsWith(buf, [0xef, 0xbb, 0xbf]))
    return plausible({ text: buf.subarray(3).toString("utf8"), encoding: "utf-8" });
  if (startsWith(buf, [0xff, 0xfe]))
    return plausible({ text: iconv.decode(buf.subarray(2), "utf-16le"), encoding: "utf-16le" });
  if (startsWith(buf, [0xfe, 0xff]))
    return plausible({ text: iconv.decode(buf.subarray(2), "utf-16be"), encoding: "utf-16be" });
  for (const [magic, what] of MAGIC) if (startsWith(buf, magic)) throw new InputError(`binary file: ${what}`);
  const head = buf.subarray(0, 4096);
  const nul = head.indexOf(0);
  if (nul >= 0) {
    // UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
    const guess = chardet.detect(head);
    if (guess === "UTF-16LE" || guess === "UTF-16BE") {
      return plausible({ text: iconv.decode(buf, guess.toLowerCase()), encoding: guess.toLowerCase() });
    }
    const zerosEven = countZeros(head, 0);
    const zerosOdd = countZeros(head, 1);
    if (zerosOdd > head.length / 4 && zerosEven === 0)
      return plausible({ text: iconv.decode(buf, "utf-16le"), encoding: "utf-16le" });
    if (zerosEven > head.length / 4 && zerosOdd === 0)
      return plausible({ text: iconv.decode(buf, "utf-16be"), encoding: "utf-16be" });
    throw new InputError("binary file: contains NUL bytes");
  }
  try {
    return plausible({ text: new TextDecoder("utf-8", { fatal: true }).decode(buf), encoding: "utf-8" });
  } catch {
    // Not valid UTF-8 as a whole: either UTF-8 with a few broken bytes, or a legacy encoding.
  }
  const { valid, invalid } = utf8Sequences(buf);
  // A legacy page almost never holds a valid multi-byte UTF-8 sequence ("Ã©" is already mojibake), so valid
  // sequences outnumbering broken ones mean UTF-8 that lost a few bytes: each becomes U+FFFD.
  if (valid > 0 && valid >= invalid)
    return plausible({ text: new TextDecoder("utf-8").decode(buf), encoding: "utf-8" });
  const declared = declaredCharset(buf);
  const guess = declared ?? chardet.detect(buf.subarray(0, 65536)) ?? "windows-1252";
  // Latin-1 pages are read as Windows-1252, as browsers do: it only adds letters where Latin-1 has controls.
  const encoding = /^(ISO-8859-1|latin-?1|us-ascii|windows-1252|UTF-8)$/i.test(guess)
    ? "windows-1252"
    : guess;
  if (!iconv.encodingExists(encoding)) throw new InputError(`unknown text encoding (${guess})`);
  return plausible({ text: iconv.decode(buf, encoding), encoding: encoding.toLowerCase() });
}

function countZeros(buf: Buffer, parity: number): number {
  let n = 0;
  for (let i = parity; i < buf.length; i += 2) if (buf[i] === 0) n++;
  return n;
}

/** Counts well-formed multi-byte UTF-8 sequences and bytes that belong to none. */
export function utf8Sequences(buf: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < buf.length;) {
    const b = buf[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= buf.length;
    for (let k = 1; ok && k < len; k++) ok = (buf[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += len;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/** The charset an HTML or XML page declares in its first bytes (<meta charset>, <?xml encoding?>). */
export function declaredCharset(buf: Buffer): string | null {
  const head = buf.subarray(0, 4096).toString("latin1");
  const m =
    /<meta\s[^<>]{0,200}?charset\s*=\s*["']?([\w:.-]{1,40})/i.exec(head) ??
    /^\s{0,64}<\?xml\s[^<>]{0,200}?encoding\s*=\s*["']([\w:.-]{1,40})["']/i.exec(head);
  const name = m?.[1] ?? null;
  return name && !/^utf-?8$/i.test(name) && iconv.encodingExists(name) ? name : null;
}

/** Share of the decoded sample that may be control characters before it counts as binary. */
const MAX_CONTROL_SHARE = 0.05;

/** Refuses a decoding that produced no text: control characters throughout, or no white space at all. */
function plausible(d: { text: string; encoding: string }): { text: string; encoding: string } {
  const sample = d.text.slice(0, 65536);
  let controls = 0;
  let spaces = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) spaces++;
    else if (c < 0x20 || (c >= 0x7f && c < 0xa0) || c === 0xfffd) {
      if (c !== 0x0c && c !== 0x0b) controls++;
    }
  }
  if (controls > sample.length * MAX_CONTROL_SHARE)
    throw new InputError(
      `binary file: ${Math.round((100 * controls) / sample.length)}% control characters as ${d.encoding}`,
    );
  if (spaces === 0 && sample.length >= 1024)
    throw new InputError(`not text: no space or line break in the first ${sample.length} characters`);
  return d;
}
