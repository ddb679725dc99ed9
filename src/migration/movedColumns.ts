import type { MigrationConflictCode } from './MigrationResult';

/**
 * The 1.0.0 fields that 2.0.0 dropped because another field carries the value (seed 004): the old
 * name, the 2.0.0 field it duplicated or became, and the conflict reported when the two disagree.
 */
export const movedColumns: readonly {
  readonly old: string;
  readonly new: string;
  readonly code: MigrationConflictCode;
  readonly why: string;
}[] = [
  { old: 'email_id', new: 'delivery_id', code: 'email_id_differs_from_delivery_id', why: 'seed 004 says email_id duplicated delivery_id' },
  { old: 'email_subject', new: 'subject', code: 'email_subject_differs_from_subject', why: 'seed 004 says email_subject became subject' },
];
