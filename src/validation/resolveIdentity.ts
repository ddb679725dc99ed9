import { isPlainObject } from '../json/isPlainObject';
import { isEmailAddress } from './isEmailAddress';

/** Who a webhook is about, as the mapping uses it. */
export interface Identity {
  /** `identifiers.id`, else the deprecated `customer_id`; `""` when neither is a non-empty string. */
  userId: string;
  /**
   * The person's email address: `identifiers.email`, else `email_address`, else an email's `recipient`
   * (the first address of it, when it is a comma-separated list).
   */
  email: string | undefined;
  /** `identifiers.cio_id` when it is a non-empty string. */
  cioId: string | undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

// The three rules of the identity, each stated once; resolveIdentity and namesPerson both read them.
function userIdOf(ids: Record<string, unknown> | undefined, customerId: unknown): string | undefined {
  return nonEmpty(ids?.id) ?? nonEmpty(customerId);
}

function emailOf(objectType: unknown, ids: Record<string, unknown> | undefined, emailAddress: unknown, recipient: unknown): string | undefined {
  if (isEmailAddress(ids?.email)) return ids.email;
  if (isEmailAddress(emailAddress)) return emailAddress;
  return objectType === 'email' ? recipientEmail(recipient) : undefined;
}

// An email's `recipient` is one address or a comma-separated list of them: the first address of it.
// A comma always separates (the email pattern alone would take `a@b.io,x` for one address).
function recipientEmail(recipient: unknown): string | undefined {
  if (typeof recipient !== 'string') return undefined;
  if (!recipient.includes(',')) return isEmailAddress(recipient) ? recipient : undefined;
  for (const part of recipient.split(',')) {
    const address = part.trim();
    if (isEmailAddress(address)) return address;
  }
  return undefined;
}

function cioIdOf(ids: Record<string, unknown> | undefined): string | undefined {
  return nonEmpty(ids?.cio_id);
}

/**
 * Finds the person of a webhook from the four `data` fields that name one (`docs/mapping.md`, "Identity").
 *
 * The caller reads the fields in its own pass over `data`: reading absent keys by name is a slow
 * prototype-chain miss on the hot path. Only an email-shaped value becomes the email: an SMS number,
 * a Slack channel or a URL in `recipient` never does, and `recipient` counts only for `email` webhooks.
 */
export function resolveIdentity(
  objectType: unknown,
  identifiers: unknown,
  customerId: unknown,
  emailAddress: unknown,
  recipient: unknown,
): Identity {
  const ids = isPlainObject(identifiers) ? identifiers : undefined;
  return { userId: userIdOf(ids, customerId) ?? '', email: emailOf(objectType, ids, emailAddress, recipient), cioId: cioIdOf(ids) };
}

/**
 * Tells whether the same four fields name a person, that is whether {@link resolveIdentity} finds a
 * userId, an email or a cio_id; an id settles it without looking at email addresses.
 */
export function namesPerson(
  objectType: unknown,
  identifiers: unknown,
  customerId: unknown,
  emailAddress: unknown,
  recipient: unknown,
): boolean {
  const ids = isPlainObject(identifiers) ? identifiers : undefined;
  return userIdOf(ids, customerId) !== undefined || cioIdOf(ids) !== undefined || emailOf(objectType, ids, emailAddress, recipient) !== undefined;
}
