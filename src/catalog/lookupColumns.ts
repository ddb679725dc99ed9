/**
 * The id column of each 1.0.0 name and the name column that goes with it: the names 1.0.0 carried in
 * every event and 2.0.0 dropped (`docs/migration.md`).
 */
export const lookupColumns = [
  { kind: 'action', id: 'action_id', name: 'action_name' },
  { kind: 'campaign', id: 'campaign_id', name: 'campaign_name' },
  { kind: 'newsletter', id: 'newsletter_id', name: 'newsletter_name' },
  { kind: 'transactional_message', id: 'transactional_message_id', name: 'transactional_message_name' },
] as const;

/** The four kinds of id → name lookups that version 1.0.0 carried in every event and 2.0.0 dropped. */
export type LookupKind = (typeof lookupColumns)[number]['kind'];
