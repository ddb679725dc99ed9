import type { attributionFields } from '../catalog/catalog';
import { type integrationName, v1IntegrationVersion } from '../catalog/integration';
import type { lookupColumns } from '../catalog/lookupColumns';
import type { movedColumns } from '../catalog/movedColumns';
import type { RenamedField } from '../catalog/renamedFields';
import type { CommonTrackProperties } from '../catalog/segmentTrack';
import type { FieldType } from '../catalog/types';
import type { Issue, SafeParseResult } from './issue';
import { checkTrack } from './checkTrack';
import type { SegmentDeliveryFields } from './safeParseSegmentTrack';

/** The `properties` of a 1.0.0 call: the names 2.0.0 dropped or renamed, and the ones both share. */
export type TrackV1Properties = {
  [C in (typeof movedColumns)[number] as C['old']]?: string;
} & {
  [C in (typeof lookupColumns)[number] as C['name']]?: string | null;
} & {
  [F in Exclude<(typeof attributionFields)[number], RenamedField>]?: FieldType<F>;
} & CommonTrackProperties;

/** A track call of the Customer.io source's version 1.0.0, the shape before May 2022 (`docs/migration.md`). */
export interface SegmentTrackV1 extends SegmentDeliveryFields {
  type: 'track';
  event: string;
  userId: string;
  anonymousId?: string;
  messageId?: string;
  timestamp: string;
  context: {
    integration: { name: typeof integrationName; version: typeof v1IntegrationVersion };
    library?: { [key: string]: unknown };
    traits?: { email?: string; [key: string]: unknown };
    [key: string]: unknown;
  };
  integrations?: { 'Customer.io'?: boolean; [key: string]: unknown };
  properties: TrackV1Properties;
  writeKey?: string;
}

/**
 * Validates an unknown value as a 1.0.0 track call of Customer.io's Segment source, without throwing.
 *
 * The real check migration needs to tell versions apart: `context.integration.version` must be
 * `"1.0.0"` (a 2.0.0 call fails with `invalid_value` there), and the 1.0.0 fields (`email_id`,
 * `email_subject`, the `*_name` fields) are type-checked with the fields both versions share. The
 * envelope rules are those of `safeParseSegmentTrack`, except that `messageId`, `context.library` and
 * `integrations` may be missing and any non-empty event name is accepted.
 */
export function safeParseV1Track(input: unknown): SafeParseResult<SegmentTrackV1> {
  const issues = checkTrack(input, v1IntegrationVersion, true);
  if (issues === undefined) return { success: true, value: input as SegmentTrackV1 };
  return { success: false, issues: issues as [Issue, ...Issue[]] };
}
