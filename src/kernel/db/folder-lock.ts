import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

class FolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly holderPid: number,
  ) {
    super(
      `The database folder ${folder} is in use by another process (pid ${holderPid}). ` +
        'PGlite serves one process at a time: stop the other bot, or use a PostgreSQL server ' +
        'through DATABASE_URL to run several instances.',
    );
    this.name = 'FolderLockedError';
  }
}

export interface FolderLock {
  release(): void;
}

/**
 * PGlite corrupts a folder that two processes open at once, so the first
 * process claims it with an exclusive lock file (`<folder>.lock`) that names its pid. A lock
 * whose pid no longer runs is stale (a crash) and is taken over.
 */
export function lockFolder(folder: string): FolderLock {
  // Beside the folder, not in it: PGlite refuses to initialise a non-empty folder.
  const file = `${resolve(folder)}.lock`;
  mkdirSync(dirname(file), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if (!isAlreadyExists(error)) throw error;
      const holder = readHolder(file);
      if (holder !== null && holder !== process.pid && isRunning(holder)) {
        throw new FolderLockedError(folder, holder);
      }
      if (holder === process.pid) throw new FolderLockedError(folder, holder);
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock ${folder}`);
}

function readHolder(file: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isAlreadyExists(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EEXIST';
}
