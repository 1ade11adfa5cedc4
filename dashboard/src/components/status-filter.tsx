/** The status filter above every list. */
export function StatusFilter({ value, labels, onChange }: { value: string; labels: Record<string, string>; onChange: (status: string) => void }) {
  return (
    <label>ステータスで絞り込み{" "}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">すべて</option>
        {Object.entries(labels).map(([status, label]) => <option value={status}>{label}</option>)}
      </select>
    </label>
  );
}
