/**
 * `npm run test:citus` only: on a cluster every write fires its triggers on the workers, so the
 * time limits suites give their own set-up and long tests (120–300 s, sized for one server) are
 * multiplied by CITUS_TIMEOUT_SCALE (default 5) as each hook and test is declared. The tests
 * themselves are unchanged.
 */
import { TestEnvironment } from 'jest-environment-node';

const scale = Number(process.env.CITUS_TIMEOUT_SCALE ?? 5);

export default class CitusTestEnvironment extends TestEnvironment {
  handleTestEvent(event, state) {
    if (event.name !== 'add_hook' && event.name !== 'add_test') return;
    const block = state.currentDescribeBlock;
    const added = event.name === 'add_hook' ? block.hooks.at(-1) : block.children.at(-1);
    if (typeof added?.timeout === 'number') added.timeout *= scale;
  }
}
