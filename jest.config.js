/**
 * Jest: TypeScript through ts-jest, transpiling only (tsconfig sets isolatedModules; pure
 * JavaScript); type-checking is `npm run typecheck`, which `npm test` runs first.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  // The adaptivecards package's lib/ is ESM without extensions; its UMD bundle parses cards in Node.
  moduleNameMapper: { '^adaptivecards$': 'adaptivecards/dist/adaptivecards.js' },
  testTimeout: 30000,
};
