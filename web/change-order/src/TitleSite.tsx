import { createMemo, For, Show } from 'solid-js';
import { errorsAt, type FieldError } from './errors';
import { describedBy, FieldErrors } from '@portal/web-shared';

export interface TitleSiteValue {
  title: string;
  siteId: string | null;
  note: string;
}

/** The server refuses a longer title (VALIDATION). */
export const MAX_TITLE_LENGTH = 200;

/**
 * What the server would say of this title, in its words and at its field path
 * (createChangeOrder and updateChangeOrder check the trimmed title): no errors when it is
 * fine. Checked on "Next", so a step is not left with a title the order cannot have.
 */
export function checkTitle(title: string): FieldError[] {
  const trimmed = title.trim();
  const refused = (message: string) => [{ code: 'VALIDATION', field: ['title'], message }];
  if (trimmed.length === 0) return refused('Give the order a title.');
  if (trimmed.length > MAX_TITLE_LENGTH)
    return refused(`The title is longer than ${MAX_TITLE_LENGTH} characters.`);
  return [];
}

/** Step 1, "Order Title & Customer Site": the order's title, site and note. */
export function TitleSite(props: {
  value: TitleSiteValue;
  sites: readonly { id: string; name: string; address?: string | null }[];
  onChange: (value: Partial<TitleSiteValue>) => void;
  /** Errors of createChangeOrder / updateChangeOrder: ['title'], ['siteId'], ['note']. */
  errors: readonly FieldError[];
  /** Receives the title field, for the step to focus it when the title is refused. */
  titleRef?: (element: HTMLInputElement) => void;
}) {
  const titleErrors = createMemo(() => errorsAt(props.errors, 'title'));
  const siteErrors = createMemo(() => errorsAt(props.errors, 'siteId'));
  const noteErrors = createMemo(() => errorsAt(props.errors, 'note'));
  return (
    <>
      <div class="field">
        <label for="order-title">Order Title</label>
        <input
          ref={(element) => props.titleRef?.(element)}
          id="order-title"
          class="wide"
          required
          value={props.value.title}
          aria-invalid={titleErrors().length > 0 ? 'true' : undefined}
          aria-describedby={describedBy('order-title-error', titleErrors())}
          onInput={(event) => props.onChange({ title: event.currentTarget.value })}
        />
        <FieldErrors id="order-title-error" errors={titleErrors()} />
      </div>
      <div class="field">
        <label for="order-site">Customer Site</label>
        <select
          id="order-site"
          aria-invalid={siteErrors().length > 0 ? 'true' : undefined}
          aria-describedby={describedBy('order-site-error', siteErrors())}
          onChange={(event) => props.onChange({ siteId: event.currentTarget.value || null })}
        >
          {/* Once a site is saved the API can change it but not clear it. */}
          <Show when={!props.value.siteId}>
            <option value="" selected>
              No particular site
            </option>
          </Show>
          <For each={props.sites}>
            {(site) => (
              <option value={site.id} selected={site.id === props.value.siteId}>
                {site.address ? `${site.name} · ${site.address}` : site.name}
              </option>
            )}
          </For>
        </select>
        <FieldErrors id="order-site-error" errors={siteErrors()} />
      </div>
      <div class="field">
        <label for="order-note">Order Note (optional)</label>
        <textarea
          id="order-note"
          class="wide"
          rows={3}
          maxLength={2000}
          value={props.value.note}
          aria-invalid={noteErrors().length > 0 ? 'true' : undefined}
          aria-describedby={describedBy('order-note-error', noteErrors())}
          onInput={(event) => props.onChange({ note: event.currentTarget.value })}
        />
        <FieldErrors id="order-note-error" errors={noteErrors()} />
      </div>
    </>
  );
}
