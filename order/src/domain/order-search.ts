import { phoneToE164 } from "@platform/shared/phone";

/**
 * What an operator's search term is compared with. Customers give their name with or without the
 * space between family and given name, and their phone number as they dial it (090-1234-5678),
 * while orders store "山田 太郎" and "+819012345678".
 */
export function searchTerms(query: string) {
  const text = query.trim();
  return { text, name: text.replace(/[\s\u3000]+/g, ""), phone: phoneToE164(text) };
}
