// Public surface of the test rig.

export type { ChaosOptions, Fault } from '../../src/demo/slack/faults.js';
export { checkBlockKit, type SurfaceKind } from './block-kit-limits.js';
export {
  type ApiCall,
  type Arrival,
  FakeSlack,
  type FakeSlackOptions,
  type ResponseUrlPost,
  type SentRequest,
} from './fake-slack.js';
export { blockActionPayload, viewClosedPayload, viewSubmissionPayload } from './payloads.js';
export { type SlackSignatureHeaders, signSlackRequest } from './signing.js';
export type { Ephemeral, Identity, SlackUser, StoredFile, StoredMessage, Violation } from './slack-state.js';
export type { DeliverOptions, EnvelopeType, SocketAck } from './socket-mode.js';
export { type WaitOptions, waitFor } from './wait-for.js';
export type { CommandFields, SendOptions, SendResult } from './wire.js';
