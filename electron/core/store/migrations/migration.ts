export interface Migration {
  /** PRAGMA user_version after this migration ran. Numbers are dense: 1, 2, 3, ... */
  version: number;
  name: string;
  /** SQL run once, inside the transaction that runs all pending migrations. Never edit a released migration. */
  up: string;
}
