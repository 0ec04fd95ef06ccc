"""k-anonymity: every figure built from visitors' answers hides groups of fewer than 5."""

import pytest

from insights import privacy
from insights.models import PageFeedback
from submissions.models import SurveyResponse


def test_small_cells_are_hidden_and_a_lone_hidden_cell_is_protected():
    rows = [
        {"v": "a", "count": 12},
        {"v": "b", "count": 3},
        {"v": "c", "count": 7},
        {"v": "d", "count": 0},
    ]
    hidden = privacy.suppress(rows)
    assert [row["count"] for row in hidden] == [12, None, 7, 0]
    assert [row["suppressed"] for row in hidden] == [False, True, False, False]
    # One answer per respondent and a published total: b = total - a - c, so c goes too.
    exclusive = privacy.suppress(rows, exclusive=True)
    assert [row["count"] for row in exclusive] == [12, None, None, 0]
    assert privacy.total(4) is None and privacy.total(5) == 5 and privacy.total(0) == 0


@pytest.mark.django_db
def test_survey_figure_hides_groups_under_five(client, db):
    for n in range(9):
        SurveyResponse.objects.create(
            sector="ngo" if n < 6 else "academia",
            learning_channels=["networks"] if n < 5 else ["conferences"],
            motivations=[],
        )
    body = client.get("/api/v2/insights/survey/").json()
    assert body["responses"] == 9 and body["threshold"] == 5
    sector = {a["value"]: a for a in body["questions"][0]["answers"]}
    assert sector["academia"]["count"] is None and sector["academia"]["suppressed"]
    # Six NGO answers would give away the three academics (9 - 6): hidden too.
    assert sector["ngo"]["count"] is None
    channels = {a["value"]: a["count"] for a in body["questions"][1]["answers"]}
    assert channels["networks"] == 5 and channels["conferences"] is None
    html = client.get("/insights/").content.decode()
    assert "&lt;5" in html


@pytest.mark.django_db
def test_feedback_figure_hides_groups_under_five(client, cases):
    case = cases["Lima water kiosks"]
    for n in range(7):
        PageFeedback.objects.create(
            page=case, session=f"s{n}", useful=n < 6, will_use="maybe" if n < 2 else ""
        )
    useful = client.get("/api/v2/insights/survey/").json()["useful"]
    assert useful["answers"] == 7
    assert [row["count"] for row in useful["useful"]] == [None, None]  # 6 yes would reveal 1 no
    assert {row["value"]: row["count"] for row in useful["will_use"]}["maybe"] is None
