import { describe, expect, test } from 'vitest';
import { segmentEndpoint } from '../../src/send/segmentEndpoint';
import { segmentHost } from '../../src/send/segmentHost';

// Expected URLs as written in reference/segment.md §3 (Endpoints table).
describe('segmentEndpoint and segmentHost', () => {
  test('US', () => {
    expect(segmentEndpoint('us')).toBe('https://api.segment.io/v1/batch');
    expect(segmentHost('us')).toBe('https://api.segment.io');
  });

  test('EU', () => {
    expect(segmentEndpoint('eu')).toBe('https://events.eu1.segmentapis.com/v1/batch');
    expect(segmentHost('eu')).toBe('https://events.eu1.segmentapis.com');
  });

  test.each([['US'], ['eu1'], ['toString'], [''], [undefined]])('%j is not a region', (region) => {
    expect(() => segmentEndpoint(region as never)).toThrow(RangeError);
    expect(() => segmentHost(region as never)).toThrow(RangeError);
  });
});
