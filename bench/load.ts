/**
 * A closed-loop load generator: `concurrency` clients each send a request as soon as the previous one
 * is answered, for `seconds` after a warm-up. Latency is measured per request on the client.
 */
export type LoadResult = { requests: number; perSecond: number; p50: number; p95: number; p99: number; errors: number; rejected: string[] };

export async function load(options: {
  concurrency: number;
  seconds: number;
  warmupSeconds?: number;
  request: (i: number) => Request;
  /** Whether an answer counts as done; a false one is an error (for example an order not yet PAID). */
  accept?: (response: Response, body: string) => boolean;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const rejected: string[] = [];
  let errors = 0;
  let counter = 0;
  let measuring = false;
  const warmupEnd = Date.now() + (options.warmupSeconds ?? 2) * 1000;
  const end = warmupEnd + options.seconds * 1000;

  async function client() {
    while (Date.now() < end) {
      if (!measuring && Date.now() >= warmupEnd) measuring = true;
      const started = performance.now();
      const counting = measuring;
      try {
        const response = await fetch(options.request(counter++));
        const body = await response.text();
        const ok = options.accept ? options.accept(response, body) : response.ok;
        if (!counting) continue;
        if (ok) latencies.push(performance.now() - started);
        else if ((errors++, rejected.length < 3)) rejected.push(`${response.status} ${body.slice(0, 200)}`);
      } catch (error) {
        if (counting && (errors++, rejected.length < 3)) rejected.push(String(error));
      }
    }
  }

  await Promise.all(Array.from({ length: options.concurrency }, client));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { requests: latencies.length, perSecond: latencies.length / options.seconds, p50: at(0.5), p95: at(0.95), p99: at(0.99), errors, rejected };
}
