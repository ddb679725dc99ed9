import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { safeParseWebhook, toDeliveredTrack, toSegmentTrack } from '../../src/index';
import { loadSeedFixture, seedFixtureNames } from '../fixtures/seedFixtures';

// The exceptions come from docs/fidelity.md itself, so the doc and the test cannot drift apart.
const fidelityDoc = readFileSync(new URL('../../docs/fidelity.md', import.meta.url), 'utf8');
const exceptions = [...fidelityDoc.matchAll(/^\| ([A-Za-z ]+) \| `([\w.]+)` \| (.+?) \| (.+?) \|/gm)]
  .filter((m) => m[1] !== 'payload')
  .map((m) => ({ event: m[1]!, path: m[2]!.split('.'), documented: m[3]!, produced: m[4]! }));

function removePath(value: Record<string, unknown>, path: string[]): void {
  let node: Record<string, unknown> = value;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  delete node[path[path.length - 1]!];
}

function getPath(value: unknown, path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

describe('seed 004 payloads', () => {
  test('docs/fidelity.md lists its exceptions in a table the test can read', () => {
    expect(exceptions.map((e) => `${e.event} ${e.path.join('.')}`)).toEqual([
      'SMS Sent originalTimestamp',
      'SMS Sent properties.anonymousId',
    ]);
  });

  test.each(seedFixtureNames)('%s is reproduced except for the fields docs/fidelity.md lists', (name) => {
    const { input, documented } = loadSeedFixture(name);
    const parsed = safeParseWebhook(input.webhook);
    if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
    const delivered = JSON.parse(
      JSON.stringify(
        toDeliveredTrack(toSegmentTrack(parsed.value, input.options), {
          sentAt: input.sentAt,
          receivedAt: input.receivedAt,
        }),
      ),
    ) as Record<string, unknown>;
    const expected = structuredClone(documented);
    for (const exception of exceptions.filter((e) => e.event === documented.event)) {
      // The exception must be real: the documented value is what the doc says, and ours differs.
      expect(JSON.stringify(getPath(documented, exception.path))).toBe(exception.documented.replaceAll('`', ''));
      const produced = getPath(delivered, exception.path);
      expect(produced === undefined ? 'absent' : JSON.stringify(produced)).toBe(exception.produced.replaceAll('`', ''));
      removePath(expected, exception.path);
      removePath(delivered, exception.path);
    }
    expect(delivered).toEqual(expected);
  });
});
