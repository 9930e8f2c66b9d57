/**
 * Builds the product's core from configuration: database, store, embedder, analyzer, catalog, answer
 * engine, library, activity log and ingestion pipeline. Used by src/main.ts and the CLI entry points, which
 * are the only places that read the environment.
 */
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { ChatMemory, Clock, Db, DocumentStore, Embedder } from '../core/ports.ts';
import type { Activity, AnswerEngine, AskService, Library, Units } from '../core/services.ts';
import { openDb } from '../store/open-db.ts';
import { migrate } from '../store/migrations.ts';
import { createPgDocumentStore } from '../store/document-store.ts';
import { createPgChatMemory } from '../store/chat-memory.ts';
import { createPgActivity } from '../store/activity.ts';
import { hashingEmbedderWithRecipe, type EmbedderRecipe } from '../embeddings/recipe.ts';
import { createOpenAiEmbedder } from '../embeddings/openai-embedder.ts';
import { ANALYZER_VERSION, createAnalyzer, type Analyzer } from '../text/analyze.ts';
import { getSetting, rebuildLexicalIndex, setSetting } from '../store/lexical-rebuild.ts';
import { LEXICAL_FORMAT } from '../store/lexical.ts';
import { refreshPlannerStats } from '../store/planner-stats.ts';
import { ensureSearchIndexes } from '../store/search-indexes.ts';
import { loadAbbreviations } from '../text/abbreviations.ts';
import { loadChatAbbreviations } from '../text/chat-abbreviations.ts';
import { createQuestionNormalizer } from '../retrieval/question-normalizer.ts';
import { loadDirectiveModel, type DirectiveModel } from '../retrieval/directive-model.ts';
import { createOutlineCache, type OutlineCache } from '../retrieval/outline-cache.ts';
import { createProfileCache, type ProfileCache } from '../retrieval/profile-cache.ts';
import { createCatalog, type Catalog } from '../retrieval/catalog.ts';
import { DEFAULT_RANKING_MODEL } from '../retrieval/ranking-model.ts';
import { createAnswerEngine, type EngineOptions } from '../answer/engine.ts';
import { createLibrary } from '../answer/library.ts';
import { createAskService } from '../ask/ask-service.ts';
import { createAnswerSlots } from '../ask/answer-slots.ts';
import { createConversationMemory, type ConversationMemory } from '../answer/conversation-memory.ts';
import { createNumberKeyMemo } from '../text/number-key-memo.ts';
import { createIngestor, type Ingestor } from '../../ingestion/pipeline.ts';
import { createAnalysisPool } from '../../ingestion/analysis-pool.ts';
import { analysisInThisThread } from '../../ingestion/analyse.ts';
import { createModelWriter } from '../llm/model-writer.ts';
import { createOrganisations, type Organisations } from '../organisation/organisations.ts';
import { createUnitService } from '../organisation/unit-service.ts';
import { createPgUnitBook } from '../store/conversation-units.ts';

export interface Core {
  db: Db;
  store: DocumentStore;
  embedder: Embedder;
  analyzer: Analyzer;
  catalog: Catalog;
  directives: DirectiveModel;
  outlines: OutlineCache;
  profiles: ProfileCache;
  /** Short-lived per-chat state shared by replicas (follow-ups, channels' numbered items, button data). */
  chatMemory: ChatMemory;
  /** The engine's follow-up state, a view of `chatMemory`. */
  conversations: ConversationMemory;
  engine: AnswerEngine;
  /** How every channel and the HTTP API ask: checks, engine, activity log, one summary line. */
  askService: AskService;
  /** The collection's hierarchy of bodies (from the issuers and places it holds). */
  organisations: Organisations;
  /** Each conversation's unit (`/donvi`, `đơn vị`, the API's `organisation`), in the database. */
  units: Units;
  library: Library;
  activity: Activity;
  ingestor: Ingestor;
  clock: Clock;
  close(): Promise<void>;
}

