import { serviceUrl, whyUnreachable, type Service } from "../api/client";
import { lowDisk, markService } from "./health";

const services: Service[] = ["order", "payment", "notification"];

async function check(service: Service) {
  try {
    const response = await fetch(`${serviceUrl(service)}/health`, { signal: AbortSignal.timeout(3000) });
    markService(service, response.ok ? "up" : "down");
    // the service judges its disk low (warnings.disk); its figures say by how much
    const body = await response.json().catch(() => undefined) as { disk?: { free_mb: number; min_free_mb: number }; warnings?: { disk?: string } } | undefined;
    lowDisk[service].value = body?.warnings?.disk && body.disk ? { free_mb: body.disk.free_mb, min_free_mb: body.disk.min_free_mb } : null;
  } catch {
    markService(service, await whyUnreachable(service));
  }
}

export function startHealthPolling(everyMs = 3000) {
  const run = () => services.forEach((service) => void check(service));
  run();
  return setInterval(run, everyMs);
}
