// Sends identify, track and page for one user through @segment/analytics-node, pointed at Throughline with
// its `host` option; exits non-zero if the library reports a delivery error.
import { Analytics } from '@segment/analytics-node';

const { THROUGHLINE_HOST, THROUGHLINE_WRITE_KEY, USER_ID } = process.env;
const analytics = new Analytics({ writeKey: THROUGHLINE_WRITE_KEY, host: THROUGHLINE_HOST, flushAt: 3, maxRetries: 1 });
const failures = [];
analytics.on('error', (error) => failures.push(error));

analytics.identify({ userId: USER_ID, traits: { email: `${USER_ID}@example.com`, firstName: 'Réka' } });
analytics.track({ userId: USER_ID, event: 'Product Viewed', properties: { sku: 'TK-FURM-LAPIS-2022' } });
analytics.page({ userId: USER_ID, name: 'Tokaji wines' });
await analytics.closeAndFlush({ timeout: 20000 });

if (failures.length > 0) {
  console.error(JSON.stringify(failures.map((failure) => String(failure?.reason ?? failure?.message ?? failure))));
  process.exit(1);
}
console.log('delivered');
