// JSON.parse changes some values without a word: integers beyond 2^53 lose digits, 1e400 becomes
// Infinity (null once written), a duplicate key loses its first value. A line the CLI changes must keep
// every value, so these are found here: big integers are carried exactly (as bigint, written back with
// their digits), anything else that cannot be carried makes the line fail with the reason.

/** A parsed line, or the reasons it cannot be changed without altering a value. */
export type ExactParse = { readonly value: unknown; readonly bigints: boolean } | { readonly fail: string[] };

// Stands for a big integer between parsing and writing; JSON.stringify writes U+0000 as \u0000.
const marker = '\u0000bigint:';
const markerPattern = /"\\u0000bigint:(-?\d+)"/g;
// A number in an array that may not survive JSON.parse: one with an exponent, or 16 digits and dots in
// a row. Numbers after a key are looked at by `quickCheck` itself.
const suspectInArray = /[[,]\s*-?\d[\d.]*(?:[eE]|[\d.]{15})/;
const smallestNormal = 2.2250738585072014e-308;

/** Parses one line exactly, or says which values it cannot keep. */
export function parseExact(line: string): ExactParse {
  let value: unknown;
  try {
    value = JSON.parse(line) as unknown;
  } catch (error) {
    return { fail: [`not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  return checkExact(line, value);
}

/**
 * Checks that `value`, JSON.parse of `line`, holds every value of the line exactly. Returns it as it
 * is, or parsed again with its big integers as bigints, or the reasons it cannot be kept. For callers
 * that only need exactness when they change the line.
 */
export function checkExact(line: string, value: unknown): ExactParse {
  if (quickCheck(line, countKeys(value))) return { value, bigints: false };
  const scan = scanLine(line);
  if (scan.problems.length > 0) return { fail: scan.problems };
  if (scan.bigints.length === 0) return { value, bigints: false };
  if (line.includes('\\u0000')) return { fail: ['holds integers beyond 2^53 and a \\u0000 escape; the integers cannot be carried exactly'] };
  let text = '';
  let from = 0;
  for (const [start, end] of scan.bigints) {
    text += `${line.slice(from, start)}"\\u0000bigint:${line.slice(start, end)}"`;
    from = end;
  }
  text += line.slice(from);
  return { value: reviveBigints(JSON.parse(text) as unknown), bigints: true };
}

/** JSON.stringify that writes bigints as JSON numbers with all their digits. */
export function stringifyExact(value: unknown, bigints: boolean): string {
  if (!bigints) return JSON.stringify(value);
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? `${marker}${v}` : v)).replace(markerPattern, '$1');
}

function reviveBigints(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith(marker) ? BigInt(value.slice(marker.length)) : value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveBigints(value[i]);
  } else if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) object[key] = reviveBigints(object[key]);
  }
  return value;
}

function countKeys(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) count += countKeys(item);
    return count;
  }
  for (const key in value) count += 1 + countKeys((value as Record<string, unknown>)[key]);
  return count;
}

/**
 * Whether the line certainly holds no duplicate key and no number JSON.parse would change, in one pass
 * over its '":' (the end of every key). Every key is a string followed by ':', so when the parsed keys
 * are as many as the '":' in the text, no key was lost; a '":' inside a string only sends the line to
 * the full scan. The value after each key is looked at for a long number or an exponent.
 */
function quickCheck(line: string, parsedKeys: number): boolean {
  // A line that is a bare number has no key in front of it to find it by: the full scan reads it.
  if (bareNumber.test(line)) return false;
  const n = line.length;
  let keys = 0;
  let at = line.indexOf('":');
  while (at !== -1) {
    keys++;
    let p = at + 2;
    let c = line.charCodeAt(p);
    if (c === 32) c = line.charCodeAt(++p);
    if (c === 45) c = line.charCodeAt(++p);
    if (c >= 48 && c <= 57) {
      const start = p;
      while (p < n && ((c >= 48 && c <= 57) || c === 46)) c = line.charCodeAt(++p);
      if (p - start >= 16 || c === 101 || c === 69) return false;
    }
    at = line.indexOf('":', p);
  }
  if (keys !== parsedKeys) return false;
  return !(line.includes('[') && suspectInArray.test(line));
}

const bareNumber = /^\s*[-\d]/;

const numberPattern = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** `big` for an integer beyond 2^53 (carried as bigint), a reason for a number that would change, `undefined` when exact. */
export function checkNumber(token: string): 'big' | string | undefined {
  const match = numberPattern.exec(token);
  if (match === null) return undefined;
  const [, whole = '', fraction = '', exponent] = match;
  const significant = (whole + fraction).replace(/^0+/, '').replace(/0+$/, '');
  const number = Number(token);
  // An integer a double holds only approximately, or whose text it would respell (1e+21): a bigint,
  // so that its digits are kept, as text in a lookup key too.
  if (fraction === '' && exponent === undefined) return Number.isSafeInteger(number) ? undefined : 'big';
  if (!Number.isFinite(number)) return `the number ${token} is out of range (JSON.parse makes it Infinity, written as null)`;
  if (number === 0 && significant !== '') return `the number ${token} is too small for a double (JSON.parse makes it 0)`;
  if (significant.length <= 15 && (number === 0 || Math.abs(number) >= smallestNormal)) return undefined;
  if (sameDecimal(token, number)) return undefined;
  return `the number ${token} has more precision than a double holds (JSON.parse makes it ${String(number)})`;
}

// Whether the double's shortest spelling denotes the same decimal value as the token.
function sameDecimal(token: string, number: number): boolean {
  return normalize(token) === normalize(String(number));
}

function normalize(spelling: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(spelling);
  if (match === null) return spelling;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const digits = whole + fraction;
  const lead = digits.length - digits.replace(/^0+/, '').length;
  const trimmed = digits.replace(/^0+/, '').replace(/0+$/, '');
  if (trimmed === '') return '0';
  return `${sign}${trimmed}e${Number(exponent) + whole.length - lead}`;
}

/** Every big integer's place in the line, and every value JSON.parse would change, with the reason. */
export function scanLine(line: string): { bigints: [number, number][]; problems: string[] } {
  const bigints: [number, number][] = [];
  const problems: string[] = [];
  // One entry per open object (its keys so far) or array (null).
  const stack: (Set<string> | null)[] = [];
  let keyNext = false;
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (c === 34 /* " */) {
      let j = i + 1;
      for (;;) {
        j = line.indexOf('"', j);
        if (j === -1) return { bigints, problems: ['not valid JSON: unterminated string'] };
        let backslashes = 0;
        while (line.charCodeAt(j - 1 - backslashes) === 92) backslashes++;
        if (backslashes % 2 === 0) break;
        j++;
      }
      const top = stack[stack.length - 1];
      if (keyNext && top instanceof Set) {
        const raw = line.slice(i, j + 1);
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (top.has(key)) problems.push(`duplicate key ${JSON.stringify(key)} (JSON.parse keeps only its last value)`);
        else top.add(key);
        keyNext = false;
      }
      i = j + 1;
    } else if (c === 123 /* { */) {
      stack.push(new Set());
      keyNext = true;
      i++;
    } else if (c === 91 /* [ */) {
      stack.push(null);
      i++;
    } else if (c === 125 || c === 93) {
      stack.pop();
      i++;
    } else if (c === 44 /* , */) {
      keyNext = stack[stack.length - 1] instanceof Set;
      i++;
    } else if (c === 45 || (c >= 48 && c <= 57)) {
      let j = i + 1;
      while (j < n) {
        const d = line.charCodeAt(j);
        if ((d >= 48 && d <= 57) || d === 46 || d === 101 || d === 69 || d === 43 || d === 45) j++;
        else break;
      }
      const verdict = checkNumber(line.slice(i, j));
      if (verdict === 'big') bigints.push([i, j]);
      else if (verdict !== undefined) problems.push(verdict);
      i = j;
    } else i++;
  }
  return { bigints, problems };
}
