import { For } from 'solid-js';

export const STEPS = ['Order Title & Customer Site', 'Order Items', 'Review'] as const;

/**
 * The wizard's steps, in order. A step is a button once it can be reached (the later
 * ones only after the draft exists); the current one is marked aria-current="step".
 */
export function StepHeader(props: {
  current: number;
  /** The furthest step that can be opened. */
  reachable: number;
  onStep: (index: number) => void;
}) {
  return (
    <nav aria-label="Change Order steps">
      <ol class="steps">
        <For each={STEPS}>
          {(label, index) => (
            <li classList={{ current: index() === props.current }}>
              <button
                type="button"
                class="step"
                aria-current={index() === props.current ? 'step' : undefined}
                disabled={index() > props.reachable}
                onClick={() => props.onStep(index())}
              >
                <span class="step-number" aria-hidden="true">
                  {index() + 1}
                </span>{' '}
                {label}
              </button>
            </li>
          )}
        </For>
      </ol>
    </nav>
  );
}
