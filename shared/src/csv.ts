/** A text cell a spreadsheet would run as a formula (= + - @, tab, CR) is made inert with a leading quote. */
export const neutralize = (cell: string) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell);

/** One RFC 4180 line; numbers are written as they are (a refund of -3500 stays a number). */
export const toCsvLine = (cells: (string | number | null)[]) =>
  cells.map((cell) => {
    if (typeof cell === "number") return String(cell);
    const text = neutralize(cell ?? "");
    return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
  }).join(",");

/** A CSV download as Excel opens it in Japanese: UTF-8 with a BOM, CRLF line ends. */
export function csvResponse(fileName: string, rows: (string | number | null)[][]) {
  const body = "\uFEFF" + rows.map(toCsvLine).join("\r\n") + "\r\n";
  return new Response(body, { status: 200, headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"` } });
}
