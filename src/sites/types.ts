// The contract every chat site's adapter keeps. One adapter file per site holds all of that
// site's selectors and scraping; the content script only wires an adapter to the page.
// Content-side code imports types only from the schema: zod stays out of the content script.
import type { Conversation, Omission, SiteId } from '../shared/schema';

export interface Captured {
  conversation: Conversation;
  /** Index into conversation.turns of the answer the user rated. */
  ratedTurn: number;
  /** Things left out that leave no marker in the turns (e.g. thinking the page did not show). */
  omissions: Omission[];
}

export type CaptureResult =
  | { ok: true; captured: Captured }
  /** The page's markup was not recognised, or the rated answer could not be found in it. */
  | { ok: false; error: 'unreadable'; detail: string };

export interface SiteAdapter {
  id: SiteId;
  /** Does this adapter serve this URL (the manifest's matches are the first gate)? */
  matches(url: URL): boolean;
  /** Key of the conversation shown; when it changes without a page load, controls are re-mounted. */
  conversationKey(url: URL): string;
  /** Selector for an assistant answer's container (streaming or finished). */
  answerSelector: string;
  /** Attribute whose change marks the end of streaming, observed on answers; null if none. */
  streamingAttribute: string | null;
  /** True once the answer has finished streaming and may be rated. */
  isFinished(answer: Element): boolean;
  /** Where the controls go: they are inserted as the last child of this element. */
  controlsParent(answer: Element): Element;
  /**
   * Reads the conversation the user sees, for a rating of `answer`.
   * `fetchJson` is the same-origin GET the site's own API answers (injected for tests).
   */
  capture(doc: Document, answer: Element, fetchJson: FetchJson): Promise<CaptureResult>;
}

export type FetchJson = (path: string) => Promise<unknown>;
