/** Each service's limits: a longer text is truncated to them rather than refused by the service. */
export const LIMITS = {
  slackSection: 3000,
  /** Slack's header block is plain text of at most 150 characters. */
  slackHeader: 150,
  discordContent: 2000,
  telegramText: 4096,
  pushoverMessage: 1024,
  pushoverTitle: 250,
  /** Pushover's supplementary URL. */
  pushoverUrl: 512,
  /** ntfy refuses (or turns into an attachment) a body over 4,096 bytes. */
  ntfyBytes: 4096,
  emailSubject: 200,
} as const;
