import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import { freePort } from "./service-process";

export type ReceivedMail = { parsed: ParsedMail; raw: string; receivedAt: number };

/**
 * A real SMTP server (the smtp-server package) for tests. It can refuse mail for a while (451, a
 * temporary failure a sender should retry), refuse a recipient for good (550, no such user), or hold the answer to the next message until released,
 * so a test can kill the sender while a mail is in flight. A held mail whose connection closed
 * before the answer is not delivered, as a real server would not deliver it.
 */
export async function startSmtpSink() {
  const port = freePort();
  const received: ReceivedMail[] = [];
  const closedSessions = new Set<string>();
  let refusing = false;
  const unknownUsers = new Set<string>();
  let holdNext = false;
  let releaseHeld: (() => void) | undefined;
  let heldSession: string | undefined;
  let onHeld: (() => void) | undefined;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (unknownUsers.has(address.address)) return callback(Object.assign(new Error("5.1.1 no such user here"), { responseCode: 550 }));
      callback();
    },
    onClose(session) {
      closedSessions.add(session.id);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        if (refusing) return callback(Object.assign(new Error("mailbox busy, try again later"), { responseCode: 451 }));
        if (holdNext) {
          holdNext = false;
          heldSession = session.id;
          await new Promise<void>((resolve) => {
            releaseHeld = resolve;
            onHeld?.();
          });
          if (closedSessions.has(session.id)) return callback(new Error("connection closed"));
        }
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({ parsed: await simpleParser(raw), raw, receivedAt: Date.now() });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));

  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse(on: boolean) {
      refusing = on;
    },
    /** Answers 550 (no such user) to mail for this address from now on. */
    noSuchUser(address: string) {
      unknownUsers.add(address);
    },
    /** Holds the next message's answer; resolves once a message is held. */
    holdNextMessage() {
      holdNext = true;
      return new Promise<void>((resolve) => (onHeld = resolve));
    },
    release() {
      releaseHeld?.();
    },
    /** Answers the held message once its sender has hung up (it died), so it is not delivered. */
    async releaseAfterDisconnect() {
      const deadline = Date.now() + 5_000;
      while (heldSession && !closedSessions.has(heldSession) && Date.now() < deadline) await Bun.sleep(10);
      releaseHeld?.();
    },
    messageIds() {
      return received.map((mail) => mail.parsed.messageId ?? "");
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
