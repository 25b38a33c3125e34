// Writes test/fixtures/hostile/: the small bad inputs the hostile-input tests feed to `attache ingest` (the big
// ones are made by the tests in a temporary folder). Run again after a change:
//   node --import tsx test/hostile/make-fixtures.ts
import { writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import iconv from "iconv-lite";
import { fixture } from "../support/shared.ts";

const w = (name: string, data: string | Buffer): void => writeFileSync(fixture("hostile", name), data);

// Spanish-language pages as outlets in Paraguay and Guatemala write them (retold for the project).
const es1 =
  "TITLE: Peña: Paraguay no romperá relaciones con Taiwán\n\n" +
  "Asunción, 29 de octubre de 2023 – El presidente Santiago Peña afirmó que Paraguay “no romperá” sus relaciones " +
  "con Taiwán, pese a la presión de Pekín. «Somos un aliado firme», dijo el mandatario en una entrevista.\n\n" +
  "El canciller añadió que la cooperación en salud, educación y tecnología seguirá creciendo durante el próximo año.\n";
const es2 =
  "TITLE: Arévalo visita Taipéi\n\n" +
  "Ciudad de Guatemala, 5 de junio de 2025 - El presidente Bernardo Arévalo llegó a Taipéi, donde el presidente " +
  "Lai Ching-te prometió becas y formación en alta tecnología para jóvenes guatemaltecos. Arévalo agradeció el " +
  "apoyo de Taiwán.\n\nLa visita ocurre cuando Taiwán conserva doce aliados diplomáticos en el mundo.\n";

w(
  "good.txt",
  "DATE: 2024-01-15\n\nNauru cut diplomatic ties with Taiwan on Monday, the government in Yaren said.\n",
);

// Windows-1252 has curly quotes and dashes that Latin-1 lacks; the Latin-1 page keeps to what it has.
w("spanish-windows-1252.txt", iconv.encode(es1, "windows-1252"));
w("spanish-latin1.txt", iconv.encode(es2, "latin1"));
w(
  "spanish-windows-1252.html",
  iconv.encode(
    '<!DOCTYPE html><html lang="es"><head><meta charset="windows-1252"><title>Peña ratifica la alianza</title>' +
      "</head><body><article><h1>Peña ratifica la alianza con Taiwán</h1>" +
      "<p>Asunción – El presidente Santiago Peña ratificó este domingo la alianza con Taiwán y descartó cualquier " +
      "acercamiento a Pekín, según informó la Cancillería.</p><p>El mandatario recordó que la cooperación " +
      "taiwanesa financia viviendas, becas y proyectos de salud en todo el país, y aseguró que “la amistad " +
      "seguirá”.</p></article></body></html>",
    "windows-1252",
  ),
);
// A page that says which legacy encoding it is in (ISO-8859-15 has € where Latin-1 has ¤).
w(
  "declared-iso-8859-15.html",
  iconv.encode(
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"><title>Préstamo</title>' +
      "</head><body><article><p>Asunción - Taiwán aprobó un préstamo de 100 millones de € para viviendas " +
      "sociales en Paraguay, informó el Ministerio de Hacienda en un comunicado de prensa.</p></article></body></html>",
    "iso-8859-15",
  ),
);
// Each copy says which it is, so one ingest of them all stores each (the same text twice is one article).
const note = (which: string): string => `\nCopia guardada en ${which}.\n`;
w(
  "utf16le-bom.txt",
  Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(es2 + note("UTF-16LE con BOM"), "utf-16le")]),
);
w(
  "utf16be-bom.txt",
  Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(es2 + note("UTF-16BE con BOM"), "utf-16be")]),
);
w("utf16le-nobom.txt", iconv.encode(es1 + note("UTF-16LE sin BOM"), "utf-16le"));
w("utf16be-nobom.txt", iconv.encode(es1 + note("UTF-16BE sin BOM"), "utf-16be"));

// UTF-8 with a few broken bytes: a cut sequence, a stray continuation byte, an overlong slash.
const good = Buffer.from(es2, "utf8");
const at = good.indexOf(Buffer.from("prometió"));
w(
  "utf8-broken-bytes.txt",
  Buffer.concat([
    good.subarray(0, at),
    Buffer.from([0xc3, 0x20]),
    good.subarray(at, at + 40),
    Buffer.from([0x80, 0xc0, 0xaf]),
    good.subarray(at + 40),
  ]),
);
// High bytes with no NUL and no magic number: text in no encoding.
let seed = 7;
const rnd = (): number => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
w("garbage.txt", Buffer.from(Array.from({ length: 4096 }, () => 0x80 + Math.floor(rnd() * 0x7f))));
// Control characters throughout, still no NUL.
w("controls.txt", Buffer.from(Array.from({ length: 4096 }, () => 1 + Math.floor(rnd() * 254))));

