import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { SmsTransport } from "./transport";

/** The development SMS provider: each message becomes `<DATA_DIR>/sms/<id>.txt`. A real one implements SmsTransport. */
export function fileSmsTransport(dir: string): SmsTransport {
  mkdirSync(dir, { recursive: true });
  return {
    async send(message) {
      const file = join(dir, `${message.id}.txt`);
      writeFileSync(`${file}.tmp`, `To: ${message.to}\nDate: ${new Date().toISOString()}\n\n${message.body}\n`);
      renameSync(`${file}.tmp`, file);
    },
  };
}
