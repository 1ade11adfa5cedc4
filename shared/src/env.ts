import { z } from "zod";
import { logLevels } from "./logger";

/**
 * Parses settings once at start. A bad value stops the process with one line that names the
 * variable, because a service running on a half-understood configuration is worse than one that is down.
 */
export function parseEnv<T extends z.ZodType>(schema: T, source: Record<string, string | undefined> = process.env): z.infer<T> {
  const result = schema.safeParse(source);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const name = issue.path.join(".") || "environment";
  console.error(`Invalid setting ${name}=${JSON.stringify(source[name] ?? "")}: ${issue.message}`);
  process.exit(1);
}

const emptyAsUndefined = (value: unknown) => (value === "" ? undefined : value);

/**
 * The addresses a browser may open the dashboard at: the same page on loopback is reached as
 * localhost or as 127.0.0.1 (the dashboard's log line prints the latter), and each is its own origin.
 */
export const dashboardOrigins = (port: number | string) => `http://localhost:${port},http://127.0.0.1:${port}`;

/** A comma-separated list of origins (scheme, host and port, nothing after). */
const origins = z.string().transform((value, context) => {
  const list = value.split(",").map((entry) => entry.trim()).filter(Boolean);
  for (const entry of list) {
    if (!URL.canParse(entry) || new URL(entry).origin !== entry.replace(/\/$/, "")) {
      context.addIssue({ code: "custom", message: `"${entry}" is not an origin (scheme://host[:port], comma-separated)` });
      return z.NEVER;
    }
  }
  return list.map((entry) => new URL(entry).origin);
});

/** Settings every service has. Services extend this with their own. */
export function commonEnv(defaults: { port: number }) {
  return z.object({
    PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(defaults.port)),
    HOST: z.preprocess(emptyAsUndefined, z.string().default("127.0.0.1")),
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./data")),
    DATABASE_URL: z.preprocess(emptyAsUndefined, z.string().regex(/^(file:|libsql:|https?:|wss?:)/, "must start with file:, libsql:, http(s): or ws(s):").optional()),
    DATABASE_AUTH_TOKEN: z.preprocess(emptyAsUndefined, z.string().optional()),
    LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(logLevels).default("info")),
    API_TOKEN: z.preprocess(emptyAsUndefined, z.string().min(16, "must be at least 16 characters").optional()),
    DASHBOARD_ORIGIN: z.preprocess(emptyAsUndefined, origins.prefault(dashboardOrigins(5173))),
    BODY_LIMIT_BYTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1024).default(1024 * 1024)),
    STOP_WITH_PARENT: z.preprocess(emptyAsUndefined, z.stringbool().default(false)),
    /** Below this much free space on the database's disk, /health warns (still 200) and the dashboard says so. */
    DISK_MIN_FREE_MB: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).default(500)),
  });
}

export const serviceUrl = (fallback: string) => z.preprocess(emptyAsUndefined, z.url().default(fallback));
export const integer = (fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) =>
  z.preprocess(emptyAsUndefined, z.coerce.number().int().min(min).max(max).default(fallback));
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyAsUndefined, schema.optional());
export const text = (fallback: string) => z.preprocess(emptyAsUndefined, z.string().min(1).default(fallback));
export const webhookSecret = optional(z.string().min(16, "must be at least 16 characters"));
