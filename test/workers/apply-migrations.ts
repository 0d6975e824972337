/** Setup file inside workerd: applies drizzle/ to the test D1 database, as `wrangler d1 migrations apply` does. */
import { applyD1Migrations, env } from "cloudflare:test";

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
