import type { MiddlewareHandler } from "hono";
import { ApiError } from "./problem";

/**
 * A request that carries a body must say it is JSON (or, where a path allows it, another listed type).
 * An empty body is no body, whatever its Content-Type says: many clients send `application/json` on
 * every request, and a route whose body is optional (cancel, refund, resend) must take them as if they
 * had sent nothing, not answer that "" is malformed JSON.
 */
export function requireContentType(extraByPrefix: Record<string, string[]>): MiddlewareHandler {
  return async (c, next) => {
    if (!["POST", "PUT", "PATCH"].includes(c.req.method)) return next();
    const hasBody = c.req.raw.body !== null && c.req.header("content-length") !== "0";
    if (!hasBody) {
      if (c.req.header("content-type")) c.req.raw = withoutContentType(c.req.raw);
      return next();
    }
    const type = (c.req.header("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
    const extra = Object.entries(extraByPrefix).filter(([prefix]) => c.req.path.startsWith(prefix)).flatMap(([, types]) => types);
    const accepted = ["application/json", ...extra];
    if (!accepted.includes(type)) {
      throw new ApiError("UNSUPPORTED_MEDIA_TYPE", `Send the body as ${accepted.join(" or ")}, not ${type || "an unnamed type"}.`);
    }
    return next();
  };
}

function withoutContentType(request: Request) {
  const headers = new Headers(request.headers);
  headers.delete("content-type");
  return new Request(request.url, { method: request.method, headers, signal: request.signal });
}
