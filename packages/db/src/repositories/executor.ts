import type { Kysely, Transaction } from 'kysely';
import type { Schema } from '../schema.ts';

/** Repositories take either the database or an open transaction, so a caller can put several writes in one. */
export type Executor = Kysely<Schema> | Transaction<Schema>;
