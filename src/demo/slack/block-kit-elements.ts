// Interactive elements, options and confirm dialogs, with the limits from
// Slack's Block Kit reference (docs.slack.dev/reference/block-kit).
import { type Checker, isRecord } from './block-kit-checker.js';

const ELEMENT_TYPES = new Set([
  'button',
  'checkboxes',
  'datepicker',
  'datetimepicker',
  'email_text_input',
  'external_select',
  'multi_external_select',
  'file_input',
  'image',
  'static_select',
  'multi_static_select',
  'users_select',
  'multi_users_select',
  'conversations_select',
  'multi_conversations_select',
  'channels_select',
  'multi_channels_select',
  'number_input',
  'overflow',
  'plain_text_input',
  'radio_buttons',
  'rich_text_input',
  'timepicker',
  'url_text_input',
  'workflow_button',
  'icon_button',
  'feedback_buttons',
]);

const SELECTS_WITH_OPTIONS = new Set(['static_select', 'multi_static_select']);

function checkOption(c: Checker, path: string, option: unknown, plainOnly: boolean): void {
  if (!isRecord(option)) {
    c.fail(path, 'option must be an object');
    return;
  }
  c.text(`${path}.text`, option.text, 75, 'option text', { plainOnly, required: true });
  c.maxLen(`${path}.value`, option.value, 150, 'option value');
  c.text(`${path}.description`, option.description, 75, 'option description', { plainOnly: true });
  c.maxLen(`${path}.url`, option.url, 3000, 'option url');
}

function checkOptions(c: Checker, path: string, value: unknown, max: number, plainOnly: boolean): void {
  c.items(path, value, max, 'options').forEach((o, i) => {
    checkOption(c, `${path}[${i}]`, o, plainOnly);
  });
}

function checkConfirm(c: Checker, path: string, confirm: unknown): void {
  if (confirm === undefined) return;
  if (!isRecord(confirm)) {
    c.fail(path, 'confirm must be an object');
    return;
  }
  c.text(`${path}.title`, confirm.title, 100, 'confirm title', { plainOnly: true, required: true });
  c.text(`${path}.text`, confirm.text, 300, 'confirm text', { required: true });
  c.text(`${path}.confirm`, confirm.confirm, 30, 'confirm button', { plainOnly: true, required: true });
  c.text(`${path}.deny`, confirm.deny, 30, 'deny button', { plainOnly: true, required: true });
}

function checkSelectOptions(c: Checker, path: string, el: Record<string, unknown>): void {
  if (el.options !== undefined && el.option_groups !== undefined) {
    c.fail(path, 'provide options or option_groups, not both');
  }
  checkOptions(c, `${path}.options`, el.options, 100, true);
  c.items(`${path}.option_groups`, el.option_groups, 100, 'option_groups').forEach((g, i) => {
    const gp = `${path}.option_groups[${i}]`;
    if (!isRecord(g)) {
      c.fail(gp, 'option group must be an object');
      return;
    }
    c.text(`${gp}.label`, g.label, 75, 'option group label', { plainOnly: true, required: true });
    checkOptions(c, `${gp}.options`, g.options, 100, true);
  });
}

/** Validates one element and records its action_id in `actionIds` (unique per block). */
export function checkElement(c: Checker, path: string, el: unknown, actionIds: Set<string>): void {
  if (!isRecord(el)) {
    c.fail(path, 'element must be an object');
    return;
  }
  const type = typeof el.type === 'string' ? el.type : '';
  if (!ELEMENT_TYPES.has(type)) {
    c.fail(`${path}.type`, `unknown element type "${String(el.type)}"`);
    return;
  }
  c.maxLen(`${path}.action_id`, el.action_id, 255, 'action_id');
  c.unique(`${path}.action_id`, el.action_id, actionIds, 'action_id in block');
  c.text(`${path}.placeholder`, el.placeholder, 150, 'placeholder', { plainOnly: true });
  checkConfirm(c, `${path}.confirm`, el.confirm);

  if (type === 'button') {
    c.text(`${path}.text`, el.text, 75, 'button text', { plainOnly: true, required: true });
    c.maxLen(`${path}.value`, el.value, 2000, 'button value');
    c.maxLen(`${path}.url`, el.url, 3000, 'button url');
  } else if (SELECTS_WITH_OPTIONS.has(type)) {
    checkSelectOptions(c, path, el);
  } else if (type === 'overflow') {
    checkOptions(c, `${path}.options`, el.options, 5, true);
  } else if (type === 'radio_buttons' || type === 'checkboxes') {
    checkOptions(c, `${path}.options`, el.options, 10, false);
  } else if (type === 'plain_text_input') {
    checkInputLength(c, path, el);
  } else if (type === 'image') {
    c.maxLen(`${path}.image_url`, el.image_url, 3000, 'image_url');
    c.maxLen(`${path}.alt_text`, el.alt_text, 2000, 'alt_text');
  }
}

function checkInputLength(c: Checker, path: string, el: Record<string, unknown>): void {
  for (const key of ['max_length', 'min_length'] as const) {
    const n = el[key];
    if (n === undefined) continue;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      c.fail(`${path}.${key}`, `${key} must be a non-negative integer`);
    } else if (n > 3000) {
      c.fail(`${path}.${key}`, `${key} is ${n}, limit is 3000`);
    }
  }
}
