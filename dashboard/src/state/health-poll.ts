import { serviceUrl, whyUnreachable, type Service } from "../api/client";
import { lowDisk, markService } from "./health";

const services: Service[] = ["order", "payment", "notification"];

async function check(service: Service) {
  try {
    const response = await fetch(`${serviceUrl(service)}/health`, { signal: AbortSignal.timeout(3000) });
    markService(service, response.ok ? "up" : "down");
    const body = await response.json().catch(() => undefined) as { disk?: { free_mb: number; min_free_mb: number } } | undefined;
    const disk = body?.disk;
    lowDisk[service].value = disk && disk.free_mb < disk.min_free_mb ? { free_mb: disk.free_mb, min_free_mb: disk.min_free_mb } : null;
  } catch {
    markService(service, await whyUnreachable(service));
  }
}

export function startHealthPolling(everyMs = 3000) {
  const run = () => services.forEach((service) => void check(service));
  run();
  return setInterval(run, everyMs);
}
