import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A small tmpfs for the full-disk tests. Mounting needs root (CI runs as root); elsewhere the tests skip with the
 * reason, but under CI=true a disk that cannot be mounted is a failure, so the fault is never silently untested.
 */
export interface SmallDisk {
  path: string;
  /** Fills the disk up to `leaveBytes` free with the file `name`. */
  fill(name: string, leaveBytes: number): void;
  /** Fills every last byte with the file `name` (small appends until ENOSPC). */
  fillCompletely(name: string): void;
  freeBytes(): number;
  unmount(): void;
}

export function mountSmallDisk(sizeMb: number): SmallDisk | { skip: string } {
  const path = mkdtempSync(join(tmpdir(), 'lancar-small-disk-'));
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', path], { encoding: 'utf8' });
  if (mounted.status !== 0) {
    rmSync(path, { recursive: true, force: true });
    const reason = `cannot mount a ${sizeMb} MB tmpfs to simulate a full disk (needs root): ${(mounted.stderr || mounted.error?.message || '').trim()}`;
    if (process.env.CI === 'true') throw new Error(`CI=true but ${reason}`);
    return { skip: reason };
  }
  const freeBytes = () => {
    const stats = statfsSync(path);
    return stats.bavail * stats.bsize;
  };
  return {
    path,
    freeBytes,
    fill(name, leaveBytes) {
      writeFileSync(join(path, name), Buffer.alloc(Math.max(0, freeBytes() - leaveBytes)));
    },
    fillCompletely(name) {
      const chunk = Buffer.alloc(4096);
      for (let i = 0; i < 1_000_000; i++) {
        try {
          appendFileSync(join(path, name), chunk.subarray(0, Math.max(1, Math.min(4096, freeBytes()))));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return;
          throw error;
        }
      }
    },
    unmount() {
      if (spawnSync('umount', [path]).status !== 0) spawnSync('umount', ['-l', path]);
      rmSync(path, { recursive: true, force: true });
    },
  };
}
