import { describeValue } from '../json/describeValue';
import { isPlainObject } from '../json/isPlainObject';
import type { IssueCollector } from './IssueCollector';

type Path = readonly (string | number)[];

/** The JSON type of a field: a catalog field type, or the `link` object that the mapping makes. */
export type CheckedType =
  | 'string'
  | 'integer'
  | 'boolean'
  | 'string|null'
  | 'integer|null'
  | 'integer|string'
  | 'object'
  | 'headers'
  | 'identifiers'
  | 'recipients'
  | 'link';

const typeWords: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  boolean: 'a boolean',
  'string|null': 'a string or null',
  'integer|null': 'an integer or null',
  'integer|string': 'an integer or a string',
};

const identifierKeys = ['id', 'email'];
const cioIdKey = ['cio_id'];
const recipientKeys = ['device_id', 'device_platform', 'failure_message'];
const urlKey = ['url'];

function isMember(member: unknown, nullable: boolean): boolean {
  return member === undefined || typeof member === 'string' || (nullable && member === null);
}

function membersValid(value: Record<string, unknown>, keys: readonly string[], nullable: boolean): boolean {
  for (const key of keys) if (!isMember(value[key], nullable)) return false;
  return true;
}

// The optional string members of an object (identifiers, push recipients, links), reported one by one.
function reportMembers(issues: IssueCollector, value: Record<string, unknown>, path: Path, keys: readonly string[], nullable: boolean): void {
  for (const key of keys) {
    const member = value[key];
    if (!isMember(member, nullable)) {
      issues.add('invalid_type', [...path, key], `must be ${nullable ? 'a string or null' : 'a string'}, received ${describeValue(member)}`);
    }
  }
}

function reportType(issues: IssueCollector, path: Path, expected: string, value: unknown): false {
  issues.add('invalid_type', path, `must be ${expected}, received ${describeValue(value)}`);
  return false;
}

/**
 * Checks one field value against its JSON type; returns whether it is valid, and reports each problem
 * at `base` + `key` (or below it, for the members of identifiers, push recipients and links).
 *
 * The one type check behind both the webhook and the track validators, so that a field is held to the
 * same rule on both sides. A valid value allocates nothing: the path is built only to report. Visits
 * each array element once and never recurses further.
 */
export function checkField(issues: IssueCollector, type: string, value: unknown, base: Path, key: string | number): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string' || reportType(issues, [...base, key], typeWords[type]!, value);
    case 'integer':
      return Number.isInteger(value) || reportType(issues, [...base, key], typeWords[type]!, value);
    case 'boolean':
      return typeof value === 'boolean' || reportType(issues, [...base, key], typeWords[type]!, value);
    case 'string|null':
      return value === null || typeof value === 'string' || reportType(issues, [...base, key], typeWords[type]!, value);
    case 'integer|null':
      return value === null || Number.isInteger(value) || reportType(issues, [...base, key], typeWords[type]!, value);
    case 'integer|string':
      return typeof value === 'string' || Number.isInteger(value) || reportType(issues, [...base, key], typeWords[type]!, value);
    case 'identifiers':
      if (!isPlainObject(value)) return reportType(issues, [...base, key], 'an object', value);
      // Named reads rather than membersValid's loop: every webhook has identifiers, and a keyed read
      // of a key from a list is a generic lookup each time.
      if (isMember(value.id, true) && isMember(value.email, true) && isMember(value.cio_id, false)) return true;
      reportMembers(issues, value, [...base, key], identifierKeys, true);
      reportMembers(issues, value, [...base, key], cioIdKey, false);
      return false;
    case 'recipients': {
      if (!Array.isArray(value)) return reportType(issues, [...base, key], 'an array', value);
      let valid = true;
      for (let i = 0; i < value.length; i++) {
        const recipient: unknown = value[i];
        if (!isPlainObject(recipient)) valid = reportType(issues, [...base, key, i], 'an object', recipient);
        else if (!membersValid(recipient, recipientKeys, false)) {
          reportMembers(issues, recipient, [...base, key, i], recipientKeys, false);
          valid = false;
        }
      }
      return valid;
    }
    case 'headers': {
      if (!isPlainObject(value)) return reportType(issues, [...base, key], 'an object', value);
      let valid = true;
      for (const name in value) {
        const values = value[name];
        if (Array.isArray(values) && values.every((v) => typeof v === 'string')) continue;
        valid = reportType(issues, [...base, key, name], 'an array of strings', values);
      }
      return valid;
    }
    case 'link': {
      if (!isPlainObject(value)) return reportType(issues, [...base, key], 'an object {id, url}', value);
      const idValid = value.id === undefined || Number.isInteger(value.id);
      if (idValid && membersValid(value, urlKey, false)) return true;
      if (!idValid) reportType(issues, [...base, key, 'id'], 'an integer', value.id);
      reportMembers(issues, value, [...base, key], urlKey, false);
      return false;
    }
    default:
      return isPlainObject(value) || reportType(issues, [...base, key], 'an object', value);
  }
}
