const tones: Record<string, string> = {
  PAID: "ok", COMPLETED: "ok", SENT: "ok", DELIVERED: "ok", SHIPPED: "info",
  PENDING: "wait", PAYMENT_PROCESSING: "wait", PROCESSING: "wait",
  PAYMENT_FAILED: "bad", FAILED: "bad", CANCELLED: "muted", REFUNDED: "muted", PARTIALLY_REFUNDED: "info",
};

export function Badge({ status, labels }: { status: string | null; labels: Record<string, string> }) {
  if (!status) return <span class="badge muted">—</span>;
  return <span class={`badge ${tones[status] ?? "muted"}`} data-status={status}>{labels[status] ?? status}</span>;
}
