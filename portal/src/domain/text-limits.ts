/**
 * The longest free text each input takes, in characters: the same values as the API's
 * `TEXT_LIMITS` (api/src/core/text-limits.ts; api/test/text-limits.test.ts compares the two). The
 * inputs' `maxlength` comes from here; the API refuses anything longer with TOO_LONG.
 */
export const TEXT_LIMITS = {
  messageBody: 2000,
  answerReason: 500,
  escalationReason: 500,
  reviewReason: 500,
  decisionNote: 500,
  actionComment: 500,
  restoreReason: 500,
  holdDecisionReason: 500,
  transferNote: 500,
  transferReason: 500,
  verificationNote: 500,
  suggestionReason: 500,
} as const;

/** The limit a TOO_LONG refusal names, read from the API's message ("… at most 500 characters …"). */
export function limitOf(message: string): string {
  return /at most (\d+)/.exec(message)?.[1] ?? '';
}
