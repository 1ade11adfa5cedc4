import { expect, test } from "bun:test";
import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "@platform/shared/testing/service-process";

test("a template file that fails to parse stops the service at start with the file and line", () => {
  const dir = tempDir("templates-");
  cpSync(join(import.meta.dir, "../templates"), dir, { recursive: true });
  writeFileSync(join(dir, "ORDER_SHIPPED/email.html"), "<p>{{ customer_name }} 様</p>\n<ul>\n{% for item in items %}<li>{{ item.product_name }}</li>\n</ul>\n");
  const result = Bun.spawnSync(["bun", join(import.meta.dir, "index.ts")], {
    env: { ...process.env, TEMPLATES_DIR: dir, DATA_DIR: tempDir(), PORT: "1" }, stdout: "pipe", stderr: "pipe",
  });
  expect(result.exitCode).toBe(1);
  expect(result.stderr.toString().trim()).toBe(`Template error: ${join(dir, "ORDER_SHIPPED/email.html")}:3: {% for %} is never closed with {% endfor %}`);
});

test("a registration number that is none stops the service at start, naming the setting, rather than print it on every mail", () => {
  const result = Bun.spawnSync(["bun", join(import.meta.dir, "index.ts")], {
    env: { ...process.env, INVOICE_REGISTRATION_NUMBER: "T123456789012", DATA_DIR: tempDir(), PORT: "1" }, stdout: "pipe", stderr: "pipe",
  });
  expect(result.exitCode).toBe(1);
  expect(result.stderr.toString().trim()).toBe('Invalid setting INVOICE_REGISTRATION_NUMBER="T123456789012": INVOICE_REGISTRATION_NUMBER must be T and 13 digits (適格請求書発行事業者の登録番号, such as T1234567890123); got "T123456789012"');
});
