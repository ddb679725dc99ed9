/**
 * The 1.0.0 fields that 2.0.0 dropped because another field carries the value: the old name, the
 * 2.0.0 field it duplicated or became, and the conflict reported when the two disagree.
 */
export const movedColumns = [
  { old: 'email_id', new: 'delivery_id', code: 'email_id_differs_from_delivery_id', why: 'email_id duplicated delivery_id' },
  { old: 'email_subject', new: 'subject', code: 'email_subject_differs_from_subject', why: 'email_subject became subject' },
] as const;

/** The conflict reported when a moved 1.0.0 field and its 2.0.0 field disagree. */
export type MovedColumnConflictCode = (typeof movedColumns)[number]['code'];
