import { catalogEntries } from '../catalog/catalogEntries';

/** The event names of the catalog, the names `enabledEvents` and `eventNames` are written with. */
const knownNames: ReadonlySet<string> = /* @__PURE__ */ new Set(catalogEntries.map((entry) => entry.event));

// The shape of a name Customer.io's rule gives an event outside the catalog: words separated by one
// space, each starting with a capital or a digit ("Carrier Pigeon Landed").
const ruleShape = /^[A-Z0-9][^\s]*(?: [A-Z0-9][^\s]*)+$/;

// Option objects already checked: a pipeline passes the same object for every event.
const checked = /* @__PURE__ */ new WeakSet<object>();

/** Why `name` is not an event name `toSegmentTrack` can produce, or `undefined` when it is one. */
export function eventNameProblem(name: string, allowUnknownEvents: boolean): string | undefined {
  if (knownNames.has(name)) return undefined;
  const near = nearestKnownName(name);
  if (near !== undefined) return `${JSON.stringify(name)} is not an event name; did you mean ${JSON.stringify(near)}?`;
  if (allowUnknownEvents && ruleShape.test(name)) return undefined;
  return `${JSON.stringify(name)} is not an event name`;
}

/** The accepted spellings, for messages. */
export function acceptedEventNames(): string {
  return [...knownNames].map((name) => JSON.stringify(name)).join(', ');
}

/**
 * Checks the event names of `toSegmentTrack`'s `enabledEvents` and `eventNames` once per options
 * object, and throws a TypeError naming the unknown ones and listing the accepted spellings.
 *
 * A misspelt name would otherwise switch every event off (`enabledEvents: ["Email Openned"]`) or rename
 * nothing, without a word. Accepted: the catalog's names, exactly as written; and, for events outside
 * the catalog (`allowUnknownEvents`), names of the shape Customer.io's rule gives them ("Carrier Pigeon
 * Landed") that are not a near miss of a catalog name ("Email Openned", "email opened").
 */
export function checkTrackOptions(options: { readonly enabledEvents?: readonly string[] | undefined; readonly eventNames?: { readonly [name: string]: string } | undefined } | undefined): void {
  if (options === undefined || checked.has(options)) return;
  const problems: string[] = [];
  const { enabledEvents, eventNames } = options;
  if (enabledEvents !== undefined) {
    if (!Array.isArray(enabledEvents)) problems.push('enabledEvents must be an array of event names');
    else for (const name of enabledEvents) {
      const problem = typeof name === 'string' ? eventNameProblem(name, true) : `${String(name)} is not a string`;
      if (problem !== undefined) problems.push(`enabledEvents: ${problem}`);
    }
  }
  if (eventNames !== undefined) {
    if (typeof eventNames !== 'object' || eventNames === null) problems.push('eventNames must be an object of default name → name');
    else for (const name of Object.keys(eventNames)) {
      const problem = eventNameProblem(name, true);
      if (problem !== undefined) problems.push(`eventNames: ${problem}`);
      if (typeof eventNames[name] !== 'string' || eventNames[name] === '') problems.push(`eventNames: the new name of ${JSON.stringify(name)} must be a non-empty string`);
    }
  }
  if (problems.length > 0) {
    throw new TypeError(`toSegmentTrack: ${problems.join('; ')}. Event names are written as the catalog names them: ${acceptedEventNames()}`);
  }
  checked.add(options);
}

// A catalog name the given one differs from only by case, spacing or at most two edits: a typo.
function nearestKnownName(name: string): string | undefined {
  const folded = name.toLowerCase().replace(/\s+/g, ' ').trim();
  let best: string | undefined;
  let bestDistance = 3;
  for (const known of knownNames) {
    const distance = editDistance(folded, known.toLowerCase(), bestDistance);
    if (distance < bestDistance) {
      best = known;
      bestDistance = distance;
    }
  }
  return best;
}

// Levenshtein distance, giving up (returning `limit`) once it cannot be below `limit`.
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit);
}
