"""A panel of the insights page: a chart, a table with the same numbers, and its CSV."""

from dataclasses import dataclass, field

HIDDEN = "<5"  # how a hidden cell (fewer than 5 responses) reads in tables and CSV


@dataclass
class Table:
    """An HTML table (first column as row headers) and the CSV download of the same numbers."""

    key: str
    caption: str
    columns: list
    rows: list
    gaps: set = field(default_factory=set)  # (row, column) positions of zero cells to highlight

    def cells(self):
        """Rows as (value, is_gap) pairs, hidden counts shown as HIDDEN."""
        for r, row in enumerate(self.rows):
            yield [
                (HIDDEN if value is None and c else value, (r, c) in self.gaps)
                for c, value in enumerate(row)
            ]


@dataclass
class Panel:
    key: str
    title: str
    spec: dict
    table: Table

    @property
    def spec_id(self):
        """The id of the element holding the chart's Vega-Lite specification (JSON)."""
        return f"spec-{self.key}"
