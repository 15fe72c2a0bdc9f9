// The report schema, shared by extension and collector. Versioned: a collector accepts every
// version ever shipped, so a change that is not purely additive needs a new version here.
import { z } from './z';
import { SITE_IDS } from './constants';

export { SITE_IDS };

export const SCHEMA_VERSION = 2;
export const MAX_TEXT = 2_000_000; // one block; the whole body is capped at 5 MB elsewhere
export const MAX_COMMENT = 5_000;
/** Feature toggles per conversation: a handful in practice; the cap keeps a record from growing unbounded. */
export const MAX_FEATURES = 100;

export const SiteId = z.enum(SITE_IDS);
export type SiteId = z.infer<typeof SiteId>;

/** Kinds of integration content that are replaced by a marker (kind only, never content). */
export const INTEGRATION_SOURCES = [
  'google_drive', 'github', 'gmail', 'google_calendar', 'other_chats', 'connector',
] as const;
export const IntegrationSource = z.enum(INTEGRATION_SOURCES);
export type IntegrationSource = z.infer<typeof IntegrationSource>;

export const REASONS = [
  'not_factual', 'ignored_instructions', 'wrong_refusal', 'harmful', 'incomplete', 'other',
] as const;
export const Reason = z.enum(REASONS);
export type Reason = z.infer<typeof Reason>;

const text = z.string().max(MAX_TEXT);
const shortText = z.string().max(500);

export const Block = z.discriminatedUnion('kind', [
  /** Typed text or an answer's prose (markdown where the source gives it). */
  z.object({ kind: z.literal('text'), text }),
  z.object({ kind: z.literal('code'), language: shortText.nullable(), code: text }),
  /** A thinking summary, only as the page shows it. */
  z.object({ kind: z.literal('thinking'), text }),
  /** Text the user pasted or attached as text: kept, it is part of the conversation. */
  z.object({ kind: z.literal('pasted'), name: shortText.nullable(), text }),
  /** An uploaded file: metadata only. */
  z.object({ kind: z.literal('file'), name: shortText, type: shortText.nullable() }),
  /** A built-in tool (web search, code execution, file creation, artifacts). */
  z.object({ kind: z.literal('tool'), name: shortText, input: text.nullable(), output: text.nullable() }),
  /** Integration content, left out: the marker names its kind alone. */
  z.object({ kind: z.literal('integration'), source: IntegrationSource }),
]);
export type Block = z.infer<typeof Block>;

export const Turn = z.object({
  role: z.enum(['user', 'assistant']),
  blocks: z.array(Block).max(2_000),
});
export type Turn = z.infer<typeof Turn>;

export const Settings = z.object({
  model: shortText.nullable(),
  /** Style by name where the page shows it; null means unknown, never guessed. */
  style: z.object({ name: shortText.nullable(), instructions: text.nullable() }),
  /** Feature toggles by a fixed, documented name (see the site adapter). */
  features: z.record(shortText, z.union([z.boolean(), shortText]))
    .refine((f) => Object.keys(f).length <= MAX_FEATURES, { message: `at most ${MAX_FEATURES} features` }),
});
export type Settings = z.infer<typeof Settings>;

export const Conversation = z.object({
  /** Where the turns were read: the site's own conversation API, or the rendered page. */
  source: z.enum(['api', 'page']),
  /** False when the page fallback may miss turns the site did not render. */
  complete: z.boolean(),
  /** Whether the API's branch ended with the same answer the page shows. */
  matches_page: z.boolean().nullable(),
  settings: Settings,
  turns: z.array(Turn).min(1).max(10_000),
});
export type Conversation = z.infer<typeof Conversation>;

export const Omission = z.object({
  kind: z.enum(['integration', 'hidden_thinking', 'unreadable']),
  source: IntegrationSource.nullable(),
  count: z.number().int().positive(),
});
export type Omission = z.infer<typeof Omission>;

export const Consent = z.object({
  notice_version: shortText,
  /** sha-256 hex over the notice text, the endpoint's origin and its declared policy. */
  notice_hash: z.string().regex(/^[0-9a-f]{64}$/),
  locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/),
  trusted_tester: z.boolean(),
});
export type Consent = z.infer<typeof Consent>;

const reportBase = {
  /** Fresh random id per report; also the Idempotency-Key. Never reused, so reports cannot be joined. */
  id: z.uuid(),
  created_at: z.iso.datetime(),
  site: SiteId,
  reasons: z.array(Reason).max(REASONS.length),
  comment: z.string().max(MAX_COMMENT),
  conversation: Conversation,
  omissions: z.array(Omission).max(50),
  consent: Consent,
  client: z.object({ extension_version: shortText, browser: z.enum(['chrome', 'firefox']) }),
};

const pointsAtAnswer = (r: { rated_turn: number | null; conversation: Conversation }) => r.rated_turn !== null
  && r.rated_turn < r.conversation.turns.length && r.conversation.turns[r.rated_turn]?.role === 'assistant';

export const ReportV1 = z.object({
  ...reportBase,
  schema_version: z.literal(1),
  rating: z.enum(['helpful', 'not_helpful']),
  /** Position of the rated answer in conversation.turns (never the provider's message id). */
  rated_turn: z.number().int().nonnegative(),
}).refine(pointsAtAnswer, { message: 'rated_turn must point at an assistant turn', path: ['rated_turn'] });
export type ReportV1 = z.infer<typeof ReportV1>;

/**
 * Version 2 adds a conversation shared without a rating (trusted testers' "Share conversation"):
 * kind 'share' has no rating, reasons or rated turn, and only a trusted tester's consent covers it.
 */
export const ReportV2 = z.object({
  ...reportBase,
  schema_version: z.literal(2),
  kind: z.enum(['rating', 'share']),
  rating: z.enum(['helpful', 'not_helpful']).nullable(),
  rated_turn: z.number().int().nonnegative().nullable(),
}).refine((r) => r.kind === 'share' || (r.rating !== null && pointsAtAnswer(r)), {
  message: 'a rating needs a rating and a rated_turn that points at an assistant turn', path: ['rated_turn'],
}).refine((r) => r.kind === 'rating' || (r.rating === null && r.rated_turn === null && r.reasons.length === 0), {
  message: 'a shared conversation carries no rating, reasons or rated_turn', path: ['kind'],
}).refine((r) => r.kind === 'rating' || r.consent.trusted_tester, {
  message: 'only trusted testers share whole conversations', path: ['consent', 'trusted_tester'],
});
export type ReportV2 = z.infer<typeof ReportV2>;

/** Every version ever shipped; the collector accepts all of them. */
export const AnyReport = z.discriminatedUnion('schema_version', [ReportV1, ReportV2]);
export type AnyReport = z.infer<typeof AnyReport>;
/** What this build writes (buildReport). */
export type Report = ReportV2;

export const Reporter = z.object({ contact: z.string().min(1).max(320) });
export type Reporter = z.infer<typeof Reporter>;

/** What is POSTed: a reporter contact, when given, sits beside the report, never inside it. */
export const Envelope = z.object({ report: AnyReport, reporter: Reporter.optional() }).strict();
export type Envelope = z.infer<typeof Envelope>;
