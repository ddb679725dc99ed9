/** Freezes a value and everything inside it, so that a mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/** Every string, number and boolean inside a value (keys not included). */
export function leaves(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const item of value) leaves(item, out);
  else if (typeof value === 'object' && value !== null) for (const key of Object.keys(value)) leaves((value as Record<string, unknown>)[key], out);
  else if (value !== null && value !== undefined) out.push(value);
  return out;
}
