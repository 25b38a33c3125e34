// Bytes to text: byte-order marks, strict UTF-8, then a detected legacy encoding (Windows-1252, Latin-1…).
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
    return { text: buf.subarray(3).toString("utf8"), encoding: "utf-8" };
  if (startsWith(buf, [0xff, 0xfe]))
    return { text: iconv.decode(buf.subarray(2), "utf-16le"), encoding: "utf-16le" };
  if (startsWith(buf, [0xfe, 0xff]))
    return { text: iconv.decode(buf.subarray(2), "utf-16be"), encoding: "utf-16be" };
  for (const [magic, what] of MAGIC) if (startsWith(buf, magic)) throw new InputError(`binary file: ${what}`);
  const head = buf.subarray(0, 4096);
  const nul = head.indexOf(0);
  if (nul >= 0) {
    // UTF-16 without a byte-order mark: every other byte of ASCII text is zero.
    const guess = chardet.detect(head);
    if (guess === "UTF-16LE" || guess === "UTF-16BE") {
      return { text: iconv.decode(buf, guess.toLowerCase()), encoding: guess.toLowerCase() };
    }
    const zerosEven = countZeros(head, 0);
    const zerosOdd = countZeros(head, 1);
    if (zerosOdd > head.length / 4 && zerosEven === 0)
      return { text: iconv.decode(buf, "utf-16le"), encoding: "utf-16le" };
    if (zerosEven > head.length / 4 && zerosOdd === 0)
      return { text: iconv.decode(buf, "utf-16be"), encoding: "utf-16be" };
    throw new InputError("binary file: contains NUL bytes");
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buf), encoding: "utf-8" };
  } catch {
    const guess = chardet.detect(buf.subarray(0, 65536)) ?? "windows-1252";
    const encoding = /^(ISO-8859-1|windows-1252|UTF-8)$/i.test(guess) ? "windows-1252" : guess;
    if (!iconv.encodingExists(encoding)) throw new InputError(`unknown text encoding (${guess})`);
    return { text: iconv.decode(buf, encoding), encoding: encoding.toLowerCase() };
  }
}

function countZeros(buf: Buffer, parity: number): number {
  let n = 0;
  for (let i = parity; i < buf.length; i += 2) if (buf[i] === 0) n++;
  return n;
}
