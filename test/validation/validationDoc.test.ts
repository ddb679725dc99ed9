import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { issueCodes, safeParseSegmentTrack, safeParseWebhook } from '../../src/index';
import { setPath } from '../arbitraries/track';

const doc = readFileSync(new URL('../../docs/validation.md', import.meta.url), 'utf8');

function block(name: string): Record<string, unknown> {
  const match = new RegExp('```json ' + name + '\\n(.*)\\n```').exec(doc);
  if (match === null) throw new Error(`docs/validation.md has no \`\`\`json ${name} block`);
  return JSON.parse(match[1]!) as Record<string, unknown>;
}

const inputs = { webhook: block('webhook'), track: block('track') };
const parsers = { webhook: safeParseWebhook, track: (input: unknown) => safeParseSegmentTrack(input) };

const rows = [
  ...doc.matchAll(/^\| `(\w+)` \| (webhook|track) \| `([^`]+)` (?:→ `(.+?)`|removed) \| `([^`]+)` \| (.+) \|$/gm),
].map((m) => ({
  code: m[1]!,
  input: m[2] as 'webhook' | 'track',
  path: m[3]!.split('.'),
  value: m[4] === undefined ? undefined : (JSON.parse(m[4]) as unknown),
  issuePath: m[5]!.split('.'),
  message: m[6]!,
}));

describe('docs/validation.md', () => {
  test('both example inputs are valid', () => {
    expect(safeParseWebhook(inputs.webhook).success).toBe(true);
    expect(safeParseSegmentTrack(inputs.track).success).toBe(true);
  });

  test('lists every issue code, in the closed list and with an example each', () => {
    const listed = [...doc.matchAll(/^\| `(\w+)` \| [a-z]/gm)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(new Set(issueCodes));
    expect(new Set(rows.map((r) => r.code))).toEqual(new Set(issueCodes));
    expect(rows.length).toBeGreaterThanOrEqual(13);
  });

  test.each(rows.map((row) => [`${row.code} at ${row.issuePath.join('.')}`, row] as const))('%s', (_, row) => {
    const result = parsers[row.input](setPath(inputs[row.input], row.path, row.value));
    expect(result.success ? [] : result.issues).toContainEqual({ code: row.code, path: row.issuePath, message: row.message });
  });
});
