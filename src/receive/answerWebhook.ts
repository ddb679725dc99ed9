/**
 * The key under which a handler made by `createWebhookHandler` keeps its transport-neutral form, for the
 * Node adapter. Internal. From the global symbol registry, because the main entry and
 * `customerio-segment/node` are bundled apart and each holds its own copy of this module.
 */
export const answerWebhook: unique symbol = Symbol.for('customerio-segment.answerWebhook');
