/** @type {import('jest').Config} */
module.exports = {
  preset: "ts-jest",
  testEnvironment: "node",
  // Pulumi keeps its runtime store and google-protobuf on globalThis.
  testEnvironmentOptions: { globalsCleanup: "off" },
  roots: ["<rootDir>/tests", "<rootDir>/examples"],
  testMatch: ["**/*.test.ts"],
  testTimeout: 180000,
  globalSetup: "<rootDir>/tests/support/globalSetup.ts",
  setupFilesAfterEnv: ["<rootDir>/tests/support/isolateJournal.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tests/tsconfig.json", diagnostics: { warnOnly: false } }] },
};
