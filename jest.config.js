/** @type {import('jest').Config} */
const { unit, local } = require("./tests/tiers");

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

const at = (files) => files.map((f) => `<rootDir>/${f}`);
const escaped = (files) => at(files).map((f) => f.replace(/\./g, "\\."));

// Three projects (tests/tiers.js): "unit" needs nothing but Node (`npm run test:unit`); "local" needs root, the
// sshd guests, the stand-ins or the real Pulumi CLI; "cloud" needs the OpenStack test cloud too (its globalSetup
// starts it).
module.exports = {
  testTimeout: 180000,
  projects: [
    { ...common, displayName: "unit", testMatch: at(unit) },
    { ...common, displayName: "local", testMatch: at(local) },
    {
      ...common,
      displayName: "cloud",
      testMatch: ["**/*.test.ts"],
      testPathIgnorePatterns: ["/node_modules/", ...escaped(unit), ...escaped(local)],
      globalSetup: "<rootDir>/tests/support/globalSetup.ts",
    },
  ],
};
