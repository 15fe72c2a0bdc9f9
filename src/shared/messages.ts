// Every runtime message is one zod-described type, named by its direction
// (`<from>To<to>`). The background parses every message it receives with these schemas
// and checks the sender before acting. Content-side code imports the types only.
import { z } from './z';
import { Conversation, Envelope, Omission, SiteId } from './schema';

export const Rating = z.enum(['helpful', 'not_helpful']);
export type Rating = z.infer<typeof Rating>;

export const Captured = z.object({
  conversation: Conversation,
  ratedTurn: z.number().int().nonnegative(),
  omissions: z.array(Omission).max(50),
});

export const CaptureResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), captured: Captured }),
  z.object({ ok: z.literal(false), error: z.literal('unreadable'), detail: z.string().max(500) }),
]);

/** What the content script read for one click; the dialog shows it and builds the report from it. */
export const Draft = z.object({ site: SiteId, rating: Rating, capture: CaptureResult });
export type Draft = z.infer<typeof Draft>;

const DraftId = z.uuid();

export const ContentToBackground = z.discriminatedUnion('type', [
  /** Store the draft for the dialog frame the content script just opened. */
  z.object({ type: z.literal('draft:put'), id: DraftId, draft: Draft }),
  /**
   * Trusted-tester mode: send at once, after the undo time has passed (rating null: "Share
   * conversation"). The background builds the report with the tester's consent, or refuses.
   */
  z.object({ type: z.literal('tester:send'), site: SiteId, rating: Rating.nullable(), capture: CaptureResult }),
  /** The content script's few labels in the language chosen in options (it cannot read the messages files itself). */
  z.object({ type: z.literal('messages:get'), keys: z.array(z.string().regex(/^\w{1,64}$/)).max(30) }),
]);
export type ContentToBackground = z.infer<typeof ContentToBackground>;

/** From the extension's own pages: the dialog, the popup and the history page. */
export const PageToBackground = z.discriminatedUnion('type', [
  /** Queue this exact envelope for `endpoint`, the one the dialog named, and try it at once; refused if the options changed since. */
  z.object({
    type: z.literal('report:send'), envelope: Envelope, endpoint: z.string().max(2048),
    /** The id of an earlier, refused version of this report from the same dialog: it is dropped from the outbox. */
    replaces: z.uuid().optional(),
  }),
  /** Close the dialog frame in the tab that shows it. */
  z.object({ type: z.literal('dialog:close') }),
  /** The dialog asks for its draft (Firefox gives framed extension pages no storage.session). */
  z.object({ type: z.literal('draft:get'), id: z.uuid() }),
  /** Outbox size and each endpoint's last success and error (popup). */
  z.object({ type: z.literal('outbox:summary') }),
  /** Reports still on their way and receipts of delivered ones, newest first (history). */
  z.object({ type: z.literal('outbox:history') }),
  /** Try now: one report, or every report in the outbox. */
  z.object({ type: z.literal('outbox:retry'), id: z.uuid().optional() }),
  /** Delete a report that has not been delivered. */
  z.object({ type: z.literal('outbox:remove'), id: z.uuid() }),
  /** Ask the endpoint to delete a delivered report with its deletion token. */
  z.object({ type: z.literal('history:withdraw'), id: z.uuid() }),
  /** Forget the receipts of delivered reports. */
  z.object({ type: z.literal('history:clear') }),
  /** Withdraw consent (ordinary and trusted-tester): sending stops and every report waiting in the outbox is deleted. */
  z.object({ type: z.literal('consent:withdraw') }),
]);
export type PageToBackground = z.infer<typeof PageToBackground>;
/** The dialog's part of PageToBackground. */
export type DialogToBackground = Extract<PageToBackground, { type: 'report:send' | 'dialog:close' | 'draft:get' }>;

export const BackgroundToContent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('frame:close') }),
]);
export type BackgroundToContent = z.infer<typeof BackgroundToContent>;

/** Named failures the dialog shows in words; never a thank-you for a report that did not arrive. */
export const SEND_ERRORS = [
  'endpoint_invalid',   // options hold an endpoint that is not allowed
  'endpoint_changed',   // the options now name another endpoint than the one the user agreed to
  'permission_missing', // no host permission for the endpoint's origin
  'unreachable',        // network error: nothing answered
  'timeout',            // no answer in time
  'unauthorized',       // 401 / 403: token missing or wrong
  'too_large',          // 413, or refused before sending
  'rejected',           // other 4xx: the endpoint refused the report
  'server_error',       // 5xx
  'invalid_report',     // the report failed the schema before sending
  'rate_limited',       // 429: the endpoint asks to slow down (retried)
  'gone',               // 410: the report was withdrawn; the endpoint will not store it again
  'storage_full',       // the browser has no room left to keep the report
  'consent_missing',    // no current consent record for this report's notice (withdrawn, or the notice changed)
] as const;
export type SendError = (typeof SEND_ERRORS)[number];

export const Receipt = z.object({
  id: z.string().max(100),
  received_at: z.string().max(100),
  deletion_token: z.string().max(200).optional(),
});
export type Receipt = z.infer<typeof Receipt>;

export type SendResult =
  /** Delivered; status is null when it was delivered by an earlier attempt. */
  | { ok: true; status: number | null; receipt: Receipt | null }
  /** Not delivered. With retryAt the report is queued and will be retried then (epoch ms). */
  | { ok: false; error: SendError; status?: number; message?: string; retryAt?: number };

/** storage.session key of a draft: trusted contexts only, so the page's scripts never see it. */
export const draftKey = (id: string) => `draft:${id}`;
