import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ZodError } from "zod";
import { ApiError } from "./problem";
import { isDiskFull, isServerUnreachable } from "./db-outage";
import type { AppEnv } from "./app";

/** Every failure leaves as one RFC 9457 document; a 5xx never carries internals. */
export function handleError(error: Error, c: Context<AppEnv>) {
  if (isServerUnreachable(error)) {
    // a known cause that passes by itself: said on every request it fails, without a stack
    c.var.log?.warn("the database does not answer", { error: String(error.cause ?? error.message) });
    return problemResponse(c, new ApiError("DEPENDENCY_UNAVAILABLE", "The service's database does not answer right now. Try again shortly."));
  }
  if (isDiskFull(error)) {
    // a known cause someone must act on: an error, naming it, without a stack
    c.var.log?.error("the database's disk is full", { error: String(error.cause ?? error.message) });
    return problemResponse(c, new ApiError("DEPENDENCY_UNAVAILABLE", "The service's database has no space left on its disk, so nothing was stored. Try again once space has been freed."));
  }
  const apiError = toApiError(error);
  if (apiError.status >= 500) c.var.log?.error("unhandled error", { error });
  return problemResponse(c, apiError);
}

export function problemResponse(c: Context<AppEnv>, error: ApiError) {
  const requestId = c.var.requestId;
  return new Response(JSON.stringify(error.toProblem(requestId)), {
    status: error.status,
    headers: { "Content-Type": "application/problem+json", "X-Request-Id": requestId ?? "" },
  });
}

function toApiError(error: Error): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException) {
    if (error.status === 400) return new ApiError("MALFORMED_JSON", "The request body is not valid JSON.");
    if (error.status === 413) return new ApiError("PAYLOAD_TOO_LARGE", "The request body is too large.");
    if (error.status === 401) return new ApiError("UNAUTHORIZED", error.message || "Missing or bad credentials.");
  }
  return new ApiError("INTERNAL_ERROR", "Something went wrong on our side. Quote the request_id when reporting it.");
}

export function notFound(c: Context<AppEnv>) {
  return problemResponse(c, new ApiError("NOT_FOUND", `No route ${c.req.method} ${c.req.path}.`));
}

/** zod-openapi's validation hook: invalid input is a 422 listing each field. */
export function validationHook(result: { success: boolean; error?: ZodError }) {
  if (!result.success && result.error) throw ApiError.fromZod(result.error);
}
