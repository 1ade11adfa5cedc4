import { describe, expect, test } from "bun:test";
import { createHmac } from "node:crypto";
import { signWebhook, verifyWebhook } from "./webhook-signature";

const secret = "whsec_test_0123456789abcdef";
const body = '{"id":"evt_1","type":"payment.completed","payment":{"id":"pay_1"}}';

describe("webhook signatures", () => {
  test("the signature is t=<seconds>,v1=<hex HMAC-SHA256 of t.rawbody>, checked by an independent HMAC", () => {
    const header = signWebhook(secret, body, 1_800_000_000);
    const independent = createHmac("sha256", secret).update(`1800000000.${body}`).digest("hex");
    expect(header).toBe(`t=1800000000,v1=${independent}`);
  });

  test("a fresh signature verifies", () => {
    expect(verifyWebhook(secret, body, signWebhook(secret, body))).toEqual({ ok: true });
  });

  test("a changed body, another secret, a missing or malformed header are refused", () => {
    const header = signWebhook(secret, body);
    expect(verifyWebhook(secret, body.replace("completed", "failed"), header).ok).toBe(false);
    expect(verifyWebhook("another-secret-0123456789", body, header).ok).toBe(false);
    expect(verifyWebhook(secret, body, undefined).ok).toBe(false);
    expect(verifyWebhook(secret, body, "v1=abc").ok).toBe(false);
  });

  test("a timestamp more than 300 s away is refused, within 300 s accepted", () => {
    const now = 1_800_000_000;
    expect(verifyWebhook(secret, body, signWebhook(secret, body, now - 301), 300, now)).toEqual({ ok: false, reason: expect.stringContaining("300") });
    expect(verifyWebhook(secret, body, signWebhook(secret, body, now + 301), 300, now).ok).toBe(false);
    expect(verifyWebhook(secret, body, signWebhook(secret, body, now - 299), 300, now).ok).toBe(true);
  });
});
