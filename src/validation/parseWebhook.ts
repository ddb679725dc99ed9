import type { AnyWebhook, ReportingWebhook } from '../catalog/reportingWebhook';
import { type SafeParseWebhookOptions, safeParseWebhook } from './safeParseWebhook';
import { ValidationError } from './ValidationError';

/**
 * Validates an unknown value as a Customer.io reporting webhook, or throws {@link ValidationError}.
 *
 * The same rules as {@link safeParseWebhook}; the error's `issues` are the ones it would return.
 */
export function parseWebhook(input: unknown): ReportingWebhook;
export function parseWebhook(input: unknown, options: SafeParseWebhookOptions & { allowUnknownEvents: true }): AnyWebhook;
export function parseWebhook(input: unknown, options?: SafeParseWebhookOptions): AnyWebhook;
export function parseWebhook(input: unknown, options?: SafeParseWebhookOptions): AnyWebhook {
  const result = safeParseWebhook(input, options);
  if (!result.success) throw new ValidationError(result.issues);
  return result.value;
}
