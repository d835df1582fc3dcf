/**
 * Previous / next buttons of a paged list; `next` is the page that follows (the gateway's
 * `next_page`; null: no more). Updates and alerts call them Newer and Older.
 */
export function Pager({
  page,
  next,
  onPage,
  labels = { previous: 'Newer', next: 'Older' },
}: {
  page: number;
  next: number | null | undefined;
  onPage: (page: number) => void;
  labels?: { previous: string; next: string };
}) {
  return (
    <div className="buttons">
      <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
        {labels.previous}
      </button>
      <button
        type="button"
        disabled={next === undefined || next === null}
        onClick={() => onPage(next ?? page)}
      >
        {labels.next}
      </button>
    </div>
  );
}
