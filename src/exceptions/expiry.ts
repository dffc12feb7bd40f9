/**
 * Expiry dates of exceptions. A calendar date `YYYY-MM-DD` covers that whole day in UTC; an RFC 3339 timestamp
 * ends at that instant. Both become the first instant at which the exception no longer applies.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt]([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d+)?([Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The first instant the exception is expired, or undefined when the text is neither form. */
export function expiryEnd(text: string): Date | undefined {
  const date = DATE.exec(text);
  if (date) {
    const [year, month, day] = [Number(date[1]), Number(date[2]), Number(date[3])];
    return isCalendarDay(year, month, day) ? new Date(Date.UTC(year, month - 1, day + 1)) : undefined;
  }
  const stamp = TIMESTAMP.exec(text);
  if (!stamp || !isCalendarDay(Number(stamp[1]), Number(stamp[2]), Number(stamp[3]))) return undefined;
  const instant = Date.parse(text.toUpperCase());
  return Number.isNaN(instant) ? undefined : new Date(instant);
}

export function isExpired(end: Date, now: Date): boolean {
  return now.getTime() >= end.getTime();
}

export const EXPIRY_FORMAT = 'a date (YYYY-MM-DD, through the end of that day UTC) or an RFC 3339 timestamp';
