/**
 * Which events a collapsed timeline shows. The rule, in the dataset's (chronological) order:
 * - the first allegation, so the reader knows what the case is about;
 * - every response of a person named (fairness: a response is never folded away);
 * - every finding and settlement (outcomes, as prominent as allegations);
 * - the latest ruling of each proceeding (where that matter stands; earlier interim orders fold);
 * - the case's latest event, so the timeline ends where the record ends.
 * Everything else waits behind "Show all".
 */
export interface TimelineEvent {
  readonly id: string;
  readonly kind: string;
  readonly proceeding?: string | undefined;
}

const ALWAYS_SHOWN = new Set(['response', 'finding', 'settlement']);

export function keyEventIds(events: readonly TimelineEvent[]): Set<string> {
  const keep = new Set<string>();
  const firstAllegation = events.find((event) => event.kind === 'allegation');
  if (firstAllegation) keep.add(firstAllegation.id);
  const latestRuling = new Map<string | undefined, string>();
  for (const event of events) {
    if (ALWAYS_SHOWN.has(event.kind)) keep.add(event.id);
    if (event.kind === 'ruling') latestRuling.set(event.proceeding, event.id);
  }
  for (const id of latestRuling.values()) keep.add(id);
  const latest = events.at(-1);
  if (latest) keep.add(latest.id);
  return keep;
}
