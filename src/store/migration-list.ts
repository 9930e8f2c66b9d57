/**
 * The schema, as versioned migrations. Never edit a released migration: add a new one.
 * Every statement runs unchanged on PGlite and on a Postgres server with pgvector.
 */
import { NOTICE_TABLES } from './notice-schema.ts';

/** One schema change, applied once in its own transaction. */
export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

const documents = [
  `CREATE TABLE documents (
    id uuid PRIMARY KEY,
    source text NOT NULL,
    content_hash text NOT NULL,
    type text,
    number text,
    number_key text,
    title text NOT NULL DEFAULT '',
    issuer text,
    signer text,
    signer_role text,
    place text,
    issued_on date,
    year int,
    year_source text CHECK (year_source IN ('override', 'title', 'date', 'references')),
    status text NOT NULL CHECK (status IN ('draft', 'active', 'replaced', 'retired')),
    version int NOT NULL DEFAULT 1 CHECK (version >= 1),
    replaced_by uuid REFERENCES documents (id) ON DELETE SET NULL,
    warnings jsonb NOT NULL DEFAULT '[]'::jsonb,
    text text NOT NULL,
    embedding_model text,
    section_count int NOT NULL DEFAULT 0,
    chunk_count int NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE INDEX documents_content_hash_idx ON documents (content_hash)`,
  `CREATE INDEX documents_number_key_idx ON documents (number_key) WHERE number_key IS NOT NULL`,
  `CREATE INDEX documents_source_idx ON documents (source)`,
  `CREATE INDEX documents_status_year_idx ON documents (status, year)`,
];

const sections = [
  `CREATE TABLE sections (
    id uuid PRIMARY KEY,
    document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    label text NOT NULL,
    heading text NOT NULL,
    heading_line text NOT NULL,
    level int NOT NULL,
    ord int NOT NULL,
    parent_label text,
    body text NOT NULL,
    full_text text NOT NULL,
    UNIQUE (document_id, ord)
  )`,
  `CREATE INDEX sections_document_label_idx ON sections (document_id, label)`,
];

