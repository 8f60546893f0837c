/** @type {import('jest').Config} */
const { unit } = require("./tests/tiers");

const common = {
  preset: "ts-jest",
  testEnvironment: "node",
  // Pulumi keeps its runtime store and google-protobuf on globalThis.
  testEnvironmentOptions: { globalsCleanup: "off" },
  roots: ["<rootDir>/tests", "<rootDir>/examples"],
  testTimeout: 180000,
  setupFilesAfterEnv: ["<rootDir>/tests/support/isolateJournal.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tests/tsconfig.json", diagnostics: { warnOnly: false } }] },
};

// Two projects (tests/tiers.js): "unit" needs nothing but Node (`npm run test:unit`); "integration" needs the
// OpenStack test cloud (started by its globalSetup), the sshd guests and the real Pulumi CLI.
module.exports = {
  testTimeout: 180000,
  projects: [
    { ...common, displayName: "unit", testMatch: unit.map((f) => `<rootDir>/${f}`) },
    {
      ...common,
      displayName: "integration",
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", ...unit.map((f) => `<rootDir>/${f}`.replace(/\./g, "\\."))],
      globalSetup: "<rootDir>/tests/support/globalSetup.ts",
    },
  ],
};
