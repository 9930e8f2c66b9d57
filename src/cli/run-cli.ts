/**
 * Runs a CLI entry point: its resolved number is the exit status; a failure prints one line naming the
 * command and the reason on stderr (the whole error goes to the log where there is one) and exits 1.
 */
import { errorMessage } from '../core/errors.ts';

/** Calls `main` and exits the process with its status. */
export function runCli(name: string, main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`${name}: ${errorMessage(err)}\n`);
      process.exit(1);
    },
  );
}
