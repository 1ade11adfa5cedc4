/**
 * A tracking number as it is compared: carriers' delivery lists and the warehouse's shipping list
 * write the same number differently (1234-5678-9012, 123456789012, full-width digits, a long vowel
 * mark typed for a hyphen), so case, width, spaces and dashes do not count.
 */
export const trackingKey = (trackingNumber: string) => trackingNumber.normalize("NFKC").replace(/[\s\-‐‑‒–—―−ーｰ]/g, "").toUpperCase();
