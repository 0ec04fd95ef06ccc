"""k-anonymity for figures built from visitors' answers (the survey, "Was this useful?", the
search log): a cell counting fewer than K responses is hidden, never shown as its number.

Hidden cells carry `"count": null, "suppressed": true`, so a reader (and a chart) can tell a
hidden small number from a real zero. Where a total is published beside a distribution whose
answers exclude each other (one sector per respondent), one hidden cell could be worked out as
the total minus the others; then the next smallest cell is hidden too (secondary suppression).
"""

K = 5


def hides(count):
    """True when `count` responses are too few to show (zero reveals nobody)."""
    return 0 < count < K


def suppress(rows, exclusive=False):
    """Rows of {"count": n, ...} with small counts hidden.

    `exclusive`: the rows partition the respondents (single-choice question) and their total is
    published, so a lone hidden cell is protected by hiding the next smallest one too.
    """
    rows = [dict(row) for row in rows]
    hidden = [row for row in rows if hides(row["count"])]
    if exclusive and len(hidden) == 1:
        shown = sorted((row for row in rows if row["count"] >= K), key=lambda row: row["count"])
        if shown:
            hidden.append(shown[0])
    for row in rows:
        row["suppressed"] = any(row is item for item in hidden)
        if row["suppressed"]:
            row["count"] = None
    return rows


def total(count):
    """A published total of responses: None (hidden) below K."""
    return None if hides(count) else count
