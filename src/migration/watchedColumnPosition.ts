// Generated from the catalog by scripts/generate-watched-column-position.ts: do not edit by hand.

/**
 * The position of a key in `watchedColumns`, or `undefined` when the migration does not watch it.
 *
 * Internal. It runs for every key of every row, twice, so it is a switch rather than a lookup in a
 * table: most keys of a row are not watched, and their length rules them out before any string is
 * compared; the comparisons left are by address, as V8 interns property keys (a quarter of a row's
 * migration, against a prototype-less table, counted by bench/instructions.ts). A switch never
 * reaches Object.prototype either.
 */
export function watchedColumnPosition(key: string): number | undefined {
  switch (key.length) {
    case 7:
      return key === 'subject' ? 3 : undefined;
    case 8:
      return key === 'email_id' ? 0 : undefined;
    case 9:
      return key === 'action_id' ? 4 : undefined;
    case 11:
      return key === 'delivery_id' ? 1 : key === 'action_name' ? 5 : key === 'campaign_id' ? 6 : undefined;
    case 13:
      return key === 'email_subject' ? 2 : key === 'campaign_name' ? 7 : key === 'newsletter_id' ? 8 : undefined;
    case 15:
      return key === 'newsletter_name' ? 9 : undefined;
    case 24:
      return key === 'transactional_message_id' ? 10 : undefined;
    case 26:
      return key === 'transactional_message_name' ? 11 : undefined;
    default:
      return undefined;
  }
}
