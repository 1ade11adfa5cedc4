import type { MiddlewareHandler } from "hono";
import { timingSafeEqual } from "node:crypto";
import { ApiError } from "./problem";

/** When API_TOKEN is set, every /api route but the self-authenticating ones needs it as a Bearer token. */
export function requireBearerToken(token: string | undefined, publicPaths: string[]): MiddlewareHandler {
  const expected = token ? Buffer.from(token) : undefined;
  return async (c, next) => {
    if (!expected || c.req.method === "OPTIONS" || publicPaths.some((path) => c.req.path.startsWith(path))) return next();
    const given = Buffer.from(c.req.header("Authorization")?.replace(/^Bearer\s+/i, "") ?? "");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw new ApiError("UNAUTHORIZED", "Send the API token as 'Authorization: Bearer <token>'.");
    }
    return next();
  };
}
