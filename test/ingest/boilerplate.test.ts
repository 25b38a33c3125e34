import assert from "node:assert/strict";
import { test } from "node:test";
import { boilerplateRule } from "../../src/ingest/boilerplate.ts";

// Lines a reader recognises as page chrome, written the way different sites write them.
const DROP: Array<[string, string]> = [
  ["LEAVE A REPLY", "comment-prompt"],
  ["Leave a comment", "comment-prompt"],
  ["Please enter your email address here", "comment-prompt"],
  ["12 Comments", "comment-prompt"],
  ["Related Posts", "widget-heading"],
  ["Most Read", "widget-heading"],
  ["You might also like", "widget-heading"],
  ["Top 10 This Month", "widget-heading"],
  ["Share this:", "share-subscribe"],
  ["Subscribe to our newsletter for the week's top diplomatic stories", "share-subscribe"],
  ["Follow us on X and Facebook", "share-subscribe"],
  ["Download our app for breaking news alerts", "promo"],
  ["Available on the App Store and Google Play", "promo"],
  ["3 hours ago", "time-ago"],
  ["timean hour ago", "time-ago"],
  ["President Tsai waves to supporters in Belize City on Saturday. |", "caption-bar"],
  ["Officials attend the ceremony in Honiara. | AFP / GETTY IMAGES", "caption-bar"],
  ["REUTERS", "credit"],
  ["POOL / VIA REUTERS", "credit"],
  ["logo", "image-label"],
];
const KEEP = [
  "Taiwan said on Monday it would end its aid programmes.",
  "Tackling Illegal Migration and Border Security",
  "TAIPEI (CNA) — Taiwan on Monday condemned the decision.",
  "Share prices in Taipei fell 2% after the announcement, traders said on Tuesday.",
  "The comments came after a week of talks in Asuncion between the two foreign ministers.",
  "NATO",
];

for (const [line, rule] of DROP) {
  test(`boilerplate: drops ${JSON.stringify(line)} as ${rule}`, () =>
    assert.equal(boilerplateRule(line), rule));
}
for (const line of KEEP) {
  test(`boilerplate: keeps ${JSON.stringify(line)}`, () => assert.equal(boilerplateRule(line), null));
}
