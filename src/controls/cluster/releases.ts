// The day each Kubernetes minor release reaches upstream end of life: after it, the project ships no more patches.
// Sources (read November 2026):
// - ended branches (1.19 to 1.32): the date the project recorded when the final patch shipped, as shown on
//   https://kubernetes.io/releases/ (kept in https://github.com/kubernetes/website/blob/main/data/releases/eol.yaml);
//   for 1.22, 1.25, 1.27, 1.28, 1.30 and 1.31 it differs by days or weeks from the scheduled date that
//   https://endoflife.date/kubernetes lists;
// - 1.33 to 1.37: the scheduled "End Of Life Date" of their pages, https://kubernetes.io/releases/1.33/ and so on.

/** End-of-life dates (UTC days) by minor number of 1.x. */
const END_OF_LIFE: Readonly<Record<number, string>> = {
  19: '2021-10-28',
  20: '2022-02-28',
  21: '2022-06-28',
  22: '2022-12-08',
  23: '2023-02-28',
  24: '2023-07-28',
  25: '2023-10-28',
  26: '2024-02-28',
  27: '2024-07-16',
  28: '2024-10-22',
  29: '2025-02-28',
  30: '2025-07-15',
  31: '2025-11-11',
  32: '2026-02-28',
  33: '2026-06-28',
  34: '2026-10-27',
  35: '2027-02-28',
  36: '2027-06-28',
  37: '2027-10-28',
};

const TRACKED = Object.keys(END_OF_LIFE).map(Number).sort((a, b) => a - b);

/** The oldest minor the table knows; every older one had reached end of life before it did. */
export const OLDEST_TRACKED_MINOR = TRACKED[0]!;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The end-of-life day of 1.`minor` as `YYYY-MM-DD`, or undefined for a minor the table does not know. */
export function endOfLife(minor: number): string | undefined {
  return END_OF_LIFE[minor];
}

/** Whether `now` is after the whole of the given end-of-life day (UTC): on the day itself the release is still supported. */
export function isPast(day: string, now: Date): boolean {
  return now.getTime() >= Date.parse(`${day}T00:00:00Z`) + DAY_MS;
}

/** The oldest minor the project still supports at `now`, or undefined when every known one has ended. */
export function oldestSupportedMinor(now: Date): number | undefined {
  return TRACKED.find((minor) => !isPast(END_OF_LIFE[minor]!, now));
}
