import { For, Show, untrack } from 'solid-js';
import {
  DownloadLink,
  Empty,
  ErrorMessage,
  formatDate,
  graphql,
  Loading,
  query,
} from '@portal/web-shared';
import type { Session } from './session';

const MAILBOX = graphql(`
  query Mailbox {
    mailbox(first: 50) {
      id
      to
      toName
      subject
      status
      createdAt
      sentAt
      text
      attachment {
        id
        fileName
        downloadUrl
      }
      order {
        number
      }
    }
  }
`);

/**
 * Where a mail stands, in words: the mailbox is shown where no SMTP server is set, so a
 * PENDING mail is kept here and will not be sent, rather than "pending".
 */
export function mailState(mail: { status: string; sentAt?: string | null }): string {
  switch (mail.status) {
    case 'SENT':
      return `sent ${formatDate(mail.sentAt)}`;
    case 'PENDING':
      return 'kept here, not sent';
    default:
      return mail.status.toLowerCase();
  }
}

/** The dev mailbox: what the portal sent, or keeps where no SMTP server is configured. */
export function Mailbox(props: { session: Session }) {
  // Read once: the session never changes under a mounted screen (signing out unmounts it).
  const urql = untrack(() => props.session.client.urql);
  const [mails, { refetch }] = query(urql, MAILBOX, () => ({}));
  return (
    <section>
      <h1>Mailbox</h1>
      <p class="empty">
        E-mails about your organisation's orders. Without an SMTP server they are kept here, unsent.
      </p>
      <Show
        when={!mails.error}
        fallback={<ErrorMessage error={mails.error as unknown} retry={refetch} />}
      >
        <Show when={mails()} fallback={<Loading />}>
          {(data) => (
            <Show when={data().mailbox.length > 0} fallback={<Empty>No e-mail yet.</Empty>}>
              <For each={data().mailbox}>
                {(mail) => (
                  <article class="panel">
                    <h2>{mail.subject}</h2>
                    <p>
                      To {mail.toName ? `${mail.toName} <${mail.to}>` : mail.to} · order{' '}
                      {mail.order.number} · {formatDate(mail.createdAt)}{' '}
                      <span class="badge">{mailState(mail)}</span>
                    </p>
                    <pre class="mail-text">{mail.text}</pre>
                    <Show when={mail.attachment}>
                      {(file) => <DownloadLink client={urql} file={file()} />}
                    </Show>
                  </article>
                )}
              </For>
            </Show>
          )}
        </Show>
      </Show>
    </section>
  );
}
