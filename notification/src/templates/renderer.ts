import { ApiError } from "@platform/shared/problem";
import { trackingUrl } from "@platform/shared/tracking-number";
import { channels, templateNames, type Channel, type TemplateName } from "@platform/shared/contracts/notification";
import { catalog, sampleVariables } from "./catalog";
import { compileFile, lineOf, partsOf, TemplateFileError, type Part } from "./template-files";

export type Rendered = { subject: string | null; body: string; html: string | null };

const jaJP = new Intl.NumberFormat("ja-JP"); // toLocaleString builds a formatter on every call
const yen = (value: unknown) => `¥${jaJP.format(Number(value))}`;
const number = (value: unknown) => jaJP.format(Number(value));
const filters = { yen, number };
const textOf = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * Loads every template file once at start. A file that does not parse, or does not render with
 * sample data, stops the service with its file and line, instead of failing on a customer's order.
 * `shop`: its name and its invoice registration number (null when it has none), which every template may show.
 */
export function loadTemplates(dir: string, shop: { name: string; registrationNumber: string | null }) {
  const compiled = new Map<string, ReturnType<typeof compileFile>>();
  for (const template of templateNames) {
    for (const channel of channels) {
      for (const part of partsOf(channel)) compiled.set(`${template}/${part}`, compileFile(dir, template, part));
    }
  }

  function renderPart(template: TemplateName, part: Part, variables: Record<string, unknown>) {
    const { compiled: file } = compiled.get(`${template}/${part}`)!;
    // What the service adds: the shop and its registration number, and the carrier's tracking page when the carrier is one it knows.
    const tracking_url = trackingUrl(textOf(variables.carrier), textOf(variables.tracking_number));
    // Only the HTML part escapes: text and SMS are plain text, where escaping would show "&amp;".
    return file.render({ ...variables, shop_name: shop.name, registration_number: shop.registrationNumber, tracking_url }, { autoEscape: part === "html" ? "html" : false, filters });
  }

  function render(template: TemplateName, channel: Channel, variables: Record<string, unknown>): Rendered {
    if (channel === "SMS") return { subject: null, body: renderPart(template, "sms", variables).trim(), html: null };
    return {
      // A subject is one header line: customer data must not add lines (header injection).
      subject: renderPart(template, "subject", variables).replace(/[\r\n\t]+/g, " ").trim(),
      body: renderPart(template, "text", variables),
      html: renderPart(template, "html", variables),
    };
  }

  for (const [key, file] of compiled) {
    const [template, part] = key.split("/") as [TemplateName, Part];
    try {
      renderPart(template, part, sampleVariables);
    } catch (error) {
      throw new TemplateFileError(`${file.file}:${lineOf(file.source, (error as Error).message)}: ${(error as Error).message}`);
    }
  }

  return {
    /** Checks the variables against the template's schema, then renders. Invalid variables are a 422. */
    render(template: TemplateName, channel: Channel, variables: Record<string, unknown>): Rendered {
      const parsed = catalog[template].variables.safeParse(variables);
      if (!parsed.success) {
        throw ApiError.validation(parsed.error.issues.map((issue) => ({ path: ["variables", ...issue.path].join("."), message: issue.message })),
          `The variables do not fit template ${template}.`);
      }
      return render(template, channel, parsed.data);
    },
  };
}

export type Templates = ReturnType<typeof loadTemplates>;
