// Japan's calendar: UTC+9 all year (no daylight saving), so a JST day is a fixed UTC span.
const DAY_MS = 86_400_000;
const JST_OFFSET_MS = 9 * 3_600_000;

/** The UTC instants bounding the JST calendar days `from` to `to`, both included: [start, end). */
export function jstDayRange(from: string, to: string) {
  return {
    start: new Date(Date.parse(`${from}T00:00:00+09:00`)).toISOString(),
    end: new Date(Date.parse(`${to}T00:00:00+09:00`) + DAY_MS).toISOString(),
  };
}

/** Whether `text` is a calendar day that exists, written YYYY-MM-DD. */
export function isDay(text: string) {
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN;
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text); // 2026-02-29 parses, as 03-01
}

/** Days from `from` to `to`, both included. */
export const daysBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
/** Each day from `from` to `to`, both included (YYYY-MM-DD). */
export const eachDay = (from: string, to: string) =>
  Array.from({ length: daysBetween(from, to) }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * DAY_MS).toISOString().slice(0, 10));

/** Today in Japan, YYYY-MM-DD, whatever the machine's time zone. */
export const jstToday = (now = Date.now()) => new Date(now + JST_OFFSET_MS).toISOString().slice(0, 10);
/** Tomorrow in Japan, YYYY-MM-DD. */
export const jstTomorrow = (now = Date.now()) => jstToday(now + DAY_MS);

/** The instant today began in Japan, whatever the machine's time zone. */
export const startOfTodayJst = (now = Date.now()) => new Date(Math.floor((now + JST_OFFSET_MS) / DAY_MS) * DAY_MS - JST_OFFSET_MS).toISOString();

/** An instant as JST wall-clock time, "2026-12-01 09:00:00", as a spreadsheet in Japan reads it. */
export const jstDateTime = (iso: string) => new Date(Date.parse(iso) + JST_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");

/** A day (YYYY-MM-DD) as written in Japanese: 2026年12月5日. */
export const japaneseDay = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;
/** The JST day of an instant, written in Japanese: 2026-12-01T15:00:00Z is 2026年12月2日. */
export const japaneseJstDay = (iso: string) => japaneseDay(jstDateTime(iso));
