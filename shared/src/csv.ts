/** A text cell a spreadsheet would run as a formula (= + - @, tab, CR) is made inert with a leading quote. */
export const neutralize = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

type Cell = string | number | null;

/** One RFC 4180 line; numbers are written as they are (a refund of -3500 stays a number). */
export const toCsvLine = (cells: Cell[]) =>
  cells.map((cell) => {
    if (typeof cell === "number") return String(cell);
    const text = neutralize(cell ?? "");
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }).join(",");

/**
 * A CSV download as Excel opens it in Japanese: UTF-8 with a BOM, CRLF line ends. The rows are given
 * whole, or (for a large file) as pages read one after another and sent as each is ready, so the
 * file never has to be held in memory.
 */
export function csvResponse(fileName: string, rows: Cell[][] | AsyncIterable<Cell[][]>) {
  const headers = { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"` };
  const lines = (page: Cell[][]) => page.map((row) => toCsvLine(row) + "\r\n").join("");
  if (Array.isArray(rows)) return new Response("\uFEFF" + lines(rows), { status: 200, headers });
  const pages = rows[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start: (controller) => controller.enqueue(encoder.encode("\uFEFF")),
    async pull(controller) {
      const next = await pages.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(lines(next.value)));
    },
    cancel: async () => void (await pages.return?.()),
  });
  return new Response(body, { status: 200, headers });
}
