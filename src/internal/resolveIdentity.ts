import { isEmailAddress } from './isEmailAddress';
import { isPlainObject } from './isPlainObject';

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
 * Finds the person of a webhook's `data` (design.md, "Identity").
 *
 * Only an email-shaped value becomes the email: an SMS number, a Slack channel or a URL in `recipient`
 * never does, and `recipient` counts only for `object_type` `email`.
 */
export function resolveIdentity(objectType: unknown, data: Record<string, unknown>): Identity {
  const identifiers = isPlainObject(data.identifiers) ? data.identifiers : undefined;
  const userId = nonEmpty(identifiers?.id) ?? nonEmpty(data.customer_id) ?? '';
  const email = isEmailAddress(identifiers?.email)
    ? identifiers.email
    : isEmailAddress(data.email_address)
      ? data.email_address
      : objectType === 'email' && isEmailAddress(data.recipient)
        ? data.recipient
        : undefined;
  return { userId, email, cioId: nonEmpty(identifiers?.cio_id) };
}
