import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface GitChange {
  sha: string;
  subject: string;
  author: string;
  /** The committer date: when the change was committed, as git records it, in ISO 8601 with offset. */
  committedAt: string;
}

/** A repository or tag that cannot be read: the message says which and why, for one line on stderr. */
export class GitImportError extends Error {}

// Unit and record separators cannot occur in a subject line, so they split fields safely.
const FORMAT = '%H%x1f%an%x1f%cI%x1f%s%x1e';

async function git(repo: string, args: string[]): Promise<string> {
  // execFile, no shell: a tag or path is never interpreted. GIT_TERMINAL_PROMPT=0 and a local-only command
  // (log, rev-parse) keep it from ever touching the network.
  const { stdout } = await run('git', ['-C', repo, ...args], { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  return stdout;
}

async function requireTag(repo: string, tag: string, flag: string): Promise<void> {
  if (tag.startsWith('-')) throw new GitImportError(`${flag} "${tag}" is not a tag name.`);
  try {
    await git(repo, ['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`]);
  } catch {
    throw new GitImportError(`${flag}: there is no tag "${tag}" in ${repo}.`);
  }
}

/** The commits reachable from `toTag` but not from `fromTag` (git's `A..B`), oldest first. */
export async function readGitChanges(repo: string, fromTag: string, toTag: string): Promise<GitChange[]> {
  try {
    await git(repo, ['rev-parse', '--git-dir']);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' && !(error as { stderr?: string }).stderr ? 'git or the folder was not found' : 'it is not a git repository';
    throw new GitImportError(`cannot read ${repo}: ${reason}.`);
  }
  await requireTag(repo, fromTag, '--from-tag');
  await requireTag(repo, toTag, '--to-tag');
  const out = await git(repo, ['log', '--reverse', '--no-color', `--format=${FORMAT}`, `refs/tags/${fromTag}..refs/tags/${toTag}`]);
  return out
    .split('\x1e')
    .map((record) => record.trim())
    .filter((record) => record !== '')
    .map((record) => {
      const [sha, author, committedAt, subject] = record.split('\x1f');
      return { sha, author, committedAt, subject: subject.trim() || '(no subject)' };
    });
}