export interface CoreOptions {
  config: Config;
  logger: Logger;
  /** Overrides config.DATABASE_URL (eval uses `memory://`). */
  databaseUrl?: string;
  /** Overrides the engine options (eval calibrates these). */
  engine?: Partial<EngineOptions>;
  /** Forces the offline extractive path even when a model is configured. */
  offline?: boolean;
  clock?: Clock;
}

export const systemClock: Clock = { now: () => new Date() };

/** The embedder, and how analysis threads make the same one (none for a remote model). */
function chooseEmbedder(config: Config, offline: boolean): { embedder: Embedder; recipe: EmbedderRecipe | null } {
  if (!offline && config.OPENAI_API_KEY && config.EMBEDDINGS_MODEL) {
    const embedder = createOpenAiEmbedder({ apiKey: config.OPENAI_API_KEY, baseUrl: config.OPENAI_BASE_URL, model: config.EMBEDDINGS_MODEL });
    return { embedder, recipe: null };
  }
  return hashingEmbedderWithRecipe();
}

/** Opens the database, applies migrations and wires everything. */
export async function openCore(opts: CoreOptions): Promise<Core> {
  const { config, logger } = opts;
  const clock = opts.clock ?? systemClock;
  const db = await openDb(opts.databaseUrl ?? config.DATABASE_URL, { queryTimeoutMs: config.DB_QUERY_TIMEOUT_MS, max: config.DB_POOL_MAX });
  await migrate(db);
  await rebuildMissingIndexes(db, logger);
  const store = createPgDocumentStore(db);
  const { embedder, recipe } = chooseEmbedder(config, opts.offline ?? false);
  const abbreviationsPath = join(process.cwd(), 'data', 'abbreviations.json');
  const analyzer = createAnalyzer(loadAbbreviations(abbreviationsPath));
  await ensureLexicalIndex(db, analyzer, logger);
  await refreshPlannerStats(db).catch((err: unknown) => logger.warn({ err }, 'could not refresh planner statistics; queries may be slower'));
  const catalog = createCatalog(store, clock);
  const chatMemory = createPgChatMemory(db, clock);
  const conversations = createConversationMemory(chatMemory);
  const writer =
    !opts.offline && config.OPENAI_API_KEY
      ? createModelWriter({ apiKey: config.OPENAI_API_KEY, baseUrl: config.OPENAI_BASE_URL, model: config.LLM_MODEL, timeoutMs: config.LLM_TIMEOUT_MS, logger })
      : undefined;
  const directives = loadDirectiveModel(join(process.cwd(), 'data', 'directive-model.json'));
  const outlines = createOutlineCache(store, directives);
  const profiles = createProfileCache();
  const organisations = createOrganisations(catalog);
  const units = createUnitService({ book: createPgUnitBook(db, clock), organisations, defaultUnit: config.DEFAULT_ORGANISATION });
  const engine = createAnswerEngine({
    organisations,
    directives,
    outlines,
    profiles,
    store,
    embedder,
    analyzer,
    catalog,
    normalizer: createQuestionNormalizer({ statistics: store, chat: loadChatAbbreviations(join(process.cwd(), 'data', 'chat-abbreviations.json')), official: analyzer }),
    conversations,
    numberKeys: createNumberKeyMemo(),
    clock,
    writer,
    options: {
      maxQuoteChars: 1400,
      conversationTtlSeconds: config.CONVERSATION_TTL_MINUTES * 60,
      model: DEFAULT_RANKING_MODEL,
      ...opts.engine,
    },
  });
  const activity = createPgActivity(db, clock);
  const slots = createAnswerSlots({
    maxInFlight: config.MAX_ANSWERS_IN_FLIGHT,
    maxQueued: config.MAX_ANSWERS_QUEUED,
    maxWaitMs: config.ANSWER_QUEUE_TIMEOUT_MS,
  });
  const askService = createAskService({
    engine,
    activity,
    logger,
    maxQuestionChars: config.MAX_QUESTION_CHARS,
    rateLimit: { perMinute: config.RATE_LIMIT_PER_MINUTE, clock },
    slots,
    units,
  });
  const chunkChars = 1000;
  const ingestor = createIngestor({
    store, embedder, analyzer, logger, chunkChars,
    limits: { maxBytes: config.MAX_UPLOAD_MB * 1024 * 1024 },
    parallelAnalysis: createAnalysisPool({
      abbreviationsPath, embedder: recipe, chunkChars, logger,
      fallback: analysisInThisThread({ analyzer, embedder, chunkChars }),
    }),
  });
  return {
    db,
    store,
    embedder,
    analyzer,
    catalog,
    directives,
    outlines,
    profiles,
    chatMemory,
    conversations,
    engine,
    askService,
    organisations,
    units,
    library: createLibrary(store, catalog),
    activity,
    ingestor,
    clock,
    async close() {
      await ingestor.close();
      await db.close();
    },
  };
}

