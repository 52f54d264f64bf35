import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          // Real sandboxes: child processes, so forks rather than worker threads.
          pool: "forks",
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          // Every lesson variant through the real runner: run alone (npm test does),
          // so timing-sensitive demos do not share the two cores with other suites.
          name: "content",
          include: ["tests/content/**/*.test.ts"],
          environment: "node",
          pool: "forks",
          testTimeout: 90_000,
          hookTimeout: 30_000,
          // Four runs at once: most demos wait (timeouts, heartbeats), so four fit two cores;
          // at eight, the computing demos (throughput, io-threads) slowed the waiting ones past
          // their limits on a loaded host.
          maxConcurrency: 4,
          // Demos of timing (slow joiners, HWM drops) run on shared CI cores: one retry
          // absorbs a rare scheduling hiccup; a demo that is wrong fails both times.
          retry: 1,
        },
      },
    ],
  },
});
