/** The shape of the bad-input corpus: per resource a valid base, bad changes to it, and good inputs. */
export type Inputs = Record<string, unknown>;

/** [what, change merged onto the base (a function: the whole inputs), property named, what the reason must say]. */
export type Bad = [string, Inputs | ((base: Inputs) => Inputs), string, RegExp];

export interface ResourceCorpus {
  /** Registry key (sdk/providers.ts). */
  key: string;
  base(): Inputs;
  bad: Bad[];
  /** Inputs from the README and examples (merged onto nothing: complete as written there). */
  good: Inputs[];
}

export const UUID = {
  net: "6a0b3c2d-1e4f-4a5b-8c7d-9e0f1a2b3c4d",
  subnet: "7b1c4d3e-2f50-4b6c-9d8e-0f1a2b3c4d5e",
  router: "8c2d5e4f-3061-4c7d-8e9f-1a2b3c4d5e6f",
  group: "9d3e6f50-4172-4d8e-9fa0-2b3c4d5e6f70",
  port: "ae4f7061-5283-4e9f-a0b1-3c4d5e6f7081",
  vm: "4ec4b6a0-0b8e-4a51-9a7e-2f1c1b3a9d11",
};

export const SSH_PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHJ0ZXN0a2V5dGVzdGtleXRlc3RrZXl0ZXN0a2V5dGVzdA lab@host";
export const PRIVATE_KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n";
/** Secrets the corpus and the fuzzer plant: no failure reason may contain them. */
export const SECRETS = { password: "Corpus-s3cret-pw", rootPassword: "Root-s3cret-pw9", answerPw: "Mariadb-s3cret-pw" };
