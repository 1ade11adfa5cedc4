/**
 * 消費税 rates, percent: 10 standard, 8 reduced (food and drink other than eating out, newspapers).
 * The Order Service keeps one per item; its mails carry them to the Notification Service.
 */
export const TAX_RATE = { standard: 10, reduced: 8 } as const;
