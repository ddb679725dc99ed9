import { integrationName, integrationVersion, type IntegrationVersion, v1IntegrationVersion } from '../catalog/integration';
import { isPlainObject } from '../json/isPlainObject';

/**
 * Reads which version of Customer.io's Segment source made a track call, from
 * `context.integration`, without validating the rest.
 *
 * A routing helper, not a check: `undefined` when the call does not name the `customer.io`
 * integration at version `1.0.0` or `2.0.0`. Validate with `safeParseV1Track` or
 * `safeParseSegmentTrack` afterwards.
 */
export function trackVersionOf(input: unknown): IntegrationVersion | undefined {
  if (!isPlainObject(input) || !isPlainObject(input.context)) return undefined;
  const integration = input.context.integration;
  if (!isPlainObject(integration) || integration.name !== integrationName) return undefined;
  const version = integration.version;
  return version === v1IntegrationVersion || version === integrationVersion ? version : undefined;
}