w("empty.txt", "");
w("blank-lines.txt", "\n\n   \n\t\n\n");
w(
  "image.png",
  Buffer.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0,
    1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89, 0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
  ]),
);
w(
  "photo.jpg",
  Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9,
  ]),
);
w(
  "report.pdf",
  Buffer.concat([
    Buffer.from(
      "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\nstream\n",
      "latin1",
    ),
    Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 37) & 0xff)),
    Buffer.from("\nendstream\n%%EOF\n"),
  ]),
);
w(
  "archive.zip",
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]), Buffer.alloc(20)]),
);
w("article.txt.gz", gzipSync(Buffer.from(es1)));
w("data.bin", Buffer.from(Array.from({ length: 2048 }, (_, i) => (i % 3 === 0 ? 0 : (i * 91) & 0xff))));

// JSON Lines with one good record between each kind of bad one.
const rec = (o: unknown): string => JSON.stringify(o);
w(
  "malformed.jsonl",
  [
    rec({
      url: "https://example.org/a",
      date: "2024-01-15",
      text: "Nauru cut diplomatic ties with Taiwan on Monday.",
    }),
    '{"text": "a line cut short',
    "[1, 2, 3]",
    rec({ title: "a record without a body" }),
    rec({ text: 42 }),
    "null",
    `${"[".repeat(20000)}${"]".repeat(20000)}`,
    rec({
      html: "<p>Tuvalu reaffirmed its ties with Taiwan on Friday, its prime minister said.</p>",
      date: "soon",
    }),
    "\u0000\u0001\u0002",
    rec({ text: "Palau's president visited Taipei on Tuesday and met Lai Ching-te.", date: "2024-05-21" }),
  ].join("\n") + "\n",
);

// Script, styles, event handlers and markup written as text: the text is kept as text, the rest dropped.
w(
  "scripts.html",
  `<!doctype html>
<html><head><title>Tuvalu &lt;script&gt;alert("title")&lt;/script&gt; keeps Taiwan</title>
<script>alert("head");document.write("<p>injected</p>")</script>
<style>p{color:red}</style>
<meta http-equiv="refresh" content="0;url=javascript:alert('refresh')">
</head>
<body onload="alert('body')">
<article>
<h1 onclick="alert('h1')">Tuvalu keeps its ties with Taiwan</h1>
<p onmouseover="alert('p')">Tuvalu's prime minister said on Friday that the Pacific nation would keep its diplomatic ties with Taiwan, rejecting calls to switch recognition to Beijing.<img src=x onerror="alert('img')"></p>
<script>alert("body script")</script>
<p>A reader wrote &lt;script&gt;alert("text")&lt;/script&gt; and &lt;img src=x onerror=alert("text-img")&gt; in the comments, which the site printed as text.</p>
<p><a href="javascript:alert('link')">Read more</a> about the <svg onload="alert('svg')"><text>svg text</text></svg> ties between the two governments, which date back to 1979.</p>
<iframe srcdoc="<script>alert('iframe')</script>"></iframe>
<noscript><p>alert("noscript")</p></noscript>
<template><p>alert("template")</p></template>
</article>
</body></html>
`,
);

// Markup and handlers in every field the dashboard shows (title, outlet, URL, text, quote, evidence): each must
// be shown as the characters it is, and none may run (test/e2e/hostile.test.ts).
w(
  "xss.jsonl",
  `${JSON.stringify({
    url: "https://example.org/news/nauru?<script>window.__pwned='url'</script>",
    title: `Nauru <img src=x onerror="window.__pwned='title'"><script>window.__pwned='title'</script>`,
    source: `<b onmouseover="window.__pwned='outlet'">Wire</b>`,
    date: "2024-01-15",
    text:
      `Nauru cut diplomatic ties with Taiwan on Monday <img src=x onerror="window.__pwned='text'">, the government said.\n\n` +
      `<script>window.__pwned='script'</script> "We <svg onload=window.__pwned='quote'> will not go back to Taipei," ` +
      `President David Adeang said on Tuesday <a href="javascript:window.__pwned='link'">here</a>.`,
  })}\n${JSON.stringify({
    url: "javascript:window.__pwned='url2'",
    title: "A javascript: URL as the article's address",
    date: "2024-01-16",
    text: "Tuvalu reaffirmed its diplomatic ties with Taiwan on Tuesday, its foreign minister said.",
  })}\n`,
);
