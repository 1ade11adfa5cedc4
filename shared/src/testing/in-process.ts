/** Requests to an app in the same process (Hono's app.request), JSON bodies encoded for the caller. */
export function requester(app: { request: (path: string, init: RequestInit) => Response | Promise<Response> }) {
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    Promise.resolve(app.request(path, {
      method,
      headers: body === undefined ? headers : { "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    }));
}
