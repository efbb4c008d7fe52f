// Block Kit as HTML for the demo page. Pure: blocks in, an HTML string out,
// every piece of text escaped. Interactive elements carry data-* attributes
// (action, block, type, whether a change is sent at once) that the page reads
// back to build the block_actions and view_submission payloads Slack sends.
import { emojify, escapeHtml, mrkdwnToHtml, type NameLookup } from './mrkdwn.js';

export interface RenderContext extends NameLookup {
  /** Makes ids unique on the page: one surface, one prefix. */
  idPrefix: string;
  users: ReadonlyArray<{ id: string; name: string }>;
  channels: ReadonlyArray<{ id: string; name: string }>;
  /** Field errors from response_action "errors", by block_id. */
  errors?: Readonly<Record<string, string>>;
  /** The level of header blocks on this surface (a modal's title is one above). */
  headingLevel?: number;
  words: { choose: string; optional: string };
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const attr = (v: string): string => escapeHtml(v);

/** A text object: mrkdwn formatted, plain_text escaped (with emoji, as Slack draws them). */
function textHtml(t: unknown, ctx: NameLookup): string {
  if (!isObj(t)) return '';
  const text = str(t.text);
  if (t.type === 'mrkdwn') return mrkdwnToHtml(text, ctx);
  return emojify(escapeHtml(text)).replace(/\n/g, '<br>');
}

const NO_NAMES: NameLookup = { userName: (id) => id, channelName: (id) => id };

/** A text object as plain words (aria-labels, data attributes). */
function textPlain(t: unknown): string {
  return isObj(t) ? str(t.text) : '';
}

function idFor(ctx: RenderContext, ...parts: string[]): string {
  return [ctx.idPrefix, ...parts].join('-').replace(/[^A-Za-z0-9_-]/g, '_');
}

interface Place {
  blockId: string;
  /** Sent as block_actions when changed (actions blocks, accessories, dispatch_action inputs). */
  dispatch: boolean;
  /** The id of the visible label, when the element sits in an input block. */
  labelId?: string;
  describedBy?: string;
  invalid?: boolean;
}

function dataAttrs(el: Obj, place: Place): string {
  return `data-type="${attr(str(el.type))}" data-action-id="${attr(str(el.action_id))}" data-block-id="${attr(place.blockId)}"${place.dispatch ? ' data-dispatch="1"' : ''}`;
}

function described(place: Place): string {
  return `${place.describedBy ? ` aria-describedby="${attr(place.describedBy)}"` : ''}${place.invalid ? ' aria-invalid="true"' : ''}`;
}

/** Accessible name: the input block's label, or the element's own placeholder. */
function named(el: Obj, place: Place, fallback: string): string {
  if (place.labelId) return ` aria-labelledby="${attr(place.labelId)}"`;
  return ` aria-label="${attr(textPlain(el.placeholder) || fallback)}"`;
}

function optionTag(o: unknown, selected: string | undefined): string {
  if (!isObj(o)) return '';
  const value = str(o.value);
  return `<option value="${attr(value)}"${value === selected ? ' selected' : ''}>${emojify(escapeHtml(textPlain(o.text)))}</option>`;
}

function select(el: Obj, place: Place, ctx: RenderContext, id: string): string {
  const type = str(el.type);
  let options = '';
  let selected: string | undefined;
  if (type === 'users_select') {
    selected = str(el.initial_user) || undefined;
    options = ctx.users.map((u) => optionTag({ value: u.id, text: { text: u.name } }, selected)).join('');
  } else if (type === 'conversations_select' || type === 'channels_select') {
    selected = str(el.initial_conversation) || str(el.initial_channel) || undefined;
    options = ctx.channels.map((c) => optionTag({ value: c.id, text: { text: `#${c.name}` } }, selected)).join('');
  } else {
    selected = isObj(el.initial_option) ? str(el.initial_option.value) : undefined;
    const list = Array.isArray(el.options) ? el.options : [];
    options = list.map((o) => optionTag(o, selected)).join('');
    if (Array.isArray(el.option_groups)) {
      options += el.option_groups
        .filter(isObj)
        .map(
          (g) =>
            `<optgroup label="${attr(textPlain(g.label))}">${(Array.isArray(g.options) ? g.options : []).map((o) => optionTag(o, selected)).join('')}</optgroup>`,
        )
        .join('');
    }
  }
  const placeholder = textPlain(el.placeholder) || ctx.words.choose;
  const blank = `<option value=""${selected === undefined ? ' selected' : ''}>${escapeHtml(placeholder)}</option>`;
  return `<select id="${attr(id)}" class="bk-select" ${dataAttrs(el, place)}${named(el, place, placeholder)}${described(place)}>${blank}${options}</select>`;
}

function choiceGroup(el: Obj, place: Place, id: string): string {
  const type = str(el.type);
  const multi = type === 'checkboxes';
  const initial = multi
    ? new Set((Array.isArray(el.initial_options) ? el.initial_options : []).filter(isObj).map((o) => str(o.value)))
    : new Set(isObj(el.initial_option) ? [str(el.initial_option.value)] : []);
  const items = (Array.isArray(el.options) ? el.options : []).filter(isObj).map((o, i) => {
    const optionId = `${id}-${i}`;
    const description = isObj(o.description)
      ? `<span class="bk-option-description">${escapeHtml(textPlain(o.description))}</span>`
      : '';
    return `<div class="bk-choice"><input type="${multi ? 'checkbox' : 'radio'}" id="${attr(optionId)}" name="${attr(id)}" value="${attr(str(o.value))}" data-text="${attr(textPlain(o.text))}"${initial.has(str(o.value)) ? ' checked' : ''}><label for="${attr(optionId)}">${textHtml(o.text, NO_NAMES)}${description}</label></div>`;
  });
  const role = multi ? 'group' : 'radiogroup';
  return `<div id="${attr(id)}" class="bk-choices" role="${role}" ${dataAttrs(el, place)}${named(el, place, '')}${described(place)}>${items.join('')}</div>`;
}

function textInput(el: Obj, place: Place, id: string): string {
  const type = str(el.type);
  const common = `id="${attr(id)}" ${dataAttrs(el, place)}${named(el, place, textPlain(el.placeholder))}${described(place)}`;
  const placeholder = isObj(el.placeholder) ? ` placeholder="${attr(textPlain(el.placeholder))}"` : '';
  const initial = str(el.initial_value) || str(el.initial_date);
  if (type === 'plain_text_input' && el.multiline === true) {
    const max = typeof el.max_length === 'number' ? ` maxlength="${el.max_length}"` : '';
    return `<textarea class="bk-input" rows="3" ${common}${placeholder}${max}>${escapeHtml(initial)}</textarea>`;
  }
  if (type === 'datepicker') return `<input type="date" class="bk-input" ${common} value="${attr(initial)}">`;
  if (type === 'number_input') {
    const step = el.is_decimal_allowed === true ? 'any' : '1';
    const bounds = `${el.min_value !== undefined ? ` min="${attr(String(el.min_value))}"` : ''}${el.max_value !== undefined ? ` max="${attr(String(el.max_value))}"` : ''}`;
    return `<input type="number" class="bk-input" step="${step}"${bounds} ${common}${placeholder} value="${attr(initial)}">`;
  }
  const max = typeof el.max_length === 'number' ? ` maxlength="${el.max_length}"` : '';
  return `<input type="text" class="bk-input" ${common}${placeholder}${max} value="${attr(initial)}">`;
}

function imageTag(el: Obj, small: boolean): string {
  const url = str(el.image_url);
  const safe = /^(https?:\/\/|\/demo\/files\/)/.test(url) ? url : '';
  if (safe === '') return `<span class="bk-image-missing">${escapeHtml(str(el.alt_text))}</span>`;
  return `<img class="${small ? 'bk-context-image' : 'bk-image'}" src="${attr(safe)}" alt="${attr(str(el.alt_text))}">`;
}

/** One element, wherever it sits. */
function elementHtml(el: unknown, place: Place, ctx: RenderContext): string {
  if (!isObj(el)) return '';
  const type = str(el.type);
  const id = idFor(ctx, place.blockId, str(el.action_id) || type);
  switch (type) {
    case 'button': {
      const style = el.style === 'primary' || el.style === 'danger' ? ` bk-${el.style}` : '';
      const label = textHtml(el.text, ctx);
      if (typeof el.url === 'string' && /^https?:\/\//.test(el.url)) {
        return `<a class="bk-button${style}" href="${attr(el.url)}" rel="noreferrer noopener" target="_blank">${label}</a>`;
      }
      const value = el.value === undefined ? '' : ` data-value="${attr(str(el.value))}"`;
      const style2 = el.style === undefined ? '' : ` data-style="${attr(str(el.style))}"`;
      return `<button type="button" id="${attr(id)}" class="bk-button${style}" ${dataAttrs(el, { ...place, dispatch: true })}${value}${style2} data-text="${attr(textPlain(el.text))}">${label}</button>`;
    }
    case 'static_select':
    case 'users_select':
    case 'conversations_select':
    case 'channels_select':
    case 'overflow':
      return select(type === 'overflow' ? { ...el, type: 'static_select' } : el, place, ctx, id);
    case 'radio_buttons':
    case 'checkboxes':
      return choiceGroup(el, place, id);
    case 'plain_text_input':
    case 'number_input':
    case 'datepicker':
      return textInput(el, place, id);
    case 'image':
      return imageTag(el, true);
    case 'mrkdwn':
    case 'plain_text':
      return `<span>${textHtml(el, ctx)}</span>`;
    default:
      return `<span class="bk-unsupported">[${escapeHtml(type || 'element')}]</span>`;
  }
}

function inputBlock(b: Obj, blockId: string, ctx: RenderContext): string {
  const el = isObj(b.element) ? b.element : {};
  const labelId = idFor(ctx, blockId, 'label');
  const hintId = idFor(ctx, blockId, 'hint');
  const errorId = idFor(ctx, blockId, 'error');
  const error = ctx.errors?.[blockId];
  const described = [b.hint !== undefined ? hintId : '', error !== undefined ? errorId : ''].filter(Boolean).join(' ');
  const place: Place = {
    blockId,
    dispatch: b.dispatch_action === true,
    labelId,
    ...(described ? { describedBy: described } : {}),
    invalid: error !== undefined,
  };
  const group = el.type === 'radio_buttons' || el.type === 'checkboxes';
  const controlId = idFor(ctx, blockId, str(el.action_id) || str(el.type));
  const optional = b.optional === true ? ` <span class="bk-optional">(${escapeHtml(ctx.words.optional)})</span>` : '';
  const labelText = `${textHtml(b.label, ctx)}${optional}`;
  const label = group
    ? `<span class="bk-label" id="${attr(labelId)}">${labelText}</span>`
    : `<label class="bk-label" id="${attr(labelId)}" for="${attr(controlId)}">${labelText}</label>`;
  const hint = b.hint !== undefined ? `<p class="bk-hint" id="${attr(hintId)}">${textHtml(b.hint, ctx)}</p>` : '';
  const err = error !== undefined ? `<p class="bk-error" id="${attr(errorId)}">${escapeHtml(error)}</p>` : '';
  const required = b.optional === true ? '' : ' data-required="1"';
  return `<div class="bk-block bk-input-block${error !== undefined ? ' bk-invalid' : ''}" data-block="${attr(blockId)}"${required}>${label}${elementHtml(el, place, ctx)}${hint}${err}</div>`;
}

/** One block. Unknown types say so rather than vanish. */
function blockHtml(block: unknown, index: number, ctx: RenderContext): string {
  if (!isObj(block)) return '';
  const type = str(block.type);
  const blockId = str(block.block_id) || `b${index}`;
  const wrap = (cls: string, inner: string) =>
    `<div class="bk-block ${cls}" data-block="${attr(blockId)}">${inner}</div>`;
  switch (type) {
    case 'header': {
      const level = Math.min(Math.max(ctx.headingLevel ?? 3, 2), 6);
      return `<h${level} class="bk-block bk-header">${textHtml(block.text, ctx)}</h${level}>`;
    }
    case 'section': {
      const text = block.text !== undefined ? `<div class="bk-text">${textHtml(block.text, ctx)}</div>` : '';
      const fields = Array.isArray(block.fields)
        ? `<div class="bk-fields">${block.fields.map((f) => `<div class="bk-field">${textHtml(f, ctx)}</div>`).join('')}</div>`
        : '';
      const accessory = isObj(block.accessory)
        ? `<div class="bk-accessory">${elementHtml(block.accessory, { blockId, dispatch: true }, ctx)}</div>`
        : '';
      return wrap('bk-section', `<div class="bk-section-body">${text}${fields}</div>${accessory}`);
    }
    case 'context': {
      const items = (Array.isArray(block.elements) ? block.elements : []).map((e) =>
        elementHtml(e, { blockId, dispatch: false }, ctx),
      );
      return wrap('bk-context', items.join(' '));
    }
    case 'divider':
      return '<hr class="bk-block bk-divider">';
    case 'image': {
      const title = block.title !== undefined ? `<figcaption>${textHtml(block.title, ctx)}</figcaption>` : '';
      return `<figure class="bk-block bk-image-block" data-block="${attr(blockId)}">${imageTag(block, false)}${title}</figure>`;
    }
    case 'actions': {
      const items = (Array.isArray(block.elements) ? block.elements : []).map((e) =>
        elementHtml(e, { blockId, dispatch: true }, ctx),
      );
      return `<div class="bk-block bk-actions" role="group" data-block="${attr(blockId)}">${items.join('')}</div>`;
    }
    case 'input':
      return inputBlock(block, blockId, ctx);
    default:
      return wrap('bk-unsupported', `[${escapeHtml(type || 'block')}]`);
  }
}

export function renderBlocks(blocks: unknown, ctx: RenderContext): string {
  return Array.isArray(blocks) ? blocks.map((b, i) => blockHtml(b, i, ctx)).join('') : '';
}
