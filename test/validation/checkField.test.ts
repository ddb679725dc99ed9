import fc from 'fast-check';
import { expect, test } from 'vitest';
import { checkField, isValidField } from '../../src/validation/checkField';

const types = ['string', 'integer', 'boolean', 'string|null', 'integer|null', 'integer|string', 'object', 'identifiers', 'recipients', 'link'];

test('isValidField (the allocation-free fast path) agrees with checkField on any value', () => {
  const shaped = fc.oneof(
    fc.anything(),
    fc.record({ id: fc.anything(), email: fc.anything(), cio_id: fc.anything(), url: fc.anything() }, { requiredKeys: [] }),
    fc.array(fc.oneof(fc.record({ device_id: fc.anything(), device_platform: fc.anything() }, { requiredKeys: [] }), fc.anything()), { maxLength: 3 }),
  );
  fc.assert(
    fc.property(fc.constantFrom(...types), shaped, (type, value) => {
      expect(isValidField(type, value)).toBe(checkField(undefined, type, value, ['x']) === undefined);
    }),
    { numRuns: 20_000 },
  );
});
