import type { ReportingWebhook } from '../catalog/reportingWebhook';
import { safeParseWebhook } from '../validation/safeParseWebhook';
import type { StandardSchemaV1 } from './standardSchema';
import { toStandardSchema } from './toStandardSchema';

/**
 * The reporting-webhook validator as a Standard Schema v1 object, for any framework that accepts one.
 *
 * `validate` applies `safeParseWebhook` (catalog events only) and returns `{ value }` or
 * `{ issues }`; each issue keeps its `code` next to the spec's `message` and `path`.
 */
export const webhookSchema: StandardSchemaV1<unknown, ReportingWebhook> = /* @__PURE__ */ toStandardSchema((value) => safeParseWebhook(value));
