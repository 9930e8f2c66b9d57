/** Minimal argument parsing for the CLI entry points: flags (`--json`), options (`--questions FILE`) and positionals. */
export interface ParsedArgs {
  flags: Set<string>;
  options: Map<string, string>;
  positionals: string[];
}

/** Parses `argv` (without node and script); `withValue` lists options that take a value. */
export function parseArgs(argv: string[], withValue: string[] = []): ParsedArgs {
  const flags = new Set<string>();
  const options = new Map<string, string>();
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--')) {
      const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
      if (withValue.includes(name)) options.set(name, inline ?? argv[++i] ?? '');
      else flags.add(name);
    } else positionals.push(arg);
  }
  return { flags, options, positionals };
}
