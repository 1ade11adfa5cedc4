/** Where a rendered notification goes. A send that throws is retried; one that resolves is SENT. */
export type EmailMessage = { id: string; to: string; toName: string | null; subject: string; text: string; html: string };
export type SmsMessage = { id: string; to: string; body: string };

export interface EmailTransport {
  send(message: EmailMessage): Promise<void>;
  close(): void;
}

export interface SmsTransport {
  send(message: SmsMessage): Promise<void>;
}
