import type { LookupKind } from './MigrationResult';

/** The id column of each lookup kind and the 1.0.0 name column that goes with it (seed 004). */
export const lookupColumns: readonly { readonly kind: LookupKind; readonly id: string; readonly name: string }[] = [
  { kind: 'action', id: 'action_id', name: 'action_name' },
  { kind: 'campaign', id: 'campaign_id', name: 'campaign_name' },
  { kind: 'newsletter', id: 'newsletter_id', name: 'newsletter_name' },
  { kind: 'transactional_message', id: 'transactional_message_id', name: 'transactional_message_name' },
];
