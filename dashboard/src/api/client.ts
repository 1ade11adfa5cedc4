import { settings } from "../state/settings";
import { markService } from "../state/health";

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

/** The one place the dashboard calls the services. */
export async function request<T>(service: Service, path: string, init: { method?: string; body?: unknown; idempotencyKey?: string } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  if (settings.token.value) headers.Authorization = `Bearer ${settings.token.value}`;
  if (init.idempotencyKey) headers["Idempotency-Key"] = init.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(`${urls[service]}${path}`, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  } catch {
    markService(service, false);
    throw new ApiError(service, 0, "UNREACHABLE", "サービスに接続できません。");
  }
  markService(service, true);
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(service, response.status, body?.code ?? "ERROR", body?.detail ?? response.statusText, body?.errors ?? []);
  return body as T;
}

/** A file sent as multipart form data (the CSV import). */
export async function upload<T>(service: Service, path: string, file: File): Promise<T> {
  const form = new FormData();
  form.set("file", file, file.name);
  const headers: Record<string, string> = { Accept: "application/json" };
  if (settings.token.value) headers.Authorization = `Bearer ${settings.token.value}`;
  let response: Response;
  try {
    response = await fetch(`${urls[service]}${path}`, { method: "POST", headers, body: form });
  } catch {
    markService(service, false);
    throw new ApiError(service, 0, "UNREACHABLE", "サービスに接続できません。");
  }
  markService(service, true);
  const body = await response.json().catch(() => undefined);
  if (!response.ok) throw new ApiError(service, response.status, body?.code ?? "ERROR", body?.detail ?? response.statusText, body?.errors ?? []);
  return body as T;
}

export type Page<T> = { items: T[]; total: number; skip: number; limit: number };
