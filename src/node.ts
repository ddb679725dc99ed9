// The `customerio-segment/node` entry: adapters that run the web-standard webhook handler on Node.js
// (`node:http`, Express). Separate from the main entry, which runs on every runtime and imports no
// Node API.
export { toNodeHandler } from './node/toNodeHandler';
export type { NodeHandlerOptions, NodeRequestListener } from './node/toNodeHandler';
