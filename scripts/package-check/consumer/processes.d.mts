export interface CommandResult {
  code: number | null;
  signal: string | null;
  output: string;
  seconds: string;
}
export function runCommand(command: string, args: string[], env?: Record<string, string>, timeoutMs?: number): Promise<CommandResult>;
export function processesWithArgument(path: string): number[];
