import { defineConfig } from "prisma/config";

// The URL lives here, not in schema.prisma (Prisma 7). The app itself never reads this file:
// it builds its client in src/db/create-database.ts and applies migrations with its own runner.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/stagebot",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
