import { For, Show } from 'solid-js';
import type { Client } from '@urql/core';
import { DownloadLink, Empty, formatDate } from '@portal/web-shared';

export interface AttachmentRow {
  id: string;
  kind: string;
  fileName: string;
  byteSize: number;
  createdAt: string;
  downloadUrl: string;
}

const KIND_LABEL: Record<string, string> = {
  ADDENDUM: 'Order addendum',
  APPROVAL_SHEET: 'Approval sheet',
};

/** "12.3 KB" for a byte count. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The customer's documents (addenda, approval sheets), each a download link (renewed on
 * click once it has expired).
 */
export function Attachments(props: { client: Client; attachments: readonly AttachmentRow[] }) {
  return (
    <Show when={props.attachments.length > 0} fallback={<Empty>No attachments yet.</Empty>}>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Attachments</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Kind</th>
              <th scope="col">Date</th>
              <th scope="col" class="num">
                Size
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={props.attachments}>
              {(file) => (
                <tr>
                  <td>
                    {/* A signed link the browser downloads; renewed first once expired. */}
                    <DownloadLink client={props.client} file={file} />
                  </td>
                  <td>{KIND_LABEL[file.kind] ?? file.kind}</td>
                  <td>{formatDate(file.createdAt)}</td>
                  <td class="num">{formatSize(file.byteSize)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
