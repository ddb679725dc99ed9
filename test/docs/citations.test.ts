import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { beforeAll, describe, expect, test } from 'vitest';

// Users read docs/, README.md and the declarations built from src/ comments; none of them can open a
// file that is not in the repository. Every citation must be a repository file or a public URL.

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Citation {
  file: string;
  line: number;
  text: string;
}

// Names of the project's private notes, and the ways they were cited.
const forbidden: readonly (readonly [RegExp, string])[] = [
  [/\breference\//i, 'a path under reference/'],
  [/(?<!fixtures\/)\bseeds?[ -]?0*4\b/i, 'a seed document (cite the public page, or test/fixtures/seed-004/)'],
  [/\bdesign\.md\b/i, 'design.md'],
  [/\bcustomerio-webhooks\.md\b/i, 'customerio-webhooks.md'],
  [/(?<![\w./-])segment\.md\b/i, 'segment.md as a file'],
  [/\bpeer-rudderstack\.md\b/i, 'peer-rudderstack.md'],
  [/\bstyle\.md\b/i, 'style.md'],
  [/\/work\/shared\b/i, '/work/shared'],
  [/\b(?:CIO|Segment)\s+§/, 'a section of a private fact sheet ("CIO §n", "Segment §n")'],
  [/\.md`?\s+§/, 'a section of a Markdown file that is not a page of the docs'],
  [/\bfact[- ]sheets?\b/i, 'a fact sheet'],
  [/\bthe (?:product )?brief\b/i, 'a brief'],
];

const repoPathRoots = ['docs', 'src', 'test', 'examples', 'scripts', 'bench', 'sql', '.changeset', '.ci'];
const repoPath = new RegExp(`^(?:${repoPathRoots.map((r) => r.replace('.', '\\.')).join('|')})/[^\\s\`]*$`);

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function walk(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...walk(path, keep));
    else if (keep(entry.name)) out.push(path);
  }
  return out.sort();
}

/** A repository path exists; a glob is judged by the directory before its first wildcard. */
function existsInRepo(path: string): boolean {
  const clean = path.replace(/[#:].*$/, '');
  const wildcard = clean.search(/[*{]/);
  const checked = wildcard === -1 ? clean : clean.slice(0, clean.lastIndexOf('/', wildcard));
  return existsSync(join(root, checked));
}

/** Inline code spans that name a repository path, and relative Markdown links, with their lines. */
function citedPaths(file: string, text: string, markdown: boolean): { path: string; line: number; fromRoot: boolean }[] {
  const found: { path: string; line: number; fromRoot: boolean }[] = [];
  // Fenced blocks hold commands and code, not citations; blank them out but keep the line count.
  const prose = markdown ? text.replace(/^```[^\n]*\n[\s\S]*?^```/gm, (block) => block.replace(/[^\n]/g, ' ')) : text;
  for (const match of prose.matchAll(/`([^`\n]+)`/g)) {
    const span = match[1]!.trim();
    if (repoPath.test(span)) found.push({ path: span, line: lineOf(prose, match.index), fromRoot: true });
  }
  if (markdown) {
    for (const match of prose.matchAll(/\]\(([^)\s]+)\)/g)) {
      const target = match[1]!;
      if (/^[a-z][a-z+.-]*:/i.test(target) || target.startsWith('#')) continue;
      const path = relative(root, resolve(root, dirname(file), target.replace(/#.*$/, '')));
      found.push({ path, line: lineOf(prose, match.index), fromRoot: false });
    }
  }
  return found;
}

function forbiddenCitations(file: string, text: string, firstLine = 1): Citation[] {
  const found: Citation[] = [];
  for (const [pattern, what] of forbidden) {
    for (const match of text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))) {
      found.push({ file, line: firstLine + lineOf(text, match.index) - 1, text: `${what}: "${match[0]}"` });
    }
  }
  return found;
}

/** Every comment of a TypeScript file, with the line it starts on, found by the compiler's parser. */
function commentsOf(file: string): { text: string; line: number }[] {
  const source = readFileSync(join(root, file), 'utf8');
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const seen = new Map<number, { text: string; line: number }>();
  const collect = (ranges: ts.CommentRange[] | undefined): void => {
    for (const range of ranges ?? []) {
      if (!seen.has(range.pos)) {
        seen.set(range.pos, { text: source.slice(range.pos, range.end), line: sourceFile.getLineAndCharacterOfPosition(range.pos).line + 1 });
      }
    }
  };
  const visit = (node: ts.Node): void => {
    collect(ts.getLeadingCommentRanges(source, node.pos));
    collect(ts.getTrailingCommentRanges(source, node.end));
    node.getChildren(sourceFile).forEach(visit);
  };
  visit(sourceFile);
  return [...seen.values()].sort((a, b) => a.line - b.line);
}

const markdownFiles = ['README.md', ...walk('docs', (name) => name.endsWith('.md'))];
const srcFiles = walk('src', (name) => name.endsWith('.ts'));

function srcFindings(): { forbidden: Citation[]; missing: Citation[] } {
  const result = { forbidden: [] as Citation[], missing: [] as Citation[] };
  for (const file of srcFiles) {
    for (const comment of commentsOf(file)) {
      result.forbidden.push(...forbiddenCitations(file, comment.text, comment.line));
      for (const cited of citedPaths(file, comment.text, false)) {
        if (!existsInRepo(cited.path)) result.missing.push({ file, line: comment.line + cited.line - 1, text: cited.path });
      }
    }
  }
  return result;
}

const format = (c: Citation): string => `${c.file}:${c.line} ${c.text}`;

describe('docs/ and README.md', () => {
  test('scan the files users read', () => {
    expect(markdownFiles).toContain('README.md');
    expect(markdownFiles).toContain('docs/fidelity.md');
    expect(markdownFiles.length).toBeGreaterThanOrEqual(9);
  });

  test('cite only repository files that exist', () => {
    const missing: string[] = [];
    let cited = 0;
    for (const file of markdownFiles) {
      for (const c of citedPaths(file, readFileSync(join(root, file), 'utf8'), true)) {
        cited++;
        if (!existsInRepo(c.path)) missing.push(`${file}:${c.line} ${c.path}`);
      }
    }
    expect(missing).toEqual([]);
    // The docs do cite repository files; a scanner that found none would prove nothing.
    expect(cited).toBeGreaterThan(20);
  });

  test('cite no private notes, seeds or briefs', () => {
    const found = markdownFiles.flatMap((file) => forbiddenCitations(file, readFileSync(join(root, file), 'utf8')));
    expect(found.map(format)).toEqual([]);
  });
});

/**
 * The declarations of the two entries, emitted in memory as tsup's dts build emits them, with what they
 * cite. They hold the src/ doc comments and also the literal types of `as const` values, which are
 * strings in the code and so not comments.
 */
function declarationFindings(): { files: number; found: Citation[] } {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
  const outDir = join(root, 'declarations-in-memory');
  const program = ts.createProgram([join(root, 'src/index.ts'), join(root, 'src/sql.ts')], {
    ...config!.options,
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    outDir,
    rootDir: root,
  });
  const found: Citation[] = [];
  let files = 0;
  program.emit(undefined, (fileName, text) => {
    if (!fileName.endsWith('.d.ts')) return;
    files++;
    const source = relative(outDir, fileName).replace(/\.d\.ts$/, '.ts');
    found.push(...forbiddenCitations(source, text).map((c) => ({ ...c, text: `(declaration line) ${c.text}` })));
  });
  return { files, found };
}

describe('comments in src/ and the declarations users install', () => {
  const comments = srcFindings();
  let declarations: { files: number; found: Citation[] } = { files: 0, found: [] };
  beforeAll(() => {
    declarations = declarationFindings();
  });
  test('comments cite no private notes or missing files', () => {
    expect([...comments.forbidden, ...comments.missing].map(format)).toEqual([]);
  });

  test('declarations cite no private notes', () => {
    expect(declarations.files).toBeGreaterThan(50);
    expect(declarations.found.map((c) => c.file).filter((file) => !file.startsWith('src/'))).toEqual([]);
    expect(declarations.found.map(format)).toEqual([]);
  });

  test('the scanner finds comments, their lines and the citations in them', () => {
    const found = commentsOf('src/validation/formatIssues.ts');
    expect(found.some((c) => c.text.includes('one line each'))).toBe(true);
    const lines = forbiddenCitations('x', '// see reference/segment.md §7 and seed 004\n// design.md').map((c) => c.line);
    expect(lines.sort()).toEqual([1, 1, 1, 2]);
    expect(forbiddenCitations('x', '`segment.md` §5, CIO §1')).toHaveLength(3);
    expect(forbiddenCitations('x', 'test/fixtures/seed-004/ and https://docs.customer.io/x/segment-legacy.md')).toEqual([]);
    expect(citedPaths('x', '/** `docs/nowhere.md` and `src/index.ts` */', false).map((c) => existsInRepo(c.path))).toEqual([false, true]);
    expect(citedPaths('docs/a.md', '[a](mapping.md#x) [b](https://e.com) [c](../src/nope.ts)', true).map((c) => [c.path, existsInRepo(c.path)])).toEqual([
      ['docs/mapping.md', true],
      ['src/nope.ts', false],
    ]);
  });
});
