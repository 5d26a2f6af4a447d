// Plain links: the browser downloads through the same-origin /api proxy with the session cookie, and
// the api's Content-Disposition names the file.
export function ExportSection() {
  return (
    <section className="card p-4 sm:p-6" aria-labelledby="export-heading">
      <h2 id="export-heading" className="font-semibold">
        Export
      </h2>
      <p className="mt-1 max-w-2xl text-sm text-slate-600">
        Everything (your lists and every task, completed ones too, with notes, tags, dates and repeats) as one
        JSON file you can import again, or your tasks as a CSV for a spreadsheet.
      </p>
      <div className="mt-4 flex flex-wrap gap-2">
        <a href="/api/export" download className="btn btn-primary" data-testid="export-json">
          Download everything (JSON)
        </a>
        <a href="/api/export?format=csv" download className="btn btn-secondary" data-testid="export-csv">
          Download tasks (CSV)
        </a>
      </div>
    </section>
  );
}
