import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldNameLookups } from '../../src/migration/foldNameLookups';
import type { LookupKind, NameLookup } from '../../src/migration/MigrationResult';

describe('foldNameLookups', () => {
  it('folds lookups into one id → name table per kind, keyed by the id as text', () => {
    const tables = foldNameLookups([
      { kind: 'campaign', id: 1, name: 'Onboarding' },
      { kind: 'campaign', id: '1', name: 'Onboarding' },
      { kind: 'action', id: 'n18', name: 'SMS step' },
      { kind: 'newsletter', id: 7n, name: 'Weekly' },
    ]);
    expect({ ...tables.campaign }).toStrictEqual({ 1: 'Onboarding' });
    expect({ ...tables.action }).toStrictEqual({ n18: 'SMS step' });
    expect({ ...tables.newsletter }).toStrictEqual({ 7: 'Weekly' });
    expect({ ...tables.transactional_message }).toStrictEqual({});
    expect(tables.renamed).toStrictEqual([]);
  });

  it('reports an id seen with several names instead of picking one, and keeps it out of its table', () => {
    const tables = foldNameLookups([
      { kind: 'campaign', id: 3, name: 'Spring' },
      { kind: 'campaign', id: 3, name: 'Spring sale' },
      { kind: 'campaign', id: 3, name: 'Spring' },
      { kind: 'campaign', id: 3, name: 'Spring 2021' },
      { kind: 'action', id: 3, name: 'Other kind, same id' },
    ]);
    expect(tables.renamed).toStrictEqual([{ kind: 'campaign', id: '3', names: ['Spring', 'Spring sale', 'Spring 2021'] }]);
    expect(Object.hasOwn(tables.campaign, '3')).toBe(false);
    expect(tables.action['3']).toBe('Other kind, same id');
  });

  it('treats ids named like Object.prototype members as plain ids', () => {
    const tables = foldNameLookups([{ kind: 'campaign', id: '__proto__', name: 'x' }, { kind: 'campaign', id: 'constructor', name: 'y' }]);
    expect(Object.keys(tables.campaign)).toStrictEqual(['__proto__', 'constructor']);
    expect(JSON.parse(JSON.stringify(tables.campaign))).toStrictEqual({ ['__proto__']: 'x', constructor: 'y' });
  });

  it('gives the same tables folded at once or piece by piece, and every (id, name) pair lands somewhere', () => {
    const lookup = fc.record({
      kind: fc.constantFrom<LookupKind>('action', 'campaign', 'newsletter', 'transactional_message'),
      id: fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constantFrom('n1', 'n2')),
      name: fc.constantFrom('A', 'B', 'C'),
    });
    fc.assert(
      fc.property(fc.array(lookup, { maxLength: 30 }), fc.nat(30), (lookups: NameLookup[], cut) => {
        const whole = foldNameLookups(lookups);
        const pieces = foldNameLookups(lookups.slice(cut), foldNameLookups(lookups.slice(0, cut)));
        expect(JSON.stringify(pieces)).toBe(JSON.stringify(whole));
        for (const { kind, id, name } of lookups) {
          const inTable = whole[kind][String(id)] === name;
          const renamed = whole.renamed.find((r) => r.kind === kind && r.id === String(id));
          expect(inTable !== (renamed !== undefined)).toBe(true);
          if (renamed !== undefined) expect(renamed.names).toContain(name);
        }
        // An id is renamed exactly when the input shows it with two names.
        for (const r of whole.renamed) {
          expect(new Set(lookups.filter((l) => l.kind === r.kind && String(l.id) === r.id).map((l) => l.name)).size).toBe(r.names.length);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('folds into tables read back from JSON: ids named like Object.prototype members are ids, and a missing kind is added', () => {
    const saved = JSON.parse('{"campaign":{"1":"A","__proto__":"P"},"renamed":[]}') as Parameters<typeof foldNameLookups>[1] & object;
    const tables = foldNameLookups(
      [
        { kind: 'campaign', id: 'constructor', name: 'C' },
        { kind: 'campaign', id: 'toString', name: 'T' },
        { kind: 'campaign', id: '__proto__', name: 'P' },
        { kind: 'campaign', id: 'hasOwnProperty', name: 'H' },
        { kind: 'action', id: 'valueOf', name: 'V' },
      ],
      saved,
    );
    expect(tables.renamed).toStrictEqual([]);
    expect(JSON.parse(JSON.stringify(tables))).toStrictEqual({
      campaign: { 1: 'A', ['__proto__']: 'P', constructor: 'C', toString: 'T', hasOwnProperty: 'H' },
      renamed: [],
      action: { valueOf: 'V' },
      newsletter: {},
      transactional_message: {},
    });
    expect(Object.getPrototypeOf(tables.campaign)).toBe(Object.prototype);
  });

  it('gives the same tables whether the first part went through a JSON file or not, for any id', () => {
    const lookup = fc.record({
      kind: fc.constantFrom<LookupKind>('action', 'campaign', 'newsletter', 'transactional_message'),
      id: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', '1'), fc.string({ maxLength: 3 })),
      name: fc.constantFrom('A', 'B'),
    });
    fc.assert(
      fc.property(fc.array(lookup, { maxLength: 20 }), fc.nat(20), (lookups: NameLookup[], cut) => {
        const whole = foldNameLookups(lookups);
        const saved = JSON.parse(JSON.stringify(foldNameLookups(lookups.slice(0, cut)))) as Parameters<typeof foldNameLookups>[1] & object;
        const resumed = foldNameLookups(lookups.slice(cut), saved);
        expect(JSON.parse(JSON.stringify(resumed))).toStrictEqual(JSON.parse(JSON.stringify(whole)));
      }),
      { numRuns: 500 },
    );
  });
});
