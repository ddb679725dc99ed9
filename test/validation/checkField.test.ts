import fc from 'fast-check';
import { expect, test } from 'vitest';
import { checkField } from '../../src/validation/checkField';
import { IssueCollector } from '../../src/validation/IssueCollector';

const types = ['string', 'integer', 'boolean', 'string|null', 'integer|null', 'integer|string', 'object', 'identifiers', 'recipients', 'link'];

const shaped = fc.oneof(
  fc.anything(),
  fc.record({ id: fc.anything(), email: fc.anything(), cio_id: fc.anything(), url: fc.anything() }, { requiredKeys: [] }),
  fc.array(fc.oneof(fc.record({ device_id: fc.anything(), device_platform: fc.anything() }, { requiredKeys: [] }), fc.anything()), { maxLength: 3 }),
);

test('checkField says a value is valid exactly when it reports no issue', () => {
  fc.assert(
    fc.property(fc.constantFrom(...types), shaped, (type, value) => {
      const issues = new IssueCollector();
      expect(checkField(issues, type, value, ['x'], 'y')).toBe(issues.issues === undefined);
    }),
    { numRuns: 20_000 },
  );
});

test('checkField reports at the field or below it, and only invalid_type', () => {
  fc.assert(
    fc.property(fc.constantFrom(...types), shaped, (type, value) => {
      const issues = new IssueCollector();
      checkField(issues, type, value, ['x'], 'y');
      for (const issue of issues.issues ?? []) {
        expect(issue.path.slice(0, 2)).toEqual(['x', 'y']);
        expect(issue.code).toBe('invalid_type');
      }
    }),
    { numRuns: 5_000 },
  );
});
