export function Pager({ skip, limit, total, onPage }: { skip: number; limit: number; total: number; onPage: (skip: number) => void }) {
  const page = Math.floor(skip / limit) + 1;
  const pages = Math.max(1, Math.ceil(total / limit));
  return (
    <nav class="pager" aria-label="ページ送り">
      <button type="button" disabled={skip === 0} onClick={() => onPage(Math.max(0, skip - limit))}>前へ</button>
      <span>{page} / {pages} ページ（全 {total.toLocaleString("ja-JP")} 件）</span>
      <button type="button" disabled={skip + limit >= total} onClick={() => onPage(skip + limit)}>次へ</button>
    </nav>
  );
}
