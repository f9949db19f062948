import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on a free port that keeps what it receives, parsed; `failing` makes it
 * refuse every message with a temporary error (451) until set back.
 */
export class SmtpCatcher {
  readonly received: ParsedMail[] = [];
  /** Messages refused while failing. */
  refused = 0;
  failing = false;
  private readonly server: SMTPServer;
  private waiters: { done: () => boolean; resolve: () => void }[] = [];
  url = '';

  constructor() {
    this.server = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      authOptional: true,
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (this.failing) {
            this.refused++;
            this.settle();
            const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
            callback(error);
            return;
          }
          simpleParser(Buffer.concat(chunks))
            .then((mail) => {
              this.received.push(mail);
              callback();
              this.settle();
            })
            .catch(callback);
        });
      },
    });
  }

  /**
   * Errors of client connections (a portal killed mid-session resets its socket: the crash
   * suite does that on purpose). smtp-server emits them on the server; unheard, they would
   * be uncaught exceptions of the test run.
   */
  readonly connectionErrors: Error[] = [];

  async start(): Promise<this> {
    this.server.on('error', (error: Error) => this.connectionErrors.push(error));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Resolves once `condition` holds (checked on every message received or refused). */
  until(condition: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push({ done: condition, resolve });
      this.settle();
    });
  }

  /** Resolves once `count` messages in all have been received. */
  receivedCount(count: number): Promise<ParsedMail[]> {
    return this.until(() => this.received.length >= count).then(() =>
      this.received.slice(0, count),
    );
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private settle(): void {
    this.waiters = this.waiters.filter((waiter) => {
      if (!waiter.done()) return true;
      waiter.resolve();
      return false;
    });
  }
}
