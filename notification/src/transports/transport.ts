/**
 * Where a rendered notification goes. A send that throws is retried, unless it throws Undeliverable;
 * one that resolves is SENT.
 */
export type EmailMessage = { id: string; to: string; toName: string | null; subject: string; text: string; html: string };
export type SmsMessage = { id: string; to: string; body: string };

export interface EmailTransport {
  send(message: EmailMessage): Promise<void>;
  close(): void;
}

export interface SmsTransport {
  send(message: SmsMessage): Promise<void>;
}

/**
 * The receiving server refused this message for good (a 5xx to its recipient or its content, such
 * as 550 no such user): sending it again cannot help, while correcting the address and resending can.
 */
export class Undeliverable extends Error {}
