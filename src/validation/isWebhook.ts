import type { ReportingWebhook } from '../catalog/reportingWebhook';
import { safeParseWebhook } from './safeParseWebhook';

/**
 * Tells whether a value is a valid reporting webhook of the catalog, narrowing its type.
 *
 * A preferences change without `object_type` is valid but is not narrowed in place: use
 * {@link safeParseWebhook} to get the normalised copy.
 */
export function isWebhook(input: unknown): input is ReportingWebhook {
  const result = safeParseWebhook(input);
  return result.success && result.value === input;
}
