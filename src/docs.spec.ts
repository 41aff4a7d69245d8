import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The documentation ships with the repository and must stand on its own: a
 * reader has the repository and nothing else. Every file in docs/ and the
 * README may point only at files of the repository, and every relative link
 * (with its #anchor) must lead somewhere.
 */

const ROOT = resolve(__dirname, '..');

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path, suffix);
    return name.endsWith(suffix) ? [path] : [];
  });
}

const DOCS = [join(ROOT, 'README.md'), ...filesUnder(join(ROOT, 'docs'), '.md')];
// This file names a machine path on purpose, to test the checks.
const SOURCES = filesUnder(join(ROOT, 'src'), '.ts').filter((file) => file !== __filename);
const rel = (path: string): string => relative(ROOT, path).split(sep).join('/');

/** Text that names a machine path (where a checkout happened to live), not a place a reader of the repository has. */
const OUTSIDE = [/\/work\//, /\/tmp\/bash_jobs/];

/** Relative paths in `text` (`../x`, `../../y/z`) that, read from `file`'s folder, climb out of the repository. */
function pathsOutside(file: string, text: string): string[] {
  const paths = [...text.matchAll(/(?<![\w/.])((?:\.\.\/)+[\w.-]+(?:\/[\w.-]+)*)/g)].map((m) => m[1]);
  return [...new Set(paths)].filter((path) => {
    const target = resolve(dirname(file), path);
    return target !== ROOT && !target.startsWith(ROOT + sep);
  });
}

/** The text of a markdown file without its fenced code blocks (links there are not links). */
function prose(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
}

/** GitHub's heading anchors: lowercased, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(text: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const match of prose(text).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = match[1]
      .replace(/`/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Relative targets of inline links `[text](target)` and reference definitions `[id]: target`. */
function linkTargets(text: string): string[] {
  const body = prose(text).replace(/`[^`\n]*`/g, '');
  const inline = [...body.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
  const references = [...body.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm)].map((m) => m[1]);
  return [...inline, ...references].filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** An existing file or folder of the repository (a path that leaves it never counts, even if it exists here). */
function insideRepository(path: string): boolean {
  return (path === ROOT || path.startsWith(ROOT + sep)) && existsSync(path);
}

/** Problems with one relative link target written in `file`. */
function checkLink(file: string, target: string): string | null {
  const [pathPart, anchor] = target.split('#', 2);
  const decoded = decodeURIComponent(pathPart);
  const destination = decoded === '' ? file : decoded.startsWith('/') ? join(ROOT, decoded) : resolve(dirname(file), decoded);
  if (destination !== ROOT && !destination.startsWith(ROOT + sep)) return `${target}: leaves the repository`;
  if (!existsSync(destination)) return `${target}: no such file`;
  if (anchor && destination.endsWith('.md') && !anchorsOf(readFileSync(destination, 'utf8')).has(anchor)) {
    return `${target}: no heading with anchor #${anchor} in ${rel(destination)}`;
  }
  return null;
}

/** Markdown file names mentioned in the text (`schedules.md`, docs/api.md) that exist nowhere in the repository. */
function unknownMarkdownNames(file: string, text: string): string[] {
  const names = [...text.matchAll(/(?<![\w/.:-])((?:\.{1,2}\/|[\w-]+\/)*[\w-]+\.md)\b/g)].map((m) => m[1]);
  return [...new Set(names)].filter(
    (name) => ![dirname(file), ROOT, join(ROOT, 'docs')].some((base) => insideRepository(resolve(base, name))),
  );
}

describe('documentation stands on its own', () => {
  it('finds the files it checks', () => {
    expect(DOCS.map(rel)).toEqual(expect.arrayContaining(['README.md', 'docs/README.md', 'docs/api.md']));
    expect(SOURCES.length).toBeGreaterThan(50);
  });

  it.each(DOCS.map((file) => [rel(file), file]))('%s names no place outside the repository', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    expect(OUTSIDE.filter((pattern) => pattern.test(text)).map(String)).toEqual([]);
    expect(pathsOutside(file, text)).toEqual([]);
    expect(unknownMarkdownNames(file, text)).toEqual([]);
  });

  it.each(DOCS.map((file) => [rel(file), file]))('%s: every relative link resolves', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const problems = linkTargets(text)
      .map((target) => checkLink(file, target))
      .filter((problem): problem is string => problem !== null);
    expect(problems).toEqual([]);
  });

  it('source comments point only at files of the repository', () => {
    const problems = SOURCES.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return [
        ...OUTSIDE.filter((pattern) => pattern.test(text)).map((pattern) => `${rel(file)}: ${String(pattern)}`),
        ...pathsOutside(file, text).map((path) => `${rel(file)}: ${path}`),
        ...unknownMarkdownNames(join(ROOT, 'src'), text).map((name) => `${rel(file)}: ${name}`),
      ];
    });
    expect(problems).toEqual([]);
  });

  describe('the checks themselves', () => {
    const docs = join(ROOT, 'docs', 'api.md');

    it('refuses links that leave the repository or lead nowhere', () => {
      expect(checkLink(docs, '../../elsewhere/api.md')).toMatch(/leaves the repository/);
      expect(checkLink(docs, 'no-such-page.md')).toMatch(/no such file/);
      expect(checkLink(docs, 'schedules.md#no-such-heading')).toMatch(/no heading/);
      expect(checkLink(docs, '../README.md#configuration')).toBeNull();
      expect(checkLink(docs, '#errors')).toBeNull();
    });

    it('finds links outside code and skips URLs', () => {
      const text = '[a](x.md) [b](https://example.com) [c](#y)\n```\n[d](z.md)\n```\n`[e](w.md)`\n[f]: ../v.md\n';
      expect(linkTargets(text)).toEqual(['x.md', '#y', '../v.md']);
    });

    it('names markdown files that do not exist and outside paths', () => {
      expect(unknownMarkdownNames(docs, 'see paging.md and routes.md, docs/api.md, ../notes/ingest.md')).toEqual([
        'routes.md',
        '../notes/ingest.md',
      ]);
      expect(pathsOutside(docs, 'see ../../elsewhere/api.md, ../README.md and ../src/main.ts')).toEqual(['../../elsewhere/api.md']);
      expect(OUTSIDE.some((pattern) => pattern.test('cloned to /work/main'))).toBe(true);
    });

    it('builds anchors the way GitHub does', () => {
      expect([...anchorsOf('# A `b` (c)\n## Layer: x/y\n## Layer: x/y\n```\n# not a heading\n```\n')]).toEqual([
        'a-b-c',
        'layer-xy',
        'layer-xy-1',
      ]);
    });
  });
});
