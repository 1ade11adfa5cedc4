import { defineConfig } from "drizzle-kit";

// One config for every service: `SERVICE=payment bunx drizzle-kit generate` (or `bun run db:generate`
// for all of them) writes that service's migrations to <service>/drizzle, applied at its start.
const service = process.env.SERVICE ?? "payment";

export default defineConfig({
  dialect: "sqlite",
  schema: `./${service}/src/db/schema.ts`,
  out: `./${service}/drizzle`,
  casing: "snake_case",
});
