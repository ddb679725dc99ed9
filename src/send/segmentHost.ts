/** A Segment workspace region. */
export type SegmentRegion = 'us' | 'eu';

const hosts: { readonly [R in SegmentRegion]: string } = {
  us: 'https://api.segment.io',
  eu: 'https://events.eu1.segmentapis.com',
};

/**
 * Returns the base URL of Segment's tracking API for a workspace region, as `@segment/analytics-node`'s
 * `host` setting takes it.
 *
 * `'us'` is `https://api.segment.io` (the client's default) and `'eu'` is
 * `https://events.eu1.segmentapis.com` (https://segment.com/docs/guides/regional-segment/).
 *
 * @throws {RangeError} For a region other than `'us'` or `'eu'`: guessing one would lose the data.
 * @example
 * const analytics = new Analytics({ writeKey, host: segmentHost('eu') });
 */
export function segmentHost(region: SegmentRegion): string {
  // `hasOwn`, so that `'toString'` and friends from an untyped caller are not taken for regions.
  if (typeof region !== 'string' || !Object.hasOwn(hosts, region)) {
    throw new RangeError(`Segment region must be 'us' or 'eu', received ${String(region)}`);
  }
  return hosts[region];
}