const chunks = [
  `CREATE TABLE chunks (
    id uuid PRIMARY KEY,
    section_id uuid NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
    document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord int NOT NULL,
    text text NOT NULL,
    search_text text NOT NULL,
    lexical sparsevec NOT NULL,
    term_ids int[] NOT NULL,
    length int NOT NULL,
    UNIQUE (section_id, ord)
  )`,
  `CREATE INDEX chunks_document_idx ON chunks (document_id)`,
  `CREATE INDEX chunks_term_ids_idx ON chunks USING gin (term_ids)`,
  `CREATE TABLE chunk_embeddings (
    chunk_id uuid NOT NULL REFERENCES chunks (id) ON DELETE CASCADE,
    model text NOT NULL,
    embedding vector NOT NULL,
    PRIMARY KEY (chunk_id, model)
  )`,
  `CREATE TABLE embedding_models (
    model text PRIMARY KEY,
    dimensions int NOT NULL CHECK (dimensions > 0),
    index_name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
];

const lexicalStats = [
  `CREATE TABLE lexical_df (
    term_id int PRIMARY KEY,
    df int NOT NULL CHECK (df >= 0)
  )`,
  `CREATE TABLE lexical_stats (
    id int PRIMARY KEY CHECK (id = 1),
    chunk_count bigint NOT NULL CHECK (chunk_count >= 0),
    total_length bigint NOT NULL CHECK (total_length >= 0)
  )`,
  `INSERT INTO lexical_stats (id, chunk_count, total_length) VALUES (1, 0, 0)`,
];

const referencesAndLog = [
  `CREATE TABLE doc_references (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord int NOT NULL,
    section_label text NOT NULL,
    type text,
    number text,
    number_key text,
    ref_date date,
    issuer text,
    text text NOT NULL
  )`,
  `CREATE INDEX doc_references_number_key_idx ON doc_references (number_key)`,
  `CREATE INDEX doc_references_document_idx ON doc_references (document_id)`,
  `CREATE TABLE ingestion_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    source text NOT NULL,
    content_hash text,
    outcome text NOT NULL CHECK (outcome IN ('stored', 'skipped', 'replaced', 'failed', 'draft')),
    document_id uuid,
    message text NOT NULL,
    duration_ms int NOT NULL
  )`,
  `CREATE INDEX ingestion_log_at_idx ON ingestion_log (at DESC)`,
];

const activity = [
  `CREATE TABLE conversations (
    id text PRIMARY KEY,
    state jsonb NOT NULL,
    expires_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  )`,
  `CREATE INDEX conversations_expires_idx ON conversations (expires_at)`,
  `CREATE TABLE questions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL,
    channel text NOT NULL,
    conversation_id text NOT NULL,
    user_id text,
    question text NOT NULL,
    outcome text NOT NULL,
    top_score double precision NOT NULL,
    latency_ms int NOT NULL
  )`,
  `CREATE INDEX questions_at_idx ON questions (at)`,
  `CREATE TABLE feedback (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL,
    conversation_id text NOT NULL,
    channel text NOT NULL,
    user_id text NOT NULL,
    helpful boolean NOT NULL,
    reason text,
    question text
  )`,
  `CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL,
    actor_channel text NOT NULL,
    actor_id text NOT NULL,
    actor_name text,
    action text NOT NULL,
    detail jsonb NOT NULL
  )`,
  `CREATE TABLE rate_limits (
    key text NOT NULL,
    window_start timestamptz NOT NULL,
    count int NOT NULL,
    PRIMARY KEY (key, window_start)
  )`,
  `CREATE TABLE seen_updates (
    key text PRIMARY KEY,
    expires_at timestamptz NOT NULL
  )`,
  `CREATE INDEX seen_updates_expires_idx ON seen_updates (expires_at)`,
];

/** Per-chat channel state (Zalo's numbered items, last question, pending confirmation), shared by replicas. */
const chatStates = [
  `CREATE TABLE chat_states (
    id text PRIMARY KEY,
    state jsonb NOT NULL,
    expires_at timestamptz NOT NULL
  )`,
  `CREATE INDEX chat_states_expires_idx ON chat_states (expires_at)`,
  // Question-history retention deletes feedback by age too.
  `CREATE INDEX feedback_at_idx ON feedback (at)`,
];

/**
 * `conversations` had the shape of `chat_states`: its live rows move there under `conversation:<id>` (the key
 * the answer engine now reads), without the `updated_at` nobody read, and the table goes.
 */
const oneChatMemory = [
  `INSERT INTO chat_states (id, state, expires_at)
     SELECT 'conversation:' || id, state, expires_at FROM conversations WHERE expires_at > now()
     ON CONFLICT (id) DO NOTHING`,
  `DROP TABLE conversations`,
];

/**
 * Statements of force (src/core/force.ts): what a document says it replaces, abolishes, amends, ends or continues,
 * and when it takes effect. The named document is kept as written (number, key, date, issuer), so it is linked to
 * the collection when the statement is read and a document arriving later is found then; an admin's correction
 * is `link_source = 'admin'` with `linked_id` (null: it names no document of the collection). A linked document
 * that is deleted leaves the statement unlinked.
 */
const forceStatements = [
  `CREATE TABLE force_statements (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id uuid NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    ord int NOT NULL,
    kind text NOT NULL CHECK (kind IN ('replaces', 'abolishes', 'amends', 'continues', 'expires', 'effective')),
    section_label text NOT NULL,
    text text NOT NULL,
    target_type text,
    target_number text,
    target_number_key text,
    target_date date,
    target_issuer text,
    stated_date date,
    from_signing boolean NOT NULL DEFAULT false,
    link_source text NOT NULL DEFAULT 'auto' CHECK (link_source IN ('auto', 'admin')),
    linked_id uuid REFERENCES documents (id) ON DELETE SET NULL,
    UNIQUE (document_id, ord)
  )`,
  `CREATE INDEX force_statements_target_key_idx ON force_statements (target_number_key) WHERE target_number_key IS NOT NULL`,
  `CREATE INDEX force_statements_linked_idx ON force_statements (linked_id) WHERE linked_id IS NOT NULL`,
];

/**
 * The unit (chi bộ, Đảng bộ …) each conversation set with `/donvi` / `đơn vị` or the API: the body understood
 * (its name in the collection's hierarchy) and what the user typed. Shared by replicas; deleted by the same
 * command with no name.
 */
const conversationUnits = [
  `CREATE TABLE conversation_units (
    conversation_id text PRIMARY KEY,
    unit text NOT NULL,
    typed text NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
];

