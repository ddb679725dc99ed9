/**
 * Sets a property on a plain object, a `__proto__` key included, without ever touching its prototype.
 *
 * A `__proto__` key from JSON.parse is an own property; plain assignment would set the prototype.
 */
export function setProperty(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else target[key] = value;
}
