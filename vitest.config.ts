import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { configDefaults, defineConfig } from "vitest/config";
import { fixtureSources } from "./test/helpers/fixture-site";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          include: ["test/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "test/workers/**"],
          environment: "node",
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        plugins: [
          // Runs test/workers/** inside workerd with the Worker of wrangler.toml, a local D1 migrated from
          // drizzle/, and the URLs of the servers global-setup.ts starts on the host.
          cloudflareTest(async ({ inject }) => {
            const site = inject("fixtureSiteUrl");
            return {
              main: "./src/runtime/worker.ts",
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: await readD1Migrations("./drizzle"),
                  FIXTURE_SITE_URL: site,
                  SQLD_URL: inject("sqldUrl"),
                  SOURCES_JSON: JSON.stringify(fixtureSources(site)),
                  FETCH_ALLOW_HOSTS: "127.0.0.1",
                  FETCH_TIMEOUT_MS: "5000",
                  PUBLIC_URL: "https://casewire.test",
                  ADMIN_TOKEN: "test-admin-token",
                  LOG_LEVEL: "error",
                },
                // A second, never-migrated D1 database for the "not migrated" answer.
                d1Databases: { DB: "casewire", EMPTY_DB: "casewire-empty" },
              },
            };
          }),
        ],
        test: {
          name: "workers",
          include: ["test/workers/**/*.test.ts"],
          globalSetup: ["./test/workers/global-setup.ts"],
          setupFiles: ["./test/workers/apply-migrations.ts"],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
