/** Newer / Older buttons of a paged list; `next` is the gateway's `next_page` (null: no more). */
export function Pager({
  page,
  next,
  onPage,
}: {
  page: number;
  next: number | null | undefined;
  onPage: (page: number) => void;
}) {
  return (
    <div className="buttons">
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        Newer
      </button>
      <button
        type="button"
        disabled={next === undefined || next === null}
        onClick={() => onPage(next ?? page)}
      >
        Older
      </button>
    </div>
  );
}
