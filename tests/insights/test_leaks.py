"""Nothing private leaves through the insights: not a draft, not a submitter, not a visitor's
own words, not a session hash, on the page, in its CSV downloads or in the API."""

import pytest

from insights.figures import FIGURES
from insights.models import PageFeedback
from submissions.models import Submission, SurveyResponse
from tests.factories import CasePageFactory

SECRETS = [
    "SECRETDRAFT",
    "Zebulon Insightcheck",
    "zebulon.insight@example.org",
    "SECRETWORDS",
    "a" * 64,
]


@pytest.mark.django_db
def test_no_endpoint_page_or_csv_of_the_insights_leaks(client, cases):
    CasePageFactory(title="SECRETDRAFT case", country="MZ", city="SECRETDRAFT city", live=False)
    Submission.objects.create(
        title="SECRETDRAFT submission", submitter_name=SECRETS[1], submitter_email=SECRETS[2]
    )
    for n in range(6):
        SurveyResponse.objects.create(
            sector="ngo",
            country="KE",
            learning_channels=["networks"],
            what_learned="SECRETWORDS",
            comments="SECRETWORDS",
            consent_share_text=True,
        )
        PageFeedback.objects.create(
            page=cases["Lima water kiosks"], session=str(n) * 64, useful=True
        )
    PageFeedback.objects.create(page=cases["Lagos flood maps"], session="a" * 64, useful=False)
    html = client.get("/insights/").content.decode()
    urls = [f"/api/v2/insights/{name}/" for name in FIGURES] + [
        f"/api/v2/insights/{name}/?region=014" for name in FIGURES
    ]
    urls += [
        f"/insights/csv/{key}/"
        for key in ("coverage", "countries", "timeline-months", "survey-sector", "survey-useful")
    ]
    bodies = [html] + [client.get(url).content.decode() for url in urls]
    for body in bodies:
        for secret in SECRETS:
            assert secret not in body
    countries = client.get("/api/v2/insights/countries/").json()["countries"]
    assert "MZ" not in {row["country"] for row in countries}
