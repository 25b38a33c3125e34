// The event filters `attache events` and `attache export` share: the same options, checked the same way, and
// turned into a store filter by the query layer (actor names resolved to ids, as the API does).
import type { Command } from "commander";
import type { QueryContext } from "../query/context.ts";
import { eventFilter } from "../query/events.ts";
import type { EventFilter } from "../store/repository.ts";
import { EVENT_STATUSES, EVENT_TYPES, type EventRecord } from "../store/types.ts";
import { UsageError, parseDateArg } from "./common.ts";

export interface EventFilterOpts {
  actor?: string;
  pair?: string;
  type?: string;
  status?: string;
  from?: string;
  to?: string;
  text?: string;
  article?: string;
}

export function addEventFilterOptions(cmd: Command, statusHelp = "occurred, pledged or denied"): Command {
  return cmd
    .option("--actor <actor>", "events with this actor on either side (id like TWN or IGO:EU, or a name)")
    .option("--pair <a,b>", "events between two actors, either direction")
    .option("--type <type>", `one of ${EVENT_TYPES.join(", ")}`)
    .option("--status <status>", statusHelp)
    .option("--from <date>", "on or after this date")
    .option("--to <date>", "on or before this date")
    .option("--text <words>", "evidence containing these words")
    .option("--article <id>", "events of one article");
}

/** Checks the options' shapes (a usage error, exit 2, names the option) before any store is opened. */
export function checkEventFilterOpts(o: EventFilterOpts): void {
  if (o.type && !(EVENT_TYPES as readonly string[]).includes(o.type.toUpperCase()))
    throw new UsageError(`--type must be one of ${EVENT_TYPES.join(", ")}`);
  if (o.status && !(EVENT_STATUSES as readonly string[]).includes(o.status))
    throw new UsageError(`--status must be one of ${EVENT_STATUSES.join(", ")}`);
  if (o.pair && o.pair.split(/[,:]/).filter((p) => p.trim()).length !== 2)
    throw new UsageError(`--pair takes two actors like TWN,GTM, not "${o.pair}"`);
  if (o.from) parseDateArg(o.from, "--from");
  if (o.to) parseDateArg(o.to, "--to");
}

/** The store filter the options ask for; unknown actors are the query layer's errors (exit 2 in withQuery). */
export function eventFilterFromOpts(ctx: QueryContext, o: EventFilterOpts): EventFilter {
  checkEventFilterOpts(o);
  return eventFilter(ctx, {
    actor: o.actor,
    pair: o.pair
      ?.split(/[,:]/)
      .map((p) => p.trim())
      .join(","),
    type: o.type?.toUpperCase() as EventRecord["type"] | undefined,
    status: o.status as EventRecord["status"] | undefined,
    from: o.from ? parseDateArg(o.from, "--from") : undefined,
    to: o.to ? parseDateArg(o.to, "--to") : undefined,
    text: o.text,
    article: o.article,
  });
}
