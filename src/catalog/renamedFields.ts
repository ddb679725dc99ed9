/**
 * The webhook `data` fields that the mapping renames or rebuilds: they never reach `properties` under
 * their own name with their own type.
 *
 * `identifiers` and `customer_id` become the identity (`userId`, `context.traits.email`, `cio_id`),
 * `href` and `link_id` become `properties.link`, and `content` is subject to Body Content. The track
 * types, the track validator and the generated field table of `docs/mapping.md` read this list;
 * `toSegmentTrack`'s switch has one case per name.
 */
export const renamedFields = ['identifiers', 'customer_id', 'href', 'link_id', 'content'] as const;

/** A webhook `data` field that the mapping renames or rebuilds. */
export type RenamedField = (typeof renamedFields)[number];
