// Public surface of the test rig.
export { FakeSlack, type ApiCall, type Arrival, type FakeSlackOptions, type ResponseUrlPost, type SentRequest } from './fake-slack.js';
export { checkBlockKit, type SurfaceKind } from './block-kit-limits.js';
export { signSlackRequest, type SlackSignatureHeaders } from './signing.js';
export { waitFor, type WaitOptions } from './wait-for.js';
export { blockActionPayload, viewClosedPayload, viewSubmissionPayload } from './payloads.js';
export type { ChaosOptions, Fault } from './faults.js';
export type { DeliverOptions, EnvelopeType, SocketAck } from './socket-mode.js';
export type { CommandFields, SendOptions, SendResult } from './wire.js';
export type { Ephemeral, Identity, SlackUser, StoredFile, StoredMessage, Violation } from './slack-state.js';
