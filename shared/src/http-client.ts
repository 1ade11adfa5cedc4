import { BrokenCircuitError, circuitBreaker, ConsecutiveBreaker, handleWhen } from "cockatiel";

/** The other service could not be reached, timed out, failed with a 5xx, or its circuit is open. */
export class DependencyError extends Error {
  constructor(readonly dependency: string, readonly reason: string) {
    super(`${dependency}: ${reason}`);
  }
}

export type HttpResponse = { status: number; body: unknown; headers: Headers };

export type HttpRequest = {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  path: string;
  body?: unknown;
  /** Sent as is instead of `body`, when the bytes matter (a signed webhook). */
  rawBody?: string;
  headers?: Record<string, string>;
  requestId?: string | null;
  idempotencyKey?: string;
};

export type HttpClientOptions = {
  name: string;
  baseUrl: string;
  timeoutMs?: number;
  /** Consecutive failures that open the circuit, and how long it stays open before one trial call. */
  breakerThreshold?: number;
  breakerHalfOpenAfterMs?: number;
  apiToken?: string;
};

/**
 * Every call to another service: a timeout, a circuit breaker that fails fast while the service is
 * down, and the request id passed on. Retrying is the caller's choice (the outbox retries durably).
 */
export function createHttpClient(options: HttpClientOptions) {
  const breaker = circuitBreaker(handleWhen((error) => error instanceof DependencyError), {
    halfOpenAfter: options.breakerHalfOpenAfterMs ?? 2_000,
    breaker: new ConsecutiveBreaker(options.breakerThreshold ?? 5),
  });
  const timeoutMs = options.timeoutMs ?? 5_000;

  // The breaker is cockatiel's; the timeout is the runtime's own AbortSignal.timeout.
  async function send(request: HttpRequest): Promise<HttpResponse> {
    const signal = AbortSignal.timeout(timeoutMs);
    const headers: Record<string, string> = { Accept: "application/json", ...request.headers };
    if (request.requestId) headers["X-Request-Id"] = request.requestId;
    if (request.idempotencyKey) headers["Idempotency-Key"] = request.idempotencyKey;
    if (options.apiToken) headers["Authorization"] = `Bearer ${options.apiToken}`;
    const body = request.rawBody ?? (request.body === undefined ? undefined : JSON.stringify(request.body));
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response: Response;
    try {
      response = await fetch(new URL(request.path, options.baseUrl), { method: request.method, headers, body, signal });
    } catch (error) {
      throw new DependencyError(options.name, signal.aborted ? `timed out after ${timeoutMs} ms` : `unreachable (${(error as Error).message})`);
    }
    const text = await response.text();
    if (response.status >= 500) throw new DependencyError(options.name, `answered ${response.status}`);
    return { status: response.status, body: text ? safeJson(text) : undefined, headers: response.headers };
  }

  return {
    name: options.name,
    async request(request: HttpRequest): Promise<HttpResponse> {
      try {
        return await breaker.execute(() => send(request));
      } catch (error) {
        if (error instanceof DependencyError) throw error;
        if (error instanceof BrokenCircuitError) throw new DependencyError(options.name, "circuit open after repeated failures");
        throw error;
      }
    },
    get circuit() {
      return breaker.state;
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
