// The questions users ask, shared by the CLI, the API and (through the API) the dashboard.
export { type QueryContext, actorRef, resolveActor, todayIso } from "./context.ts";
export { AttacheError, badRequest, notFound } from "./errors.ts";
export { allEvents, eventDetail, eventFilter, findEvents } from "./events.ts";
export { relationshipTimeline, recognitionEntries, type TimelineOptions } from "./timeline.ts";
export { countryProfile } from "./country.ts";
export { articleView, listArticles } from "./article.ts";
export { recognitionHistory, recognitionSnapshot } from "./recognition.ts";
export { listActors, overallStats } from "./stats.ts";
export { highlightRanges, toCleaned } from "./spans.ts";
