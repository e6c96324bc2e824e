import { open, readFile, rm } from 'node:fs/promises';
import { EmbeddedStoreError } from './embedded-store-error';

/** Folders locked by this process (a pid alone cannot tell: in a container it is often 1 every run). */
const heldHere = new Set<string>();

/**
 * Claims the data folder for this process by creating `lock` holding our pid, so a second
 * bot started on the same folder fails at once instead of interleaving its journal with
 * ours. A lock left by a process that no longer runs (a `kill -9`) is taken over. Returns
 * the function that releases it.
 */
export async function lockDataDir(dir: string, lockPath: string): Promise<() => Promise<void>> {
  if (heldHere.has(lockPath)) throw inUse(dir, 'this process');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      heldHere.add(lockPath);
      return async () => {
        heldHere.delete(lockPath);
        await rm(lockPath, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
      if (holder !== process.pid && isRunning(holder)) throw inUse(dir, `process ${holder}`);
      await rm(lockPath, { force: true });
    }
  }
  throw inUse(dir, 'another process');
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function inUse(dir: string, holder: string): EmbeddedStoreError {
  return new EmbeddedStoreError(
    `The embedded store cannot start: its data folder ${dir} is in use by ${holder}. Stop that ` +
      'bot first, or give this one its own DATA_DIR. (If nothing else is running, delete the file "lock" there.)',
  );
}
