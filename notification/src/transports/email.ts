import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nodemailer from "nodemailer";
import { Undeliverable, type EmailMessage, type EmailTransport } from "./transport";

/** The Message-ID is the notification's, so a copy sent again after a crash is recognisably the same mail. */
function compose(message: EmailMessage, from: string) {
  const name = message.toName?.replace(/[\r\n]+/g, " ");
  return {
    from,
    to: name ? { name: `${name} 様`, address: message.to } : message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: `<${message.id}@order-platform>`,
    textEncoding: "base64" as const,
  };
}

/** SMTP through a pooled nodemailer transport (`SMTP_URL`). */
export function smtpTransport(url: string, from: string): EmailTransport {
  const transporter = nodemailer.createTransport({
    url, pool: true, maxConnections: 4, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(message) {
      await transporter.sendMail(compose(message, from)).catch((error: SmtpError) => {
        throw refusedForGood(error) ? new Undeliverable(error.response ?? error.message, { cause: error }) : error;
      });
    },
    close: () => transporter.close(),
  };
}

type SmtpError = Error & { responseCode?: number; command?: string; response?: string };
/**
 * A permanent (5xx) answer to the recipient or the message itself. A 5xx to anything else (AUTH,
 * MAIL FROM) is this service's settings, to be fixed and retried, not the mail's fault.
 */
const refusedForGood = (error: SmtpError) =>
  (error.responseCode ?? 0) >= 500 && (error.responseCode ?? 0) < 600 && (error.command === "RCPT TO" || error.command === "DATA");

/**
 * Without SMTP, each mail becomes `<DATA_DIR>/mail/<id>.eml`, which any mail client opens. Written
 * under the notification's id and renamed into place, so a resend replaces rather than duplicates.
 */
export function fileTransport(dir: string, from: string): EmailTransport {
  mkdirSync(dir, { recursive: true });
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(message) {
      const info = await transporter.sendMail(compose(message, from));
      const file = join(dir, `${message.id}.eml`);
      writeFileSync(`${file}.tmp`, info.message as Buffer);
      renameSync(`${file}.tmp`, file);
    },
    close: () => transporter.close(),
  };
}
