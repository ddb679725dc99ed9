/** The integration name that Customer.io's Segment source puts in `context.integration.name`. */
export const integrationName = 'customer.io';

/** The integration version of the calls this library makes: Customer.io's Segment source 2.0.0. */
export const integrationVersion = '2.0.0';

/** The integration version of the calls Customer.io's Segment source sent before May 2022. */
export const v1IntegrationVersion = '1.0.0';

/** An integration version of Customer.io's Segment source that this library reads. */
export type IntegrationVersion = typeof integrationVersion | typeof v1IntegrationVersion;

/** The `context.library.name` of every call: the hosted source names no library. */
export const sourceLibraryName = 'unknown';

/** The `context.library.version` of every call: the hosted source names no library. */
export const sourceLibraryVersion = 'unknown';