/**
 * The long columns written for every chunk and section are stored as they are, not compressed: compressing them
 * was about half the cost of inserting a chunk (~0.9 → ~0.45 ms a row in embedded PGlite, whose build has only the
 * slow built-in compressor), for ~40% less space. Rows written before keep their compression.
 */
const uncompressedText = [
  `ALTER TABLE chunks ALTER COLUMN text SET STORAGE EXTERNAL, ALTER COLUMN search_text SET STORAGE EXTERNAL,
     ALTER COLUMN lexical SET STORAGE EXTERNAL`,
  `ALTER TABLE sections ALTER COLUMN body SET STORAGE EXTERNAL, ALTER COLUMN full_text SET STORAGE EXTERNAL`,
];

/**
 * A chunk's row keeps its weights and term ids in the row itself instead of the TOAST table: a lexical search
 * reads the weights of every candidate (thousands in a collection of near-copies), and fetching each from TOAST
 * was half of the search (~11 → ~6 µs a candidate at 1,000 documents). A row of ~6 KB fits a page; the text
 * columns still move out first when a row would not. Rows written before move when next rewritten (the rebuild
 * of the weights in their new form, `LEXICAL_FORMAT`, rewrites them all).
 */
const weightsInRow = [
  `ALTER TABLE chunks SET (toast_tuple_target = 8160)`,
  `ALTER TABLE chunks ALTER COLUMN lexical SET STORAGE MAIN, ALTER COLUMN term_ids SET STORAGE MAIN`,
];

/**
 * A chunk's weights (`lexical`, 8 bytes a term) and term ids (4 bytes a term) were both kept in its row. A long
 * chunk (some 950 terms: syllables and pairs, exact and folded) made a row over a page, and Postgres then
 * compressed or moved out the weights, which every lexical search reads for every candidate: at 1,000 documents,
 * the 6 % of chunks stored so took two thirds of the search's time. The term ids are read only through their GIN
 * index, so they are the ones to leave the row; the rows stored the old way are written again.
 */
const termIdsOutOfRow = [
  `ALTER TABLE chunks ALTER COLUMN term_ids SET STORAGE EXTERNAL`,
  `UPDATE chunks SET term_ids = term_ids || '{}'::int[], lexical = (lexical::text)::sparsevec
   WHERE pg_column_compression(lexical) IS NOT NULL`,
];

/** All migrations, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'pgvector extension', statements: ['CREATE EXTENSION IF NOT EXISTS vector'] },
  {
    version: 2,
    name: 'documents, sections, chunks, lexical index, references, activity',
    statements: [...documents, ...sections, ...chunks, ...lexicalStats, ...referencesAndLog, ...activity],
  },
  { version: 3, name: 'chat states shared by replicas; feedback by age', statements: chatStates },
  {
    version: 4,
    name: 'settings (e.g. the analyzer version the lexical index was built with)',
    statements: [`CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`],
  },
  { version: 5, name: 'one chat memory: conversations move into chat_states', statements: oneChatMemory },
  {
    version: 6,
    name: "documents keep the text as uploaded, before repair, so quotes can be checked against it",
    statements: ['ALTER TABLE documents ADD COLUMN source_text text'],
  },
  { version: 7, name: 'new-document notices: subscriptions, publications, outbox, pace', statements: NOTICE_TABLES },
  { version: 8, name: 'statements of force: replaces, abolishes, amends, takes effect', statements: forceStatements },
  { version: 9, name: "each conversation's unit, so answers prefer its chain of bodies", statements: conversationUnits },
  { version: 10, name: 'chunk and section text stored uncompressed (faster to write)', statements: uncompressedText },
  { version: 11, name: "chunk weights kept in the chunk's row (faster lexical search)", statements: weightsInRow },
  {
    version: 12,
    name: 'lexical statistics carry a generation, so term frequencies can be cached until they change',
    statements: ['ALTER TABLE lexical_stats ADD COLUMN generation bigint NOT NULL DEFAULT 0'],
  },
  { version: 13, name: "a long chunk's term ids leave its row first, so its weights stay in it", statements: termIdsOutOfRow },
];
