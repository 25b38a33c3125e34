// Events as a GraphML graph for Gephi: actors are nodes (name, kind, recognition, coordinates), and every
// (source, target, type) is one edge typed, dated (first and last date, every date) and weighted by its
// number of events. Symmetric types (MEET, SIGN_AGREEMENT, UPGRADE_RELATIONS) are undirected edges.
import type { Knowledge } from "../knowledge/types.ts";
import { type EventRecord, SYMMETRIC_TYPES } from "../store/types.ts";

const KEYS: Array<[id: string, target: "node" | "edge", name: string, type: "string" | "int" | "double"]> = [
  ["label", "node", "label", "string"],
  ["kind", "node", "kind", "string"],
  ["recognizes", "node", "recognizes", "string"],
  ["iso_numeric", "node", "iso_numeric", "string"],
  ["lat", "node", "latitude", "double"],
  ["lng", "node", "longitude", "double"],
  ["node_events", "node", "events", "int"],
  ["edge_label", "edge", "label", "string"],
  ["type", "edge", "type", "string"],
  ["weight", "edge", "weight", "double"],
  ["count", "edge", "count", "int"],
  ["occurred", "edge", "occurred", "int"],
  ["pledged", "edge", "pledged", "int"],
  ["denied", "edge", "denied", "int"],
  ["first_date", "edge", "first_date", "string"],
  ["last_date", "edge", "last_date", "string"],
  ["dates", "edge", "dates", "string"],
  ["plover", "edge", "plover", "string"],
  ["event_ids", "edge", "event_ids", "string"],
];

// XML 1.0 cannot carry most control characters at all, even escaped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(value: string | number): string {
  return String(value)
    .replace(INVALID_XML, "")
    .replace(
      /[&<>"']/g,
      (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!,
    );
}

interface Edge {
  source: string;
  target: string;
  type: string;
  directed: boolean;
  events: string[];
  dates: string[];
  status: { occurred: number; pledged: number; denied: number };
  plover: Set<string>;
}

/** Builds the graph incrementally, so an export can feed it one page of events at a time. */
export class GraphBuilder {
  private readonly edges = new Map<string, Edge>();
  private readonly nodeEvents = new Map<string, number>();
  skipped = 0;
  added = 0;

  add(e: EventRecord): void {
    if (!e.target) {
      this.skipped++;
      return;
    }
    this.added++;
    const directed = !SYMMETRIC_TYPES.has(e.type);
    const [source, target] = directed || e.source < e.target ? [e.source, e.target] : [e.target, e.source];
    const key = `${source}\u0000${target}\u0000${e.type}`;
    let edge = this.edges.get(key);
    if (!edge) {
      edge = {
        source,
        target,
        type: e.type,
        directed,
        events: [],
        dates: [],
        status: { occurred: 0, pledged: 0, denied: 0 },
        plover: new Set(),
      };
      this.edges.set(key, edge);
    }
    edge.events.push(e.id);
    if (e.date) edge.dates.push(e.date);
    edge.status[e.status]++;
    edge.plover.add(e.plover.mode ? `${e.plover.type}/${e.plover.mode}` : e.plover.type);
    for (const n of [e.source, e.target]) this.nodeEvents.set(n, (this.nodeEvents.get(n) ?? 0) + 1);
  }

  get edgeCount(): number {
    return this.edges.size;
  }

  toGraphml(knowledge: Knowledge, asOf: string): string {
    const out: string[] = [
      `<?xml version="1.0" encoding="UTF-8"?>`,
      `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"` +
        ` xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,
    ];
    for (const [id, target, name, type] of KEYS)
      out.push(`  <key id="${id}" for="${target}" attr.name="${name}" attr.type="${type}"/>`);
    out.push(`  <graph id="attache" edgedefault="directed">`);
    const data = (key: string, value: string | number | null | undefined): string =>
      value === null || value === undefined || value === ""
        ? ""
        : `<data key="${key}">${xmlEscape(value)}</data>`;
    for (const id of [...this.nodeEvents.keys()].sort()) {
      const state = knowledge.state(id);
      const kind = state ? "state" : id.startsWith("IGO:") ? "igo" : "other";
      const label = state?.name ?? (id.startsWith("IGO:") ? id.slice(4) : id);
      const recognizes = state ? knowledge.recognitionOf(id, asOf) : null;
      out.push(
        `    <node id="${xmlEscape(id)}">` +
          data("label", label) +
          data("kind", kind) +
          data("recognizes", recognizes) +
          data("iso_numeric", state?.numeric) +
          data("lat", state?.latlng?.[0]) +
          data("lng", state?.latlng?.[1]) +
          data("node_events", this.nodeEvents.get(id)) +
          `</node>`,
      );
    }
    let n = 0;
    const sorted = [...this.edges.values()].sort(
      (a, b) =>
        a.source.localeCompare(b.source) || a.target.localeCompare(b.target) || a.type.localeCompare(b.type),
    );
    for (const e of sorted) {
      const dates = [...e.dates].sort();
      out.push(
        `    <edge id="e${++n}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}" directed="${e.directed}">` +
          data("edge_label", e.type) +
          data("type", e.type) +
          data("weight", e.events.length) +
          data("count", e.events.length) +
          data("occurred", e.status.occurred) +
          data("pledged", e.status.pledged) +
          data("denied", e.status.denied) +
          data("first_date", dates[0]) +
          data("last_date", dates[dates.length - 1]) +
          data("dates", dates.join(" ")) +
          data("plover", [...e.plover].sort().join(" ")) +
          data("event_ids", e.events.join(" ")) +
          `</edge>`,
      );
    }
    out.push(`  </graph>`, `</graphml>`, ``);
    return out.join("\n");
  }
}

export function eventsToGraphml(events: Iterable<EventRecord>, knowledge: Knowledge, asOf: string): string {
  const g = new GraphBuilder();
  for (const e of events) g.add(e);
  return g.toGraphml(knowledge, asOf);
}
