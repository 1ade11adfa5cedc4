import { settings } from "../state/settings";
import { markService, type ServiceHealth } from "../state/health";

export type Service = "order" | "payment" | "notification";
export type FieldError = { path: string; message: string };

declare global {
  interface Window {
    PLATFORM_CONFIG?: Record<Service, string>;
  }
}

const urls: Record<Service, string> = window.PLATFORM_CONFIG ?? { order: "http://127.0.0.1:8000", payment: "http://127.0.0.1:8001", notification: "http://127.0.0.1:8002" };
export const serviceUrl = (service: Service) => urls[service];

/** An answer that is an RFC 9457 problem, or a service that could not be reached (status 0). */
export class ApiError extends Error {
  constructor(readonly service: Service, readonly status: number, readonly code: string, detail: string, readonly errors: FieldError[] = []) {
    super(detail);
  }
  get unreachable() {
    return this.status === 0 || this.status === 503;
  }
}

/**
 * Why a call failed without an answer: the service is down, or it answered but refused this page
 * (CORS: its DASHBOARD_ORIGIN does not name the address the page was opened at). The browser reports
 * both alike; a no-cors request tells them apart, as it reaches a service that answers.
 */
export async function whyUnreachable(service: Service): Promise<Extract<ServiceHealth, "down" | "refused">> {
  try {
    await fetch(`${urls[service]}/health`, { mode: "no-cors", signal: AbortSignal.timeout(3000) });
    return "refused";
  } catch {
    return "down";
  }
}

/** The one place the dashboard calls the services: the token, reachability, and problems as ApiError. */
async function call(service: Service, path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit }): Promise<Response> {
  const headers: Record<string, string> = { ...init.headers };
  if (settings.token.value) headers.Authorization = `Bearer ${settings.token.value}`;
  // who made a change is recorded with it (an order's history, a refund); a read needs no name
  if (settings.operator.value && init.method && init.method !== "GET") headers["X-Operator"] = encodeURIComponent(settings.operator.value);
  let response: Response;
  try {
    response = await fetch(`${urls[service]}${path}`, { method: init.method ?? "GET", headers, body: init.body });
  } catch {
    const why = await whyUnreachable(service);
    markService(service, why);
    throw new ApiError(service, 0, why === "refused" ? "ORIGIN_REFUSED" : "UNREACHABLE", why === "refused" ? "この画面のアドレスからの接続がサービスに許可されていません。" : "サービスに接続できません。");
  }
  markService(service, "up");
  if (response.ok) return response;
  const problem = await response.json().catch(() => undefined);
  throw new ApiError(service, response.status, problem?.code ?? "ERROR", problem?.detail ?? response.statusText, problem?.errors ?? []);
}

export async function request<T>(service: Service, path: string, init: { method?: string; body?: unknown; idempotencyKey?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  if (init.idempotencyKey) headers["Idempotency-Key"] = init.idempotencyKey;
  const text = await (await call(service, path, { method: init.method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) })).text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file sent as multipart form data (the CSV import). */
export async function upload<T>(service: Service, path: string, file: File): Promise<T> {
  const form = new FormData();
  form.set("file", file, file.name);
  return (await call(service, path, { method: "POST", headers: { Accept: "application/json" }, body: form })).json() as Promise<T>;
}

/** A file a service makes (a CSV), fetched with the token like every call, and saved under the name it gives. */
export async function download(service: Service, path: string): Promise<void> {
  const response = await call(service, path, {});
  const name = /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "download.csv";
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export type Page<T> = { items: T[]; total: number; skip: number; limit: number };
