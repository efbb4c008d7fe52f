// The state.values a Slack client reports for a view: read from the page's
// controls in Slack's shapes, and written back when a modal is redrawn to show
// field errors, so nothing typed is lost.
export type Json = Record<string, unknown>;

function optionOf(select: HTMLSelectElement): Json | null {
  const option = select.selectedOptions[0];
  if (!option || option.value === '') return null;
  return { text: { type: 'plain_text', text: option.textContent ?? '', emoji: true }, value: option.value };
}

/** One element's entry in state.values, as Slack reports it. */
export function stateOf(el: HTMLElement): Json {
  const type = el.dataset.type ?? '';
  if (el instanceof HTMLSelectElement) {
    const value = el.value === '' ? null : el.value;
    if (type === 'users_select') return { type, selected_user: value };
    if (type === 'conversations_select') return { type, selected_conversation: value };
    if (type === 'channels_select') return { type, selected_channel: value };
    return { type, selected_option: optionOf(el) };
  }
  if (type === 'radio_buttons' || type === 'checkboxes') {
    const chosen = [...el.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => ({
      text: { type: 'plain_text', text: i.dataset.text ?? '' },
      value: i.value,
    }));
    return type === 'checkboxes' ? { type, selected_options: chosen } : { type, selected_option: chosen[0] ?? null };
  }
  const value = (el as HTMLInputElement | HTMLTextAreaElement).value;
  if (type === 'datepicker') return { type, selected_date: value === '' ? null : value };
  return { type, value: value === '' ? null : value };
}

export function valuesOf(container: HTMLElement): Json {
  const values: Record<string, Json> = {};
  for (const el of container.querySelectorAll<HTMLElement>('[data-action-id][data-type]')) {
    if (el.dataset.type === 'button') continue;
    const block = el.dataset.blockId ?? '';
    values[block] = { ...(values[block] ?? {}), [el.dataset.actionId ?? '']: stateOf(el) };
  }
  return values;
}

/** Redrawing a modal to show errors must not lose what the user typed. */
export function restoreValues(container: HTMLElement, values: Json): void {
  for (const el of container.querySelectorAll<HTMLElement>('[data-action-id][data-type]')) {
    const entry = (values[el.dataset.blockId ?? ''] as Json | undefined)?.[el.dataset.actionId ?? ''] as
      | Json
      | undefined;
    if (!entry) continue;
    if (el instanceof HTMLSelectElement) {
      const picked = entry.selected_option as Json | null | undefined;
      el.value = String(
        entry.selected_user ?? entry.selected_conversation ?? entry.selected_channel ?? picked?.value ?? '',
      );
    } else if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) {
      el.value = String(entry.value ?? entry.selected_date ?? '');
    } else {
      const chosen = new Set(
        ((entry.selected_options as Json[] | undefined) ?? [entry.selected_option as Json | null]).map((o) => o?.value),
      );
      for (const box of el.querySelectorAll<HTMLInputElement>('input')) box.checked = chosen.has(box.value);
    }
  }
}
