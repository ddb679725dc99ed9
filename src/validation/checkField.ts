import type { Issue, IssueCode } from './issue';
import { describeValue } from '../json/describeValue';
import { isPlainObject } from '../json/isPlainObject';

type Path = (string | number)[];

/** The JSON type of a field: a catalog field type, or the `link` object that the mapping makes. */
export type CheckedType =
  | 'string'
  | 'integer'
  | 'boolean'
  | 'string|null'
  | 'integer|null'
  | 'integer|string'
  | 'object'
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

/**
 * Adds an issue to a list that is created only when there is a first issue, so that valid input
 * allocates no list.
 */
export function addIssue(issues: Issue[] | undefined, code: IssueCode, path: Path, message: string): Issue[] {
  const issue: Issue = { code, path, message };
  if (issues === undefined) return [issue];
  issues.push(issue);
  return issues;
}

function typeIssue(issues: Issue[] | undefined, path: Path, expected: string, value: unknown): Issue[] {
  return addIssue(issues, 'invalid_type', path, `must be ${expected}, received ${describeValue(value)}`);
}

// The optional string members of an object (identifiers, push recipients, links).
function checkMembers(
  issues: Issue[] | undefined,
  value: Record<string, unknown>,
  path: Path,
  keys: readonly string[],
  nullable: boolean,
): Issue[] | undefined {
  for (const key of keys) {
    const member = value[key];
    if (member !== undefined && typeof member !== 'string' && !(nullable && member === null)) {
      issues = typeIssue(issues, [...path, key], nullable ? 'a string or null' : 'a string', member);
    }
  }
  return issues;
}

const identifierKeys = ['id', 'email'];
const cioIdKey = ['cio_id'];
const recipientKeys = ['device_id', 'device_platform', 'failure_message'];
const urlKey = ['url'];

/**
 * Checks one field value against its JSON type, adding an issue at `path` (and below it, for the
 * members of identifiers, push recipients and links) for each problem.
 *
 * The one type check behind both the webhook and the track validators, so that a field is held to the
 * same rule on both sides. Visits each array element once and never recurses further.
 */
export function checkField(issues: Issue[] | undefined, type: string, value: unknown, path: Path): Issue[] | undefined {
  switch (type) {
    case 'string':
      return typeof value === 'string' ? issues : typeIssue(issues, path, typeWords[type]!, value);
    case 'integer':
      return Number.isInteger(value) ? issues : typeIssue(issues, path, typeWords[type]!, value);
    case 'boolean':
      return typeof value === 'boolean' ? issues : typeIssue(issues, path, typeWords[type]!, value);
    case 'string|null':
      return value === null || typeof value === 'string' ? issues : typeIssue(issues, path, typeWords[type]!, value);
    case 'integer|null':
      return value === null || Number.isInteger(value) ? issues : typeIssue(issues, path, typeWords[type]!, value);
    case 'integer|string':
      return typeof value === 'string' || Number.isInteger(value) ? issues : typeIssue(issues, path, typeWords[type]!, value);
    case 'identifiers':
      if (!isPlainObject(value)) return typeIssue(issues, path, 'an object', value);
      return checkMembers(checkMembers(issues, value, path, identifierKeys, true), value, path, cioIdKey, false);
    case 'recipients':
      if (!Array.isArray(value)) return typeIssue(issues, path, 'an array', value);
      for (let i = 0; i < value.length; i++) {
        const recipient: unknown = value[i];
        if (isPlainObject(recipient)) issues = checkMembers(issues, recipient, [...path, i], recipientKeys, false);
        else issues = typeIssue(issues, [...path, i], 'an object', recipient);
      }
      return issues;
    case 'link':
      if (!isPlainObject(value)) return typeIssue(issues, path, 'an object {id, url}', value);
      if (value.id !== undefined && !Number.isInteger(value.id)) issues = typeIssue(issues, [...path, 'id'], 'an integer', value.id);
      return checkMembers(issues, value, path, urlKey, false);
    default:
      return isPlainObject(value) ? issues : typeIssue(issues, path, 'an object', value);
  }
}

function membersAreStrings(value: Record<string, unknown>, keys: readonly string[], nullable: boolean): boolean {
  for (const key of keys) {
    const member = value[key];
    if (member !== undefined && typeof member !== 'string' && !(nullable && member === null)) return false;
  }
  return true;
}

/**
 * Tells whether a field value has its JSON type, as {@link checkField} judges it, without allocating:
 * validators call this first and build paths and issues only for a value that fails.
 */
export function isValidField(type: string, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string|null':
      return value === null || typeof value === 'string';
    case 'integer|null':
      return value === null || Number.isInteger(value);
    case 'integer|string':
      return typeof value === 'string' || Number.isInteger(value);
    case 'identifiers':
      return isPlainObject(value) && membersAreStrings(value, identifierKeys, true) && membersAreStrings(value, cioIdKey, false);
    case 'recipients':
      if (!Array.isArray(value)) return false;
      for (const recipient of value) {
        if (!isPlainObject(recipient) || !membersAreStrings(recipient, recipientKeys, false)) return false;
      }
      return true;
    case 'link':
      return isPlainObject(value) && (value.id === undefined || Number.isInteger(value.id)) && membersAreStrings(value, urlKey, false);
    default:
      return isPlainObject(value);
  }
}
