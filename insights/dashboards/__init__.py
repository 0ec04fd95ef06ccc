"""The researchers' dashboards in the Wagtail admin: search analytics, the submissions funnel
and moderation lead time, survey and "Was this useful?" results, over a date range, each panel
with a CSV export. Search figures come from the daily roll-ups (insights.rollups) plus today's
log, so every panel reads a bounded number of rows."""
