"""Posting Wagtail's page editor the way a browser does: the editor's form as served (parsed
from the real edit page), plus the StreamField and comment fields its scripts would add."""

import json

from django.http import QueryDict
from django.urls import reverse

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from cases.models import CasePage


def edit_url(page_id):
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def editor_data(client, page_id, **changes):
    """What the editor posts for "Save draft"; add a review action with `review_action()`."""
    html = client.get(edit_url(page_id)).content.decode()
    served = querydict_from_html(html, form_id="page-edit-form")
    data = QueryDict(mutable=True)
    for key in served:
        if "__prefix__" in key:
            continue  # the templates for rows added by script, never posted
        # A browser drops the newline that follows <textarea>.
        data.setlist(key, [v.removeprefix("\n") for v in served.getlist(key)])
    page = CasePage.objects.get(pk=page_id).get_latest_revision_as_object()
    data.update(
        nested_form_data(
            {
                "body": streamfield([(b.block_type, rich_text(b.value.source)) for b in page.body]),
                "links": streamfield(
                    [
                        ("link", {"url": b.value["url"], "title": b.value["title"]})
                        for b in page.links
                    ]
                ),
                "attachments": streamfield([]),
                "video": streamfield([(b.block_type, b.value.url) for b in page.video]),
                "comments": inline_formset([]),
            }
        )
    )
    for key, value in changes.items():
        data[key] = value
    return data


def review_action(data, action="approve", comment=""):
    """The hidden inputs the editor's script adds when a review button is pressed."""
    data = data.copy()
    data["action-workflow-action"] = "true"
    data["workflow-action-name"] = action
    data["workflow-action-extra-data"] = json.dumps({"comment": comment})
    return data


def workflow_action_url(page_id, action="approve"):
    """The dashboard's (and the review modal's) direct action on the current task."""
    state = WorkflowState.objects.active().get(object_id=str(page_id))
    return reverse(
        "wagtailadmin_pages:workflow_action", args=[page_id, action, state.current_task_state.pk]
    )
