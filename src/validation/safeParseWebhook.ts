import { fieldTypes } from '../catalog/catalog';
import { isPlainObject } from '../json/isPlainObject';
import { namesPerson } from './resolveIdentity';
import type { AnyWebhook, ReportingWebhook } from '../catalog/reportingWebhook';
import { checkField } from './checkField';
import { catalogEntryOf, checkWebhookEnvelope, failure, filledObjectType, notAWebhook, reportMissingIdentity, validWebhookOf } from './checkWebhookEnvelope';
import type { SafeParseResult } from './issue';
import { IssueCollector } from './IssueCollector';

/** Options of {@link safeParseWebhook}. */
export interface SafeParseWebhookOptions {
  /**
   * Accept an `object_type`/`metric` pair outside the catalog (lowercase words joined by `_`, at most
   * 64 characters each) instead of reporting `unknown_event`. Its event name follows the naming rule.
   */
  allowUnknownEvents?: boolean;
}

export { maxTimestampSeconds, unknownNamePattern } from './checkWebhookEnvelope';

// Field name → type, without a prototype: `data` is walked once with for-in and each own key looked up
// here, because reading the catalog's field names off `data` one by one misses (through the prototype
// chain) for every absent field and dominated the cost of validation.
const fieldTypeOf: Record<string, string> = /* @__PURE__ */ Object.assign(Object.create(null) as object, fieldTypes);

const dataPath = ['data'];

// Checks every catalog field of `data`; returns whether the webhook names a person.
function checkData(issues: IssueCollector, objectType: unknown, data: Record<string, unknown>): boolean {
  let identifiers: unknown;
  let customerId: unknown;
  let emailAddress: unknown;
  let recipient: unknown;
  for (const name in data) {
    const type = fieldTypeOf[name];
    if (type === undefined) continue;
    const value = data[name];
    if (value === undefined) continue;
    checkField(issues, type, value, dataPath, name);
    if (name === 'identifiers') identifiers = value;
    else if (name === 'customer_id') customerId = value;
    else if (name === 'email_address') emailAddress = value;
    else if (name === 'recipient') recipient = value;
  }
  return namesPerson(objectType, identifiers, customerId, emailAddress, recipient);
}

/**
 * Validates an unknown value as a Customer.io reporting webhook, without throwing.
 *
 * Requires what the mapping needs (`event_id`, unix-seconds `timestamp`, a known `object_type` and
 * `metric`, a `data` object and someone to attribute the event to) and checks the type of every field
 * the catalog knows; everything else is optional, and unknown fields are kept. On success `value` is the
 * input itself, except that a preferences change sent without `object_type` (or with the OpenAPI's
 * `object_type_type` spelling) comes back as a copy with `object_type` filled in.
 *
 * @param input A parsed JSON body, of any shape.
 * @returns `{ success: true, value }`, or `{ success: false, issues }` with every problem found.
 */
export function safeParseWebhook(input: unknown): SafeParseResult<ReportingWebhook>;
export function safeParseWebhook(
  input: unknown,
  options: SafeParseWebhookOptions & { allowUnknownEvents: true },
): SafeParseResult<AnyWebhook>;
export function safeParseWebhook(input: unknown, options?: SafeParseWebhookOptions): SafeParseResult<AnyWebhook>;
export function safeParseWebhook(input: unknown, options?: SafeParseWebhookOptions): SafeParseResult<AnyWebhook> {
  if (!isPlainObject(input)) return notAWebhook(input);
  const issues = new IssueCollector();
  const filled = filledObjectType(input);
  const objectType = filled ?? input.object_type;
  const data = checkWebhookEnvelope(issues, input, objectType, catalogEntryOf(objectType, input.metric), options?.allowUnknownEvents === true);
  if (data !== undefined && !checkData(issues, objectType, data)) reportMissingIdentity(issues);

  if (issues.issues !== undefined) return failure(issues.issues);
  return { success: true, value: validWebhookOf(input, filled) };
}