/** Builds the search indexes a bulk load cut short by a crash left missing (search-indexes.ts). */
async function rebuildMissingIndexes(db: Db, logger: Logger): Promise<void> {
  const started = performance.now();
  const built = await ensureSearchIndexes(db);
  if (built.length > 0) logger.warn({ indexes: built, ms: Math.round(performance.now() - started) }, 'rebuilt search indexes an interrupted bulk load left missing');
}

/** Rebuilds the lexical index when it was built by another analyzer version or weight format (an upgrade). */
async function ensureLexicalIndex(db: Db, analyzer: Analyzer, logger: Logger): Promise<void> {
  // The analyzer's version and the version of the way weights are stored (stores before formats had "2").
  const current = `${ANALYZER_VERSION}/${LEXICAL_FORMAT}`;
  const built = await getSetting(db, 'analyzer_version');
  if (built === current) return;
  const chunks = await rebuildLexicalIndex(db, (text) => analyzer.indexTerms(text));
  await setSetting(db, 'analyzer_version', current);
  // Every chunk row was rewritten: reclaim the old versions and refresh the statistics now.
  if (chunks > 0) await refreshPlannerStats(db, true).catch((err: unknown) => logger.warn({ err }, 'could not refresh planner statistics'));
  if (built !== null || chunks > 0) logger.info({ chunks, from: built, to: current }, 'lexical index rebuilt for the current analyzer');
}

/** Ingests the bundled documents when the store has no active document (first start). */
export async function seedIfEmpty(core: Core, documentsDir: string, logger: Logger): Promise<number> {
  const existing = await core.store.listDocuments({ status: 'active' });
  if (existing.length > 0) return 0;
  logger.info({ documentsDir }, 'empty store: ingesting the bundled documents');
  const results = await core.ingestor.ingestPaths([documentsDir]);
  for (const r of results.filter((x) => x.outcome === 'failed')) logger.warn({ source: r.source, reason: r.reason }, 'bundled document failed');
  core.catalog.invalidate();
  return results.filter((r) => r.outcome === 'stored' || r.outcome === 'replaced').length;
}

/**
 * Embeds the chunks that have no vector for the current embedding model (after EMBEDDINGS_MODEL changed):
 * search only ever compares vectors of one model, so nothing is mixed while this runs.
 */
export async function embedMissing(core: Core, logger: Logger, batch = 64): Promise<number> {
  let done = 0;
  for (;;) {
    const rows = await core.store.chunksMissingEmbedding(core.embedder.model, batch);
    if (rows.length === 0) break;
    const vectors = await core.embedder.embed(rows.map((r) => r.searchText));
    await core.store.saveEmbeddings(core.embedder.model, rows.map((r, i) => ({ chunkId: r.chunkId, embedding: vectors[i] ?? [] })));
    done += rows.length;
  }
  if (done > 0) logger.info({ chunks: done, model: core.embedder.model }, 'embedded chunks for the current model');
  return done;
}
