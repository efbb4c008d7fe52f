// The demo page's Block Kit renderer, block by block and element by element,
// on the shapes the bot sends. The output is HTML text; it is parsed only as
// far as the assertions need.
import { describe, expect, it } from 'vitest';
import { mrkdwnToHtml } from '../../src/demo/page/mrkdwn.js';
import { type RenderContext, renderBlocks } from '../../src/demo/page/render.js';

const ctx: RenderContext = {
  idPrefix: 'v1',
  users: [
    { id: 'U0KARI', name: 'Kari Nordmann' },
    { id: 'U0OLA', name: 'Ola Hansen' },
  ],
  channels: [{ id: 'C0AREA1', name: 'område-1' }],
  words: { choose: 'Velg …', optional: 'valgfritt' },
  userName: (id) => (id === 'U0KARI' ? 'Kari Nordmann' : id),
  channelName: (id) => (id === 'C0AREA1' ? 'område-1' : id),
};
const plain = (text: string) => ({ type: 'plain_text', text, emoji: true });
const md = (text: string) => ({ type: 'mrkdwn', text });
const render = (blocks: unknown[], extra: Partial<RenderContext> = {}) => renderBlocks(blocks, { ...ctx, ...extra });

describe('mrkdwn', () => {
  it('formats bold, italic, strike, code, quotes and line breaks', () => {
    const html = mrkdwnToHtml('*Tiltak 1* er _i rute_ og ~ikke~ `kode`\n> sitat', ctx);
    expect(html).toBe(
      '<strong>Tiltak 1</strong> er <em>i rute</em> og <del>ikke</del> <code>kode</code><blockquote>sitat</blockquote>',
    );
  });

  it('draws mentions by name, links with their label, and emoji shortcodes', () => {
    const html = mrkdwnToHtml('<@U0KARI> i <#C0AREA1>: <https://example.org/a?b=1&amp;c=2|plan> :warning:', ctx);
    expect(html).toContain('<span class="mention">@Kari Nordmann</span>');
    expect(html).toContain('<span class="mention">#område-1</span>');
    expect(html).toContain(
      '<a href="https://example.org/a?b=1&amp;c=2" rel="noreferrer noopener" target="_blank">plan</a>',
    );
    expect(html).toContain('⚠️');
  });

  it('escapes what users typed, Slack-escaped or not, and refuses script links', () => {
    const html = mrkdwnToHtml(
      '&lt;img src=x onerror=alert(1)&gt; <script>x</script> <javascript:alert(1)|klikk> "q"',
      ctx,
    );
    expect(html).not.toMatch(/<img|<script|href="javascript/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('klikk');
    expect(html).toContain('&quot;q&quot;');
  });
});

describe('layout blocks', () => {
  it('header at the surface heading level, with plain text escaped', () => {
    expect(render([{ type: 'header', text: plain('Ukesammendrag <uke 23>') }], { headingLevel: 4 })).toBe(
      '<h4 class="bk-block bk-header">Ukesammendrag &lt;uke 23&gt;</h4>',
    );
  });

  it('section with mrkdwn text, fields and a button accessory', () => {
    const html = render([
      {
        type: 'section',
        block_id: 'card',
        text: md('*Tiltak 3*'),
        fields: [md('*Status*\n:large_green_circle: I rute'), plain('Fremdrift 35 %')],
        accessory: { type: 'button', action_id: 'open', text: plain('Åpne'), value: '3' },
      },
    ]);
    expect(html).toContain('<div class="bk-text"><strong>Tiltak 3</strong></div>');
    expect(html).toContain('<div class="bk-field"><strong>Status</strong><br>🟢 I rute</div>');
    expect(html).toContain('<div class="bk-field">Fremdrift 35 %</div>');
    expect(html).toMatch(
      /<button type="button" id="v1-card-open" class="bk-button" data-type="button" data-action-id="open" data-block-id="card" data-dispatch="1" data-value="3" data-text="Åpne">Åpne<\/button>/,
    );
  });

  it('context with mrkdwn and an image, divider, and an image block with its title', () => {
    const html = render([
      {
        type: 'context',
        elements: [
          md('Sist rapportert _1. juni_'),
          { type: 'image', image_url: 'https://example.org/i.png', alt_text: 'ikon' },
        ],
      },
      { type: 'divider' },
      { type: 'image', image_url: '/demo/files/F00000001', alt_text: 'Status per uke', title: plain('Diagram') },
      { type: 'image', image_url: 'javascript:alert(1)', alt_text: 'farlig' },
    ]);
    expect(html).toContain(
      '<div class="bk-block bk-context" data-block="b0"><span>Sist rapportert <em>1. juni</em></span> <img class="bk-context-image" src="https://example.org/i.png" alt="ikon"></div>',
    );
    expect(html).toContain('<hr class="bk-block bk-divider">');
    expect(html).toContain(
      '<img class="bk-image" src="/demo/files/F00000001" alt="Status per uke"><figcaption>Diagram</figcaption>',
    );
    expect(html).not.toContain('javascript:');
    expect(html).toContain('<span class="bk-image-missing">farlig</span>');
  });

  it('actions: buttons keep their style and value; a link button is a link', () => {
    const html = render([
      {
        type: 'actions',
        block_id: 'reminder_buttons',
        elements: [
          {
            type: 'button',
            style: 'primary',
            action_id: 'reminder_update_now',
            text: plain('Oppdater nå'),
            value: '{"m":3}',
          },
          { type: 'button', style: 'danger', action_id: 'stop', text: plain('Stopp') },
          { type: 'button', action_id: 'docs', text: plain('Les mer'), url: 'https://example.org/' },
        ],
      },
    ]);
    expect(html).toContain('role="group"');
    expect(html).toContain('class="bk-button bk-primary"');
    expect(html).toContain('data-value="{&quot;m&quot;:3}"');
    expect(html).toContain('data-style="primary"');
    expect(html).toContain('class="bk-button bk-danger"');
    expect(html).toContain(
      '<a class="bk-button" href="https://example.org/" rel="noreferrer noopener" target="_blank">Les mer</a>',
    );
  });

  it('says so when a block type is unknown, rather than drop it', () => {
    expect(render([{ type: 'video' }])).toContain('[video]');
  });
});

describe('input blocks', () => {
  const input = (element: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    type: 'input',
    block_id: 'blk',
    label: plain('Felt'),
    element: { action_id: 'in', ...element },
    ...extra,
  });

  it('plain text input, one line and multiline, labelled by its label, with hint and limits', () => {
    const one = render([
      input(
        { type: 'plain_text_input', initial_value: 'Hei "du"', max_length: 40 },
        { hint: plain('Inntil 40 tegn.') },
      ),
    ]);
    expect(one).toContain('<label class="bk-label" id="v1-blk-label" for="v1-blk-in">Felt</label>');
    expect(one).toContain('type="text"');
    expect(one).toContain('aria-labelledby="v1-blk-label"');
    expect(one).toContain('aria-describedby="v1-blk-hint"');
    expect(one).toContain('maxlength="40"');
    expect(one).toContain('value="Hei &quot;du&quot;"');
    expect(one).toContain('data-required="1"');
    const multi = render([
      input({ type: 'plain_text_input', multiline: true, initial_value: '<b>x</b>' }, { optional: true }),
    ]);
    expect(multi).toContain('<textarea class="bk-input" rows="3" id="v1-blk-in"');
    expect(multi).toContain('&lt;b&gt;x&lt;/b&gt;</textarea>');
    expect(multi).toContain('(valgfritt)');
    expect(multi).not.toContain('data-required');
  });

  it('number input with its bounds and whether decimals are allowed', () => {
    const html = render([
      input({ type: 'number_input', is_decimal_allowed: false, min_value: '0', max_value: '100', initial_value: '35' }),
    ]);
    expect(html).toMatch(
      /<input type="number" class="bk-input" step="1" min="0" max="100" id="v1-blk-in" data-type="number_input"/,
    );
    expect(html).toContain('value="35"');
  });

  it('datepicker with its initial date', () => {
    expect(render([input({ type: 'datepicker', initial_date: '2004-06-01' })])).toMatch(
      /<input type="date" class="bk-input" id="v1-blk-in" data-type="datepicker".* value="2004-06-01">/,
    );
  });

  it('static select with options, groups, placeholder and the initial option chosen', () => {
    const html = render([
      input({
        type: 'static_select',
        placeholder: plain('Velg status'),
        options: [
          { text: plain(':large_green_circle: I rute'), value: 'ON_TRACK' },
          { text: plain('Risiko'), value: 'AT_RISK' },
        ],
        option_groups: [{ label: plain('Avsluttet'), options: [{ text: plain('Fullført'), value: 'COMPLETED' }] }],
        initial_option: { text: plain('Risiko'), value: 'AT_RISK' },
      }),
    ]);
    expect(html).toContain('<option value="">Velg status</option>');
    expect(html).toContain('<option value="AT_RISK" selected>Risiko</option>');
    expect(html).toContain('<option value="ON_TRACK">🟢 I rute</option>');
    expect(html).toContain('<optgroup label="Avsluttet"><option value="COMPLETED">Fullført</option></optgroup>');
  });

  it('user and conversation selects offer the workspace’s people and channels', () => {
    const users = render([input({ type: 'users_select', initial_user: 'U0OLA' })]);
    expect(users).toContain('<option value="U0OLA" selected>Ola Hansen</option>');
    expect(users).toContain('<option value="">Velg …</option>');
    const channels = render([input({ type: 'conversations_select' })]);
    expect(channels).toContain('<option value="C0AREA1">#område-1</option>');
    expect(channels).toContain('data-type="conversations_select"');
  });

  it('radio buttons and checkboxes are groups named by the label, each option labelled', () => {
    const options = [
      { text: plain('Ja'), value: 'yes' },
      { text: plain('Nei'), value: 'no', description: plain('Ikke nå') },
    ];
    const radio = render([input({ type: 'radio_buttons', options, initial_option: options[1] })]);
    expect(radio).toContain('role="radiogroup"');
    expect(radio).toContain('<span class="bk-label" id="v1-blk-label">Felt</span>');
    expect(radio).toContain(
      '<input type="radio" id="v1-blk-in-1" name="v1-blk-in" value="no" data-text="Nei" checked><label for="v1-blk-in-1">Nei<span class="bk-option-description">Ikke nå</span></label>',
    );
    const boxes = render([input({ type: 'checkboxes', options, initial_options: [options[0]] })]);
    expect(boxes).toContain('role="group"');
    expect(boxes).toContain(
      '<input type="checkbox" id="v1-blk-in-0" name="v1-blk-in" value="yes" data-text="Ja" checked>',
    );
  });

  it('a field error from response_action "errors" shows on its field and marks it invalid', () => {
    const html = render([input({ type: 'plain_text_input' }, { hint: plain('Hele kroner.') })], {
      errors: { blk: 'Forbruket kan ikke være negativt.' },
    });
    expect(html).toContain('bk-invalid');
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="v1-blk-hint v1-blk-error"');
    expect(html).toContain('<p class="bk-error" id="v1-blk-error">Forbruket kan ikke være negativt.</p>');
  });

  it('sends a change at once only when the input asks for it (dispatch_action)', () => {
    expect(render([input({ type: 'static_select', options: [] })])).not.toContain('data-dispatch');
    expect(render([input({ type: 'static_select', options: [] }, { dispatch_action: true })])).toContain(
      'data-dispatch="1"',
    );
  });
});
