import type { EntityManager } from '@mikro-orm/postgresql';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import { SingleFlight } from '../../common/single-flight.js';
import { MailMessage, MailStatus } from './mail-message.entity.js';

export interface MailWorkerOptions {
  smtpUrl: string;
  from: string;
  fork: () => EntityManager;
  logger: Logger;
  /** First retry delay; doubles each attempt, up to five minutes. */
  retryBaseMs: number;
  /** Attempts before a mail is marked FAILED. */
  maxAttempts?: number;
  /** How long a claimed mail is another worker's before it counts as abandoned. */
  leaseMs?: number;
  pollIntervalMs?: number;
}

/**
 * Mails claimed at once. One: a process that dies mid-send strands only the mail it was
 * sending (until its lease runs out), not the rest of a batch; a claim is one short UPDATE.
 */
const BATCH = 1;
const MAX_RETRY_DELAY_MS = 5 * 60 * 1000;

/**
 * Sends the mail outbox over SMTP. Each mail is claimed (SENDING, with a lease) in its own
 * short transaction with SKIP LOCKED, so several instances share the work without sending
 * one mail twice; on success it becomes SENT, on failure PENDING again with a growing delay,
 * FAILED after the last attempt. A process that dies mid-send leaves the claim to expire
 * and the mail is tried again: the one case where a receiver could see a mail twice, made
 * recognisable by its stable Message-ID (<mail id@change-order-portal>).
 */
export class MailWorker {
  private readonly transport: Transporter;
  private timer: NodeJS.Timeout | undefined;
  private readonly sender = new SingleFlight(
    () => this.drain(),
    (error) => this.options.logger.warn({ err: error }, 'mail worker: round failed'),
  );
  private stopped = false;

  constructor(private readonly options: MailWorkerOptions) {
    this.transport = nodemailer.createTransport(options.smtpUrl);
  }

  start(): void {
    this.timer = setInterval(() => void this.poke(), this.options.pollIntervalMs ?? 1_000);
    this.timer.unref();
    void this.poke();
  }

  /** Sends whatever is due now; resolves once this round is done. */
  poke(): Promise<void> {
    return this.stopped ? Promise.resolve() : this.sender.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.sender.settled();
    this.transport.close();
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const claimed = await this.claim();
      if (claimed.length === 0) return;
      for (const id of claimed) await this.send(id);
      if (claimed.length < BATCH) return;
    }
  }

  private async claim(): Promise<string[]> {
    const rows = await this.options.fork().execute<{ id: string }[]>(
      `UPDATE mail_message SET status = 'SENDING', claimed_until = now() + (? || ' milliseconds')::interval,
              attempts = attempts + 1
       WHERE id IN (
         SELECT id FROM mail_message
         WHERE (status = 'PENDING' AND next_attempt_at <= now())
            OR (status = 'SENDING' AND claimed_until < now())
         ORDER BY created_at, id
         LIMIT ${BATCH}
         FOR UPDATE SKIP LOCKED)
       RETURNING id`,
      [String(this.options.leaseMs ?? 60_000)],
    );
    return rows.map((row) => row.id);
  }

  private async send(id: string): Promise<void> {
    const em = this.options.fork();
    const mail = await em.findOneOrFail(MailMessage, id, {
      populate: ['attachment', 'attachment.content'],
    });
    try {
      await this.transport.sendMail({
        from: this.options.from,
        to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.id}@change-order-portal>`,
        attachments: mail.attachment
          ? [
              {
                filename: mail.attachment.fileName,
                content: mail.attachment.content,
                contentType: mail.attachment.contentType,
              },
            ]
          : [],
      });
      mail.status = MailStatus.SENT;
      mail.sentAt = new Date();
      mail.lastError = null;
      mail.claimedUntil = null;
      this.options.logger.info({ mail: mail.id, to: mail.to }, 'mail sent');
    } catch (error) {
      const gaveUp = mail.attempts >= (this.options.maxAttempts ?? 12);
      mail.status = gaveUp ? MailStatus.FAILED : MailStatus.PENDING;
      mail.lastError = String((error as Error).message ?? error).slice(0, 1000);
      mail.claimedUntil = null;
      const delay = Math.min(
        this.options.retryBaseMs * 2 ** (mail.attempts - 1),
        MAX_RETRY_DELAY_MS,
      );
      mail.nextAttemptAt = new Date(Date.now() + delay);
      this.options.logger.warn(
        { mail: mail.id, attempts: mail.attempts, err: error },
        gaveUp ? 'mail failed' : 'mail will be retried',
      );
    }
    await em.flush();
  }
}
