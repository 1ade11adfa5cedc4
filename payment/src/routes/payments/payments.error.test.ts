import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { testPaymentService } from "../../test-service";

let service: Awaited<ReturnType<typeof testPaymentService>>;
beforeAll(async () => (service = await testPaymentService({ BODY_LIMIT_BYTES: "2048" })));
afterAll(() => service.stop());

const count = async () => (await (await service.request("GET", "/api/v1/payments")).json()).total as number;

async function expectProblem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get("Content-Type")).toBe("application/problem+json");
  const problem = await response.json();
  expect(problem).toMatchObject({ status, code, type: expect.stringMatching(/^urn:problem:/), title: expect.any(String), detail: expect.any(String) });
  expect(problem.request_id).toBe(response.headers.get("X-Request-Id")!);
  return problem;
}

describe("POST /api/v1/payments rejects bad input with a problem and stores nothing", () => {
  const cases: [string, unknown, string, RegExp][] = [
    ["below 100 JPY", { order_id: "ord_a", amount: 99 }, "amount", /at least 100 JPY/],
    ["above 1,000,000 JPY", { order_id: "ord_a", amount: 1_000_001 }, "amount", /at most 1,000,000 JPY/],
    ["a fractional amount", { order_id: "ord_a", amount: 100.5 }, "amount", /integer/],
    ["an amount as a string", { order_id: "ord_a", amount: "1000" }, "amount", /./],
    ["a missing order_id", { amount: 1000 }, "order_id", /./],
    ["another currency", { order_id: "ord_a", amount: 1000, currency: "USD" }, "currency", /JPY/],
  ];
  for (const [name, body, path, message] of cases) {
    test(`${name} is a 422 VALIDATION_FAILED naming ${path}`, async () => {
      const before = await count();
      const problem = await expectProblem(await service.request("POST", "/api/v1/payments", body), 422, "VALIDATION_FAILED");
      expect(problem.errors).toContainEqual({ path, message: expect.stringMatching(message) });
      expect(await count()).toBe(before);
    });
  }

  test("malformed JSON is a 400 MALFORMED_JSON", async () => {
    await expectProblem(await service.request("POST", "/api/v1/payments", '{"order_id": "ord_a", "amount": '), 400, "MALFORMED_JSON");
  });

  test("a body that is not JSON is a 415 UNSUPPORTED_MEDIA_TYPE", async () => {
    await expectProblem(await service.request("POST", "/api/v1/payments", "order_id=ord_a&amount=1000", { "Content-Type": "application/x-www-form-urlencoded" }), 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  test("a body over the limit is a 413 PAYLOAD_TOO_LARGE", async () => {
    await expectProblem(await service.request("POST", "/api/v1/payments", { order_id: "x".repeat(5000), amount: 1000 }), 413, "PAYLOAD_TOO_LARGE");
  });

  test("an unknown route is a 404 problem", async () => {
    await expectProblem(await service.request("GET", "/api/v1/nothing-here"), 404, "NOT_FOUND");
  });
});

describe("Idempotency-Key on POST /api/v1/payments", () => {
  test("the same key and body replays the first answer without creating another payment", async () => {
    const body = { order_id: "ord_idem_1", amount: 4200 };
    const first = await service.request("POST", "/api/v1/payments", body, { "Idempotency-Key": "key-1" });
    const before = await count();
    const replay = await service.request("POST", "/api/v1/payments", body, { "Idempotency-Key": "key-1" });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await replay.json()).toEqual(await first.json());
    expect(await count()).toBe(before);
  });

  test("the same key with another body is a 422 IDEMPOTENCY_KEY_REUSED", async () => {
    await service.request("POST", "/api/v1/payments", { order_id: "ord_idem_2", amount: 1000 }, { "Idempotency-Key": "key-2" });
    await expectProblem(await service.request("POST", "/api/v1/payments", { order_id: "ord_idem_2", amount: 2000 }, { "Idempotency-Key": "key-2" }), 422, "IDEMPOTENCY_KEY_REUSED");
  });

  test("an answer that refused the input is not kept: the request corrected, sent again with the same key, does the work", async () => {
    await expectProblem(await service.request("POST", "/api/v1/payments", { order_id: "ord_idem_4", amount: 50 }, { "Idempotency-Key": "key-4" }), 422, "VALIDATION_FAILED");
    await expectProblem(await service.request("POST", "/api/v1/payments", '{"order_id": "ord_idem_4",', { "Idempotency-Key": "key-4" }), 400, "MALFORMED_JSON");
    const corrected = await service.request("POST", "/api/v1/payments", { order_id: "ord_idem_4", amount: 5000 }, { "Idempotency-Key": "key-4" });
    expect(corrected.status).toBe(201);
    const replay = await service.request("POST", "/api/v1/payments", { order_id: "ord_idem_4", amount: 5000 }, { "Idempotency-Key": "key-4" });
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await replay.json()).id).toBe((await corrected.json()).id);
  });

  test("a key over 255 characters is a 422", async () => {
    await expectProblem(await service.request("POST", "/api/v1/payments", { order_id: "ord_idem_3", amount: 1000 }, { "Idempotency-Key": "k".repeat(256) }), 422, "VALIDATION_FAILED");
  });

  test("the same key while the first request is still running is a 409 IDEMPOTENCY_KEY_IN_USE", async () => {
    const slow = await testPaymentService({ PAYMENT_GATEWAY_LATENCY_MS: "1000", PAYMENT_SYNC_WAIT_MS: "500" });
    try {
      const body = { order_id: "ord_idem_4", amount: 1000 };
      const first = slow.request("POST", "/api/v1/payments", body, { "Idempotency-Key": "key-4" });
      await Bun.sleep(100);
      await expectProblem(await slow.request("POST", "/api/v1/payments", body, { "Idempotency-Key": "key-4" }), 409, "IDEMPOTENCY_KEY_IN_USE");
      expect((await first).status).toBe(201);
    } finally {
      await slow.stop();
    }
  });

  test("a retry whose first answer was lost gets the payment back, not a 409", async () => {
    // The first attempt committed the payment but its answer was never stored (the process died).
    const body = { order_id: "ord_idem_5", amount: 1500 };
    const { payment } = await service.store.create({ ...body, idempotencyKey: "key-5" });
    const retry = await service.request("POST", "/api/v1/payments", body, { "Idempotency-Key": "key-5" });
    expect(retry.status).toBe(201);
    expect((await retry.json()).id).toBe(payment.id);
  });
});
