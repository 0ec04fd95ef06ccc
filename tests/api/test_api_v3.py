"""Wagtail API v3 at /api/v3/: partners write with a bearer token, and nothing they write is
published without review; without a token it serves live, public pages only."""

import json

from django.contrib.auth.models import Group

from wagtail.models import (
    APIToken,
    GroupApprovalTask,
    Page,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
)

import pytest

from cases.models import CaseIndexPage, CasePage


@pytest.fixture
def case_review(db):
    """The "Case review" workflow on the case index (the submissions data migration creates
    it; built here when that migration is not present)."""
    index = CaseIndexPage.objects.get()
    workflow = index.get_workflow()
    if workflow is None:
        moderators, _ = Group.objects.get_or_create(name="Moderators")
        workflow = Workflow.objects.create(name="Case review")
        task = GroupApprovalTask.objects.create(name="Moderator approval")
        task.groups.set([moderators])
        workflow.workflow_tasks.create(task=task, sort_order=0)
        WorkflowPage.objects.create(workflow=workflow, page=index)
    return workflow


@pytest.fixture
def partner_token(django_user_model):
    # A superuser: even the strongest account cannot publish a case through the API.
    user = django_user_model.objects.create_superuser("partner", "partner@example.org", "pw")
    _, plaintext = APIToken.create_token(user=user, name="City portal")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def _case_payload(**meta):
    return {
        "meta": {"parent_id": CaseIndexPage.objects.get().pk, "type": "cases.CasePage", **meta},
        "title": "Rain gardens in Rotterdam",
        "slug": "rain-gardens-in-rotterdam",
        "summary": "Streets that hold water.",
        "city": "Rotterdam",
        "country": "NL",
        "sdgs": [6, 11],
    }


def _post(client, path, data, headers):
    return client.post(path, json.dumps(data), content_type="application/json", **headers)


@pytest.mark.django_db
def test_created_case_is_a_draft_in_review(client, case_review, partner_token):
    response = _post(client, "/api/v3/pages/", _case_payload(), partner_token)
    assert response.status_code == 201, response.content
    page = CasePage.objects.get(slug="rain-gardens-in-rotterdam")
    assert not page.live
    assert page.workflow_in_progress
    assert page.current_workflow_state.workflow == case_review
    # Not visible to anyone without a token.
    assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
    assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


@pytest.mark.django_db
def test_creating_a_case_live_is_refused(client, case_review, partner_token):
    response = _post(client, "/api/v3/pages/", _case_payload(action="publish"), partner_token)
    assert response.status_code == 403, response.content
    assert "review" in response.json()["detail"]
    assert not CasePage.objects.filter(slug="rain-gardens-in-rotterdam").exists()


@pytest.mark.django_db
def test_publishing_a_case_through_the_api_is_refused(
    client, case_review, partner_token, case_factory
):
    draft = case_factory(title="Draft waiting for review", live=False)
    response = _post(client, f"/api/v3/pages/{draft.pk}/actions/publish/", {}, partner_token)
    assert response.status_code == 403, response.content
    draft.refresh_from_db()
    assert not draft.live


@pytest.mark.django_db
def test_editing_a_live_case_leaves_the_live_version_and_starts_review(
    client, case_review, partner_token, case_factory
):
    case = case_factory(title="Original title")
    response = client.patch(
        f"/api/v3/pages/{case.pk}/",
        json.dumps({"meta": {"type": "cases.CasePage"}, "title": "Changed by a partner"}),
        content_type="application/json",
        **partner_token,
    )
    assert response.status_code == 200, response.content
    case.refresh_from_db()
    assert case.live and case.title == "Original title"
    assert case.workflow_in_progress
    assert client.get(f"/api/v2/pages/{case.pk}/").json()["title"] == "Original title"
    assert client.get(f"/api/v3/pages/{case.pk}/").json()["title"] == "Original title"

    patch_live = client.patch(
        f"/api/v3/pages/{case.pk}/",
        json.dumps({"meta": {"type": "cases.CasePage", "action": "publish"}, "title": "Live!"}),
        content_type="application/json",
        **partner_token,
    )
    assert patch_live.status_code == 403
    case.refresh_from_db()
    assert case.title == "Original title"


@pytest.mark.django_db
def test_copy_of_a_live_case_is_a_draft_and_aliases_are_refused(
    client, case_review, partner_token, case_factory
):
    case = case_factory(title="Copied case")
    response = _post(
        client,
        f"/api/v3/pages/{case.pk}/actions/copy/",
        {"slug": "copied-case-2", "keep_live": True},
        partner_token,
    )
    assert response.status_code == 201, response.content
    assert not Page.objects.get(slug="copied-case-2").live
    alias = _post(
        client,
        f"/api/v3/pages/{case.pk}/actions/create_alias/",
        {"slug": "alias-of-case"},
        partner_token,
    )
    assert alias.status_code == 403
    assert not Page.objects.filter(slug="alias-of-case").exists()


@pytest.mark.django_db
def test_without_a_token_v3_serves_only_live_public_pages(client, case_factory):
    live = case_factory(title="Live case")
    draft = case_factory(title="Secret draft", live=False)
    private = case_factory(title="Private case")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    live.title = "Unpublished edit"
    live.save_revision()

    titles = [item["title"] for item in client.get("/api/v3/pages/?limit=100").json()["items"]]
    assert "Live case" in titles
    assert not {"Secret draft", "Private case", "Unpublished edit"} & set(titles)
    for page in (draft, private):
        assert client.get(f"/api/v3/pages/{page.pk}/").status_code == 404
    detail = client.get(f"/api/v3/pages/{live.pk}/?version=draft").json()
    assert detail["title"] == "Live case"
    assert client.post("/api/v3/pages/", "{}", content_type="application/json").status_code == 401
