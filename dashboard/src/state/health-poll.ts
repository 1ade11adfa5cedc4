import { serviceUrl, whyUnreachable, type Service } from "../api/client";
import { markService } from "./health";

const services: Service[] = ["order", "payment", "notification"];

async function check(service: Service) {
  try {
    const response = await fetch(`${serviceUrl(service)}/health`, { signal: AbortSignal.timeout(3000) });
    markService(service, response.ok ? "up" : "down");
  } catch {
    markService(service, await whyUnreachable(service));
  }
}

export function startHealthPolling(everyMs = 3000) {
  const run = () => services.forEach((service) => void check(service));
  run();
  return setInterval(run, everyMs);
}
