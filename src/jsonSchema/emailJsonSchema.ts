import { emailPattern } from '../validation/isEmailAddress';
import type { JsonSchema } from './fieldJsonSchema';

/**
 * The JSON Schema of an email address as the library recognises one: `emailPattern` and at most 254
 * characters (`isEmailAddress`).
 */
export function emailJsonSchema(): JsonSchema {
  return { type: 'string', maxLength: 254, pattern: emailPattern };
}
