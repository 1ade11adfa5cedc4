/**
 * What an operator's search term is compared with. Customers give their name with or without the
 * space between family and given name, and their phone number as they dial it (090-1234-5678),
 * while orders store "山田 太郎" and "+819012345678".
 */
export function searchTerms(query: string) {
  const text = query.trim();
  const digits = text.replace(/[-\s()（）]/g, "");
  const phone = /^0\d{9,10}$/.test(digits) ? `+81${digits.slice(1)}` : /^\+\d{8,15}$/.test(digits) ? digits : undefined;
  return { text, name: text.replace(/[\s\u3000]+/g, ""), phone };
}

/** A stored number as it is dialled in Japan (+819012345678 -> 09012345678), as carriers' label software takes it; others as stored. */
export const dialledInJapan = (e164: string | null) => (e164?.startsWith("+81") ? `0${e164.slice(3)}` : e164);
