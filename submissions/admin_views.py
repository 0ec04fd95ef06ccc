"""What moderators see of a submission in the admin: the inbox columns (where it stands, whether
the case is live, links to the draft and its review) and the inspect view with the submitted
case itself."""

from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail_modeladmin.views import InspectView


def status_tag(submission):
    """The status as one unbreakable tag; a publishing problem is shown beside it."""
    tag = format_html(
        '<span class="submission-status submission-status--{}">{}</span>',
        submission.status,
        submission.get_status_display(),
    )
    if submission.publish_error:
        tag = format_html(
            '{} <span class="submission-status submission-status--failed" title="{}">{}</span>',
            tag,
            submission.publish_error,
            _("Publishing failed"),
        )
    return tag


def on_site(submission):
    """ "Live" with a link to the public page once the case is published, else "Not live"."""
    page = submission.page
    if page is not None and page.live:
        url = page.get_url()
        if url:
            return format_html('<a class="submission-live" href="{}">{}</a>', url, _("Live"))
    return _("Not live")


def edit_link(submission):
    if submission.page_id is None:
        return "—"
    label = _("Edit the case") if submission.page.live else _("Edit the draft")
    return format_html(
        '<a href="{}">{}</a>', reverse("wagtailadmin_pages:edit", args=[submission.page_id]), label
    )


def workflow_link(submission):
    if submission.page_id is None:
        return "—"
    return format_html(
        '<a href="{}">{}</a>',
        reverse("wagtailadmin_pages:workflow_history", args=[submission.page_id]),
        _("Workflow history"),
    )


class SubmissionInspectView(InspectView):
    """The submission's record with readable labels, its status history, and the case as the
    page's latest revision holds it (what was sent, with any moderator's edits)."""

    def get_field_label(self, field_name, field=None):
        return capfirst(super().get_field_label(field_name, field))

    def get_context_data(self, **kwargs):
        submission = self.instance
        page = submission.page
        case = None
        if page is not None:
            revision = page.get_latest_revision()
            case = revision.as_object() if revision else page.specific
        return super().get_context_data(
            case=case,
            case_live=page is not None and page.live,
            case_url=page.get_url() if page is not None and page.live else "",
            status=status_tag(submission),
            log=submission.log.select_related("user"),
            **kwargs,
        )


# Column headings of the inbox.
status_tag.short_description = gettext_lazy("Status")
status_tag.admin_order_field = "status"
on_site.short_description = gettext_lazy("On the site")
edit_link.short_description = gettext_lazy("Case page")
workflow_link.short_description = gettext_lazy("Review")
