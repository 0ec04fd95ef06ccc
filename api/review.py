"""Nothing a partner writes through Wagtail API v3 reaches the public without review.

Wagtail API v3 performs page writes through Wagtail's action registry (`create`, `edit`,
`publish`, `copy`, `create_alias`, `revert`). Registered here (through the `register_actions`
hook in wagtail_hooks.py) are versions of those actions for pages that need review (cases,
science articles, and any page under a moderation workflow):

- creating or editing saves a draft and submits it to the page's workflow ("Case review",
  "Science review"), exactly as "Submit for moderation" in the admin does;
- publishing, directly or with `"action": "publish"`, is refused with 403 even for users who
  may publish in the admin: through the API, only review publishes;
- copying never copies a page live, and aliases (which mirror a page live) are refused;
- moving refuses a destination outside the page tree (beside the root page).

The admin's own page views and the workflow's approval do not go through the action registry,
so moderators publish as before.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.actions.create_page import CreatePageAction
from wagtail.actions.edit_page import EditPageAction
from wagtail.actions.move_page import MovePageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.revert_to_page_revision import RevertToPageRevisionAction
from wagtail.models import Page

REVIEW_REQUIRED = "Pages of this type are published only through review; save a draft instead."


class ReviewRequired(PermissionDenied):
    """Publishing through the API was asked for a page that only review may publish."""

    def __init__(self, message=REVIEW_REQUIRED):
        super().__init__(message)


def needs_review(page, parent=None):
    """Cases and articles always need review; so does any page under a workflow."""
    from articles.models import ArticlePage
    from cases.models import CasePage

    specific_class = page.specific_class or type(page)
    if issubclass(specific_class, CasePage | ArticlePage):
        return True
    if page.pk:
        return page.get_workflow() is not None
    return parent is not None and parent.get_workflow() is not None


def submit_for_review(page, user):
    """Start the page's workflow on its latest revision, unless review is already under way."""
    workflow = page.get_workflow()
    if workflow is not None and not page.workflow_in_progress:
        workflow.start(page, user)


class ReviewedCreatePageAction(CreatePageAction):
    def check_publish(self):
        if self.publish and needs_review(self.instance, self.parent):
            raise ReviewRequired()
        super().check_publish()

    def execute(self, skip_permission_checks=False):
        with transaction.atomic():
            page = super().execute(skip_permission_checks=skip_permission_checks)
            if needs_review(page):
                submit_for_review(page, self.user)
        return page


class ReviewedEditPageAction(EditPageAction):
    def check_publish(self):
        if self.publish and needs_review(self.instance):
            raise ReviewRequired()
        super().check_publish()

    def execute(self, skip_permission_checks=False):
        with transaction.atomic():
            page = super().execute(skip_permission_checks=skip_permission_checks)
            if needs_review(self.instance):
                submit_for_review(Page.objects.get(pk=self.instance.pk).specific, self.user)
        return page


class ReviewedPublishPageRevisionAction(PublishPageRevisionAction):
    """Registered for the API only: the admin and the workflow publish with Wagtail's own."""

    def check(self, skip_permission_checks=False):
        if needs_review(self.object):
            raise ReviewRequired("Only review publishes this page; it cannot be published here.")
        super().check(skip_permission_checks=skip_permission_checks)


class ReviewedRevertToPageRevisionAction(RevertToPageRevisionAction):
    def execute(self, *args, **kwargs):
        with transaction.atomic():
            revision = super().execute(*args, **kwargs)
            if needs_review(self.instance):
                submit_for_review(Page.objects.get(pk=self.instance.pk).specific, self.user)
        return revision


class ReviewedCopyPageAction(CopyPageAction):
    def __init__(self, page, *args, keep_live=True, **kwargs):
        # A copy of a reviewed page is new content in a new place: it starts as a draft.
        if needs_review(page):
            keep_live = False
        super().__init__(page, *args, keep_live=keep_live, **kwargs)


class ReviewedCreatePageAliasAction(CreatePageAliasAction):
    def check(self, skip_permission_checks=False):
        if needs_review(self.page):
            raise ReviewRequired("An alias would be live without review; copy the page instead.")
        super().check(skip_permission_checks=skip_permission_checks)


class MoveWithinTreePageAction(MovePageAction):
    """Wagtail's move, refusing a destination outside the page tree: a sibling of the root
    page has no parent, and Wagtail's own check fails on that with a server error."""

    def check(self, parent_after, skip_permission_checks=False):
        if parent_after is None:
            raise ValidationError("A page cannot be moved beside the root page.")
        super().check(parent_after, skip_permission_checks=skip_permission_checks)


ACTIONS = [
    ReviewedCreatePageAction,
    ReviewedEditPageAction,
    ReviewedPublishPageRevisionAction,
    ReviewedRevertToPageRevisionAction,
    ReviewedCopyPageAction,
    ReviewedCreatePageAliasAction,
    MoveWithinTreePageAction,
]
