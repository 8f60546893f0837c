import type { EngineEvent, OutputMap } from "@pulumi/pulumi/automation";

export type CliCommand = "up" | "preview" | "refresh" | "destroy" | "cancel";

export interface CliFlags {
  refresh?: boolean;
  diff?: boolean;
  expectNoChanges?: boolean;
  clearPendingCreates?: boolean;
}

/** What tests/support/cli/child.ts is asked to do (written to a JSON file). */
export interface CliRequest {
  command: CliCommand;
  flags?: CliFlags;
  cliDir: string;
  workDir: string;
  projectName: string;
  programMain: string;
  stack: string;
  config?: Record<string, string>;
  secretConfig?: Record<string, string>;
  env: Record<string, string>;
  resultFile: string;
  /** Ctrl-C (SIGINT) once the CLI's output matches. */
  interrupt?: { whenOutputMatches: string };
}

export interface CliResult {
  ok: boolean;
  /** The CLI's error (the Automation API's CommandError message: its stdout and stderr). */
  error: string | null;
  /** What the CLI printed, as the user sees it (no colour). */
  stdout: string;
  events: EngineEvent[];
  /** The engine's change summary: {"create": 4} / {"same": 4, "update": 1} ... */
  summary: Record<string, number>;
  outputs: OutputMap;
  interrupted: "SIGINT" | "SIGKILL" | null;
  /** After a SIGKILL of the CLI (RunOptions.killWhen): its plugin processes (and theirs), which live on. */
  orphans: number[];
}
