import { readFileSync } from "node:fs";
import { join } from "node:path";
import jinja from "jinja-js";
import type { Channel, TemplateName } from "@platform/shared/contracts/notification";

export type Part = "subject" | "text" | "html" | "sms";
export const partFiles: Record<Part, string> = { subject: "subject.txt", text: "email.txt", html: "email.html", sms: "sms.txt" };
export const partsOf = (channel: Channel): Part[] => (channel === "EMAIL" ? ["subject", "text", "html"] : ["sms"]);

export class TemplateFileError extends Error {}

type Compiled = { render(data: unknown, options: unknown): string };

/**
 * Reads and compiles one template file. jinja-js reports neither file nor line and accepts an
 * unclosed block, so the tags are checked here first and every error names `file:line`.
 */
export function compileFile(dir: string, template: TemplateName, part: Part): { file: string; source: string; compiled: Compiled } {
  const file = join(dir, template, partFiles[part]);
  let source: string;
  try {
    source = readFileSync(file, "utf8");
  } catch {
    throw new TemplateFileError(`${file}: the template file is missing`);
  }
  checkBlocks(file, source);
  try {
    return { file, source, compiled: jinja.compile(source) as Compiled };
  } catch (error) {
    throw new TemplateFileError(`${file}:${lineOf(source, (error as Error).message)}: ${(error as Error).message}`);
  }
}

const blockTags: Record<string, string> = { for: "endfor", if: "endif", block: "endblock", raw: "endraw" };

function checkBlocks(file: string, source: string) {
  const open: { tag: string; line: number }[] = [];
  for (const match of source.matchAll(/\{%-?\s*(\w+)[^%]*-?%\}/g)) {
    const tag = match[1]!;
    const line = source.slice(0, match.index).split("\n").length;
    if (blockTags[tag]) open.push({ tag, line });
    else if (Object.values(blockTags).includes(tag)) {
      const last = open.pop();
      if (!last || blockTags[last.tag] !== tag) throw new TemplateFileError(`${file}:${line}: {% ${tag} %} does not close an open block`);
    }
  }
  const unclosed = open.pop();
  if (unclosed) throw new TemplateFileError(`${file}:${unclosed.line}: {% ${unclosed.tag} %} is never closed with {% ${blockTags[unclosed.tag]} %}`);
}

/** The line a jinja-js message's snippet ("Invalid tag: x", "Invalid filter: y") stands on. */
export function lineOf(source: string, message: string): number {
  const snippet = message.replace(/^Invalid (tag|expression|filter): /, "").trim();
  const at = snippet ? source.indexOf(snippet) : -1;
  return at < 0 ? 1 : source.slice(0, at).split("\n").length;
}
