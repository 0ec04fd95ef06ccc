"""The research instrument: public insights (/insights/ and /api/v2/insights/<name>/), the
researchers' dashboards in the admin, "Was this useful?" on cases and articles, and versioned
research data releases. It reads other apps' data through their models and small functions in
`sources`, and never exposes personal data."""
