import type { Issue } from './issue';

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// Characters that would end a line in a log, a terminal or a JavaScript source.
const lineBreaks = /[\r\n\u2028\u2029]/g;
const escapes: Record<string, string> = { '\r': '\\r', '\n': '\\n', '\u2028': '\\u2028', '\u2029': '\\u2029' };

function escapeLineBreaks(text: string): string {
  return text.replace(lineBreaks, (c) => escapes[c] ?? c);
}

/**
 * The place of an issue as a JavaScript-like accessor: `data.identifiers.email`, `recipients[0]`,
 * `data["a.b"]`, or `(root)` for the input itself.
 *
 * Keys that are not identifiers are JSON string literals, so a dot, a quote or a line break inside a
 * key can never be mistaken for structure and every path reads back to the same keys.
 */
function formatPath(path: Issue['path']): string {
  if (path.length === 0) return '(root)';
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${String(segment)}]`;
    else {
      const key = String(segment);
      if (identifier.test(key)) text += text === '' ? key : `.${key}`;
      // JSON escapes \n and \r but leaves U+2028 and U+2029 as they are.
      else text += `[${escapeLineBreaks(JSON.stringify(key))}]`;
    }
  }
  return text;
}

/**
 * Prints issues one line each, as `path: message (code)`, for logs and error messages.
 *
 * The path is dotted, with array indexes as `[0]`, keys that are not identifiers quoted
 * (`data["a.b"]`) and `(root)` for the input itself. Line breaks in a key or a message are escaped,
 * so the text always has exactly one line per issue (and is `""` for none).
 */
export function formatIssues(issues: readonly Issue[]): string {
  return issues
    .map(
      (issue) =>
        `${formatPath(issue.path)}: ${escapeLineBreaks(String(issue.message))} (${escapeLineBreaks(String(issue.code))})`,
    )
    .join('\n');
}
