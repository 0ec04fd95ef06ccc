""" "Was this useful?" on cases and articles: a plain form, anonymous, one answer per page per
daily session, rate-limited, telling what it records; counts for editors only."""

from django.contrib.auth.models import Group

import pytest

from insights.models import PageFeedback
from search.models import SearchLog


@pytest.fixture
def case(cases):
    return cases["Nairobi health workers"]


def _post(client, page, **data):
    return client.post(f"/feedback/{page.pk}/", data, REMOTE_ADDR="198.51.100.7")


@pytest.mark.django_db
def test_case_and_article_pages_ask_and_say_what_is_recorded(client, case, article_factory):
    for page in (case, article_factory(title="Learning cities")):
        html = client.get(page.url).content.decode()
        assert "Was this useful?" in html
        assert f'action="/feedback/{page.pk}/"' in html
        assert "no IP address" in html
        assert "Will you use something from it?" not in html


@pytest.mark.django_db
def test_the_form_works_without_javascript(client, case):
    response = _post(client, case, useful="yes")
    assert response.status_code == 303
    assert response["Location"] == f"{case.url}?feedback=yes#page-feedback"
    follow_up = client.get(f"{case.url}?feedback=yes").content.decode()
    assert "Will you use something from it?" in follow_up and "In my organisation" in follow_up
    response = _post(client, case, useful="yes", will_use="organisation")
    assert response["Location"].endswith("?feedback=done#page-feedback")
    assert "Thank you for your answer." in client.get(response["Location"]).content.decode()
    answer = PageFeedback.objects.get()
    assert (answer.page_id, answer.useful, answer.will_use) == (case.pk, True, "organisation")


@pytest.mark.django_db
def test_one_answer_per_page_per_session_with_the_search_logs_hash(client, case):
    client.get(
        "/api/v2/search/?q=health"
    )  # the visitor's daily session, as the search log keeps it
    _post(client, case, useful="yes")
    _post(client, case, useful="no")
    answer = PageFeedback.objects.get()
    assert answer.useful is False
    assert answer.session == SearchLog.objects.get().session
    assert len(answer.session) == 64
    other_visitor = client.__class__()
    _post(other_visitor, case, useful="yes")
    assert PageFeedback.objects.count() == 2


@pytest.mark.django_db
def test_javascript_gets_json(client, case):
    response = client.post(
        f"/feedback/{case.pk}/", {"useful": "no"}, HTTP_ACCEPT="application/json"
    )
    assert response.status_code == 201 and response.json() == {"recorded": True, "step": "no"}
    bad = client.post(f"/feedback/{case.pk}/", {"useful": "maybe"}, HTTP_ACCEPT="application/json")
    assert bad.status_code == 400 and list(bad.json()["errors"]) == ["useful"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data, status",
    [({"useful": ""}, 400), ({"useful": "yes", "will_use": "always"}, 400), ({}, 400)],
)
def test_bad_answers_get_400_and_nothing_is_stored(client, case, data, status):
    response = _post(client, case, **data)
    assert response.status_code == status
    assert "could not be recorded" in response.content.decode()
    assert not PageFeedback.objects.exists()


@pytest.mark.django_db
def test_drafts_other_pages_and_other_sites_are_refused(client, cases):
    from cases.models import CasePage

    draft = CasePage.objects.get(title="Draft in Accra")
    assert client.post(f"/feedback/{draft.pk}/", {"useful": "yes"}).status_code == 404
    assert client.post(f"/feedback/{draft.get_parent().pk}/", {"useful": "yes"}).status_code == 404
    case = cases["Lima water kiosks"]
    forged = client.post(
        f"/feedback/{case.pk}/", {"useful": "yes"}, HTTP_ORIGIN="https://evil.example"
    )
    assert forged.status_code == 403
    assert client.get(f"/feedback/{case.pk}/").status_code == 405
    assert not PageFeedback.objects.exists()


@pytest.mark.django_db
def test_answers_are_rate_limited(client, case, settings):
    settings.FEEDBACK_RATE = "3/hour"
    assert [_post(client, case, useful="yes").status_code for _ in range(4)] == [303, 303, 303, 429]


@pytest.mark.django_db
def test_counts_per_page_for_editors_not_the_public(client, case, django_user_model):
    for answer in ("yes", "yes", "no"):
        _post(client.__class__(), case, useful=answer)
    page_html = client.get(case.url).content.decode()
    assert "Answers" not in page_html
    assert client.get("/admin/research/feedback/").status_code == 302  # to the login
    for group in ("Editors", "Moderators", "Researchers", "Science editors"):
        user = django_user_model.objects.create_user(group.replace(" ", ""), None, "pw")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        html = client.get("/admin/research/feedback/").content.decode()
        assert case.title in html, group
        assert "<td>3</td><td>2</td><td>1</td>" in html.replace("\n", "")
    csv = client.get("/admin/research/feedback/?export=csv").content.decode()
    assert f"{case.title},3,2,1" in csv
    nobody = django_user_model.objects.create_user("nobody", None, "pw")
    client.force_login(nobody)
    assert client.get("/admin/research/feedback/").status_code in (302, 403)
