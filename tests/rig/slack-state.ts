// Moved to the product's Slack stand-in (src/demo/slack), which the demo and this rig share.
export * from '../../src/demo/slack/slack-state.js';
