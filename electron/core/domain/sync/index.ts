export { findConflicts, type FieldChange } from './find-conflicts';
