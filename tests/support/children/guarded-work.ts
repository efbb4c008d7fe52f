// A child process for tests/e2e/process-guards.test.ts: the process guards as src/main.ts installs
// them, and work that fails inside a request's scope, long after the request's own handler returned.
import { createLogger } from '../../../src/kernel/logger.js';
import { RequestScope } from '../../../src/kernel/slack/request-context.js';
import { installProcessGuards } from '../../../src/process-guards.js';

const scope = new RequestScope();
installProcessGuards(process, createLogger('info'), scope);
const mode = process.argv[2];
scope.run('req-from-the-test', () => {
  setTimeout(() => {
    if (mode === 'throw') throw new Error('thrown inside a request');
    void Promise.reject(new Error('rejected inside a request'));
  }, 10);
});
setTimeout(() => {
  console.log('still running');
  process.exit(0);
}, 500);
