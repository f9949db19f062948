import { createMemo, createUniqueId, For, Show } from 'solid-js';
import { errorsAt, unplacedErrors, type FieldError } from './errors';
import { describedBy, FieldErrors } from '@portal/web-shared';

export type ProductChangeMode = 'KEEP' | 'ADD' | 'REPLACE';

export interface ProductChangeValue {
  mode: ProductChangeMode;
  productId: string | null;
  replacesProductId: string | null;
}

/** A primary product of the customer's vendor, with how many seats the customer holds. */
export interface PrimaryOption {
  id: string;
  name: string;
  held: number;
  upgradesTo: readonly { id: string; name: string }[];
}

const MODES: { mode: ProductChangeMode; label: string }[] = [
  { mode: 'KEEP', label: 'Keep Existing' },
  { mode: 'ADD', label: 'Add to' },
  { mode: 'REPLACE', label: 'Select New' },
];

/**
 * The primary product (Mimecast): Keep Existing, Add to (another primary product), or
 * Select New (upgrade one held product to one it may be upgraded to).
 * `errors` are those under ['productChange', …].
 */
export function PrimaryProduct(props: {
  primaries: readonly PrimaryOption[];
  value: ProductChangeValue;
  onChange: (value: ProductChangeValue) => void;
  errors: readonly FieldError[];
}) {
  const id = createUniqueId();
  const held = createMemo(() => props.primaries.filter((product) => product.held > 0));
  // Add to: another primary product, one the customer does not hold yet where there is one.
  const addable = createMemo(() => {
    const notHeld = props.primaries.filter((product) => product.held === 0);
    return notHeld.length > 0 ? notHeld : props.primaries;
  });
  const replaced = createMemo(() =>
    props.primaries.find((product) => product.id === props.value.replacesProductId),
  );
  const productErrors = createMemo(() => errorsAt(props.errors, 'productChange', 'productId'));
  const replacesErrors = createMemo(() =>
    errorsAt(props.errors, 'productChange', 'replacesProductId'),
  );
  const otherErrors = createMemo(() =>
    unplacedErrors(props.errors, [
      ['productChange', 'productId'],
      ['productChange', 'replacesProductId'],
    ]),
  );

  function choose(mode: ProductChangeMode) {
    if (mode === 'KEEP') props.onChange({ mode, productId: null, replacesProductId: null });
    if (mode === 'ADD')
      props.onChange({ mode, productId: addable()[0]?.id ?? null, replacesProductId: null });
    if (mode === 'REPLACE') {
      const from = held()[0] ?? props.primaries[0];
      props.onChange({
        mode,
        replacesProductId: from?.id ?? null,
        productId: from?.upgradesTo[0]?.id ?? null,
      });
    }
  }

  return (
    <fieldset class="primary-product">
      <legend>Primary product</legend>
      <p class="hint">
        Now:{' '}
        <Show when={held().length > 0} fallback="none">
          {held()
            .map((product) => `${product.name} (${product.held})`)
            .join(', ')}
        </Show>
      </p>
      <div class="choices">
        <For each={MODES}>
          {(choice) => (
            <label class="choice">
              <input
                type="radio"
                name={`${id}-mode`}
                value={choice.mode}
                checked={props.value.mode === choice.mode}
                onChange={() => choose(choice.mode)}
              />{' '}
              {choice.label}
            </label>
          )}
        </For>
      </div>

      <Show when={props.value.mode === 'ADD'}>
        <div class="field">
          <label for={`${id}-add`}>Product to add</label>
          <select
            id={`${id}-add`}
            aria-invalid={productErrors().length > 0 ? 'true' : undefined}
            aria-describedby={describedBy(`${id}-product-error`, productErrors())}
            onChange={(event) =>
              props.onChange({ ...props.value, productId: event.currentTarget.value || null })
            }
          >
            <For each={addable()}>
              {(product) => (
                <option value={product.id} selected={product.id === props.value.productId}>
                  {product.name}
                </option>
              )}
            </For>
          </select>
          <FieldErrors id={`${id}-product-error`} errors={productErrors()} />
        </div>
      </Show>

      <Show when={props.value.mode === 'REPLACE'}>
        <div class="field">
          <label for={`${id}-replaces`}>Replace</label>
          <select
            id={`${id}-replaces`}
            aria-invalid={replacesErrors().length > 0 ? 'true' : undefined}
            aria-describedby={describedBy(`${id}-replaces-error`, replacesErrors())}
            onChange={(event) => {
              const from = props.primaries.find((p) => p.id === event.currentTarget.value);
              props.onChange({
                mode: 'REPLACE',
                replacesProductId: from?.id ?? null,
                productId: from?.upgradesTo[0]?.id ?? null,
              });
            }}
          >
            <For each={held().length > 0 ? held() : props.primaries}>
              {(product) => (
                <option value={product.id} selected={product.id === props.value.replacesProductId}>
                  {product.name}
                </option>
              )}
            </For>
          </select>
          <FieldErrors id={`${id}-replaces-error`} errors={replacesErrors()} />
        </div>
        <div class="field">
          <label for={`${id}-upgrade`}>Upgrade to</label>
          <select
            id={`${id}-upgrade`}
            aria-invalid={productErrors().length > 0 ? 'true' : undefined}
            aria-describedby={describedBy(`${id}-product-error`, productErrors())}
            onChange={(event) =>
              props.onChange({ ...props.value, productId: event.currentTarget.value || null })
            }
          >
            <Show when={(replaced()?.upgradesTo.length ?? 0) === 0}>
              <option value="">No upgrade available</option>
            </Show>
            <For each={replaced()?.upgradesTo ?? []}>
              {(product) => (
                <option value={product.id} selected={product.id === props.value.productId}>
                  {product.name}
                </option>
              )}
            </For>
          </select>
          <FieldErrors id={`${id}-product-error`} errors={productErrors()} />
        </div>
      </Show>

      <Show when={props.value.mode !== 'KEEP'}>
        <p class="hint">Product changes cannot be combined with seat downgrades.</p>
      </Show>
      <FieldErrors id={`${id}-error`} errors={otherErrors()} />
    </fieldset>
  );
}
