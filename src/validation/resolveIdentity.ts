import { isEmailAddress } from './isEmailAddress';
import { isPlainObject } from '../json/isPlainObject';

/** Who a webhook is about, as the mapping uses it. */
export interface Identity {
  /** `identifiers.id`, else the deprecated `customer_id`; `""` when neither is a non-empty string. */
  userId: string;
  /** The person's email address: `identifiers.email`, else `email_address`, else an email's `recipient`. */
  email: string | undefined;
  /** `identifiers.cio_id` when it is a non-empty string. */
  cioId: string | undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * Finds the person of a webhook from the four `data` fields that name one (design.md, "Identity").
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
  const userId = nonEmpty(ids?.id) ?? nonEmpty(customerId) ?? '';
  const email = isEmailAddress(ids?.email)
    ? ids.email
    : isEmailAddress(emailAddress)
      ? emailAddress
      : objectType === 'email' && isEmailAddress(recipient)
        ? recipient
        : undefined;
  return { userId, email, cioId: nonEmpty(ids?.cio_id) };
}

/**
 * Tells whether the same four fields name a person, as {@link resolveIdentity} would find one; cheaper,
 * because an id settles it without looking at email addresses.
 */
export function namesPerson(
  objectType: unknown,
  identifiers: unknown,
  customerId: unknown,
  emailAddress: unknown,
  recipient: unknown,
): boolean {
  const ids = isPlainObject(identifiers) ? identifiers : undefined;
  return (
    nonEmpty(ids?.id) !== undefined ||
    nonEmpty(customerId) !== undefined ||
    nonEmpty(ids?.cio_id) !== undefined ||
    isEmailAddress(ids?.email) ||
    isEmailAddress(emailAddress) ||
    (objectType === 'email' && isEmailAddress(recipient))
  );
}
