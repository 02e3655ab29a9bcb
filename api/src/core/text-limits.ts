/**
 * The longest free text each input takes, in characters (UTF-16 code units, as the browser's
 * `maxlength` counts them). One table for the API, the README and the portal's `maxlength`
 * (portal/src/domain/text-limits.ts mirrors it; a test compares the two).
 */
export const TEXT_LIMITS = {
  /** postMessage `body`: a negotiation message. */
  messageBody: 2000,
  /** answerProposal `reason`: why a proposal is rejected. */
  answerReason: 500,
  /** escalateProblem `reason`: why the schools could not agree. */
  escalationReason: 500,
  /** reviewProblem `reason`: what the schools must do after a rejection. */
  reviewReason: 500,
  /** decideProblem `note`: the reviewer's reasoning. */
  decisionNote: 500,
  /** actOnRecord `comment`: a note kept in the problem history. */
  actionComment: 500,
  /** restoreStudent `reason`: why a deleted record is restored. */
  restoreReason: 500,
  /** decideHeldImport `reason`: why the district approves or rejects a held import. */
  holdDecisionReason: 500,
  /** requestTransfer / requestTransferIn `note`: why the new school asks for the pupil. */
  transferNote: 500,
  /** answerTransfer, approveTransfer and withdrawTransfer `reason`: why a transfer is refused or withdrawn. */
  transferReason: 500,
  /** confirmClass mark `note`, openVerificationCampaign `title`: a line about a pupil or a campaign. */
  verificationNote: 500,
  /** confirmPossibleDuplicate `note`, dismissPossibleDuplicate `reason`: why staff decided a suggested pair so. */
  suggestionReason: 500,
  /** The name of an uploaded file (x-file-name): not typed by anyone, so cut to this length rather than refused. */
  fileName: 200,
} as const;

export type TextLimit = keyof typeof TEXT_LIMITS;

export interface TooLong {
  code: 'TOO_LONG';
  message: string;
  field: string;
}

/** The errors-as-data answer when `value` is longer than its limit; null when it fits (or is absent). */
export function tooLong(field: string, value: string | null | undefined, limit: TextLimit): TooLong | null {
  const max = TEXT_LIMITS[limit];
  if (value == null || value.length <= max) return null;
  return { code: 'TOO_LONG', message: `${field} is too long: at most ${max} characters (got ${value.length}).`, field };
}
