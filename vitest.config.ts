import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each integration file creates its own PostgreSQL database; files run in parallel.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
