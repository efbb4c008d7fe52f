// Pure validator for the Block Kit limits Slack enforces server-side. Slack
// answers a breach with a bare `invalid_blocks`, which is hard to debug in
// production; this names the path and the limit instead.
import { Checker, isRecord } from './block-kit-checker.js';
import { checkElement } from './block-kit-elements.js';

export type SurfaceKind = 'message' | 'modal' | 'home';

const MESSAGE_TEXT_LIMIT = 40000;

const BLOCK_TYPES = new Set([
  'actions',
  'context',
  'context_actions',
  'divider',
  'file',
  'header',
  'image',
  'input',
  'markdown',
  'rich_text',
  'section',
  'table',
  'video',
  'call',
]);

type Scope = { blockIds: Set<string> };

function checkImageBlock(c: Checker, p: string, b: Record<string, unknown>): void {
  c.maxLen(`${p}.image_url`, b.image_url, 3000, 'image_url');
  if (b.image_url === undefined && b.slack_file === undefined) c.fail(p, 'image needs image_url or slack_file');
  if (b.alt_text === undefined) c.fail(`${p}.alt_text`, 'alt_text is required');
  c.maxLen(`${p}.alt_text`, b.alt_text, 2000, 'alt_text');
  c.text(`${p}.title`, b.title, 2000, 'image title', { plainOnly: true });
}

function checkContext(c: Checker, p: string, b: Record<string, unknown>, ids: Set<string>): void {
  c.items(`${p}.elements`, b.elements, 10, 'context elements', 1).forEach((el, i) => {
    const ep = `${p}.elements[${i}]`;
    if (isRecord(el) && el.type === 'image') checkElement(c, ep, el, ids);
    else c.text(ep, el, 3000, 'context text', { required: true });
  });
}

function checkBlock(c: Checker, kind: SurfaceKind, p: string, block: unknown, scope: Scope): void {
  if (!isRecord(block)) {
    c.fail(p, 'block must be an object');
    return;
  }
  const type = typeof block.type === 'string' ? block.type : '';
  if (!BLOCK_TYPES.has(type)) {
    c.fail(`${p}.type`, `unknown block type "${String(block.type)}"`);
    return;
  }
  c.maxLen(`${p}.block_id`, block.block_id, 255, 'block_id');
  c.unique(`${p}.block_id`, block.block_id, scope.blockIds, `block_id in ${kind}`);
  const actionIds = new Set<string>();

  switch (type) {
    case 'section':
      if (block.text === undefined && block.fields === undefined) c.fail(p, 'section needs text or fields');
      c.text(`${p}.text`, block.text, 3000, 'section text');
      c.items(`${p}.fields`, block.fields, 10, 'section fields').forEach((f, i) => {
        c.text(`${p}.fields[${i}]`, f, 2000, 'section field', { required: true });
      });
      if (block.accessory !== undefined) checkElement(c, `${p}.accessory`, block.accessory, actionIds);
      break;
    case 'header':
      c.text(`${p}.text`, block.text, 150, 'header text', { plainOnly: true, required: true });
      break;
    case 'context':
      checkContext(c, p, block, actionIds);
      break;
    case 'actions':
      c.items(`${p}.elements`, block.elements, 25, 'actions elements', 1).forEach((el, i) => {
        checkElement(c, `${p}.elements[${i}]`, el, actionIds);
      });
      break;
    case 'input':
      c.text(`${p}.label`, block.label, 2000, 'input label', { plainOnly: true, required: true });
      c.text(`${p}.hint`, block.hint, 2000, 'input hint', { plainOnly: true });
      if (block.element === undefined) c.fail(`${p}.element`, 'input element is required');
      else checkElement(c, `${p}.element`, block.element, actionIds);
      break;
    case 'image':
      checkImageBlock(c, p, block);
      break;
    case 'markdown':
      c.maxLen(`${p}.text`, block.text, 12000, 'markdown text');
      break;
    default:
      break;
  }
}

function checkBlocks(c: Checker, kind: SurfaceKind, path: string, blocks: unknown, scope: Scope): void {
  const max = kind === 'message' ? 50 : 100;
  c.items(path, blocks, max, `${kind} blocks`).forEach((b, i) => {
    checkBlock(c, kind, `${path}[${i}]`, b, scope);
  });
}

function checkMessage(c: Checker, msg: Record<string, unknown>): void {
  c.maxLen('text', msg.text, MESSAGE_TEXT_LIMIT, 'message text');
  const scope: Scope = { blockIds: new Set() };
  checkBlocks(c, 'message', 'blocks', msg.blocks, scope);
  c.items('attachments', msg.attachments, 100, 'attachments').forEach((a, i) => {
    if (isRecord(a)) checkBlocks(c, 'message', `attachments[${i}].blocks`, a.blocks, scope);
  });
}

function checkView(c: Checker, kind: 'modal' | 'home', view: Record<string, unknown>): void {
  if (view.type !== kind) c.fail('type', `view type must be "${kind}", got ${String(view.type)}`);
  c.maxLen('private_metadata', view.private_metadata, 3000, 'private_metadata');
  c.maxLen('callback_id', view.callback_id, 255, 'callback_id');
  c.maxLen('external_id', view.external_id, 255, 'external_id');
  if (kind === 'modal') {
    c.text('title', view.title, 24, 'modal title', { plainOnly: true, required: true });
    c.text('submit', view.submit, 24, 'modal submit', { plainOnly: true });
    c.text('close', view.close, 24, 'modal close', { plainOnly: true });
    const hasInput = Array.isArray(view.blocks) && view.blocks.some((b) => isRecord(b) && b.type === 'input');
    if (hasInput && view.submit === undefined) c.fail('submit', 'a modal with input blocks needs a submit button');
  }
  checkBlocks(c, kind, 'blocks', view.blocks, { blockIds: new Set() });
}

/**
 * Returns every limit breach in `payload`: message arguments
 * (text/blocks/attachments) for 'message', the view object for 'modal'/'home'.
 */
export function checkBlockKit(kind: SurfaceKind, payload: unknown): string[] {
  const c = new Checker();
  if (!isRecord(payload)) {
    c.fail('$', `${kind} payload must be an object`);
    return c.violations;
  }
  if (kind === 'message') checkMessage(c, payload);
  else checkView(c, kind, payload);
  return c.violations;
}
