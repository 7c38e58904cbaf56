import { DataDirLockedError, isDiskFull } from '@lancar/db';
import { ConfigError, readConfig } from './config.ts';
import { type RunningServer, startServer } from './start-server.ts';

/** `lancar serve`: run the server until Ctrl+C or SIGTERM, then close cleanly (checkpoint, release the lock). */
async function main(): Promise<void> {
  let server: RunningServer | undefined;
  let stopping: string | undefined;
  let firstSignalAt: number | undefined;
  const stop = (running: RunningServer, reason: string) => {
    console.log(`\n${reason}: closing the database cleanly...`);
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('Error while closing:', error);
        process.exit(1);
      },
    );
  };
  const shutdown = (reason: string) => {
    const now = Date.now();
    if (firstSignalAt !== undefined) {
      // Ctrl+C reaches both `lancar serve` and this process, and `lancar serve` forwards it too: one press
      // can arrive twice. A second press a moment later means "stop waiting".
      if (now - firstSignalAt > 2000) process.exit(130);
      return;
    }
    firstSignalAt = now;
    stopping = reason;
    // A signal during start-up is honoured as soon as the database is open, so the lock is always released.
    if (server) stop(server, reason);
  };
  // Listen before starting: a signal that arrives while the database opens must not kill the process mid-way.
  process.on('SIGINT', () => shutdown('SIGINT received'));
  process.on('SIGTERM', () => shutdown('SIGTERM received'));
  // Started by `lancar serve`: when that process goes away, so does the server (and its database lock).
  if (process.connected) process.on('disconnect', () => shutdown('lancar serve exited'));
  server = await startServer(readConfig());
  const running = server;
  // The embedded database stopped for good (a PANIC, e.g. a checkpoint on a full disk): it cannot answer any more,
  // so say why and exit rather than answer every request with an error. The next start recovers from the WAL.
  running.database.onFatal?.((error) => {
    console.error(`Lancar must stop: ${error.message}`);
    if (stopping) return; // already closing; that path exits
    stopping = 'database stopped';
    setTimeout(() => process.exit(1), 10_000).unref();
    running.stop().then(
      () => process.exit(1),
      () => process.exit(1),
    );
  });
  if (stopping) stop(server, stopping);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirLockedError) {
    console.error(`Lancar cannot start: ${error.message}`);
  } else if (isDiskFull(error)) {
    console.error(
      `Lancar cannot start: the disk holding the database is full (${(error as Error).message}). ` +
        'Free space on it and start again; data already saved is kept.',
    );
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(
      `Lancar cannot start: port ${process.env.PORT ?? 3000} is already in use. Stop the other program or set PORT.`,
    );
  } else {
    console.error('Lancar cannot start:', error);
  }
  process.exit(1);
});
