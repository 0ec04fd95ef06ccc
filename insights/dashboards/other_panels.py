"""Panels about submissions, the survey and "Was this useful?" over a date range."""

import statistics

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from wagtail.models import Page

from .. import privacy, sources
from ..figures.visitors import feedback_distribution, survey_distribution
from ..models import PageFeedback
from .base import Panel

# The submission statuses in the order a case goes through review.
FUNNEL = [
    ("received", _("Received")),
    ("changes_requested", _("Changes requested")),
    ("approved", _("Approved and published")),
    ("rejected", _("Rejected")),
    ("withdrawn", _("Review cancelled")),
]
DECISIONS = ("approved", "rejected")


def funnel(period, history):
    reached = {status: 0 for status, _label in FUNNEL}
    for _created, steps in history:
        for status in {status for status, _at in steps} | {"received"}:
            if status in reached:
                reached[status] += 1
    total = len(history)
    finished = {*DECISIONS, "withdrawn"}
    open_now = sum(1 for _c, steps in history if not {s for s, _a in steps} & finished)
    rows = [
        [str(label), reached[status], _share(reached[status], total)] for status, label in FUNNEL
    ]
    rows.append([_("Still under review"), open_now, _share(open_now, total)])
    return Panel(
        "submissions-funnel",
        _("Submissions funnel"),
        [_("Step"), _("Submissions that reached it"), _("% of received")],
        rows,
        note=_("Case submissions received in the period, and how far each has come."),
    )


def _share(part, whole):
    return round(100 * part / whole, 1) if whole else None


def lead_time(period, history):
    days = {"all": [], "approved": [], "rejected": []}
    for created, steps in history:
        decision = next(((s, at) for s, at in steps if s in DECISIONS), None)
        if decision:
            waited = (decision[1] - created).total_seconds() / 86400
            days["all"].append(waited)
            days[decision[0]].append(waited)
    rows = [
        [label, len(values), round(statistics.median(values), 1) if values else None]
        for label, values in (
            (_("Any decision"), days["all"]),
            (_("Approved"), days["approved"]),
            (_("Rejected"), days["rejected"]),
        )
    ]
    return Panel(
        "moderation-lead-time",
        _("Moderation lead time"),
        [_("Decision"), _("Decisions"), _("Median days to the decision")],
        rows,
    )


def survey(period):
    responses, questions = survey_distribution(period.date_from, period.date_to)
    rows = [[_("Responses"), "", responses]]
    for question in questions:
        for answer in question["answers"]:
            rows.append([question["label"], answer["label"], answer["count"]])
    return Panel(
        "survey",
        _("Survey: Tell us how you share"),
        [_("Question"), _("Answer"), _("Respondents")],
        rows,
        note=_("Groups of fewer than %(k)s respondents are hidden.") % {"k": privacy.K},
    )


def feedback(period):
    answers = PageFeedback.objects.filter(
        created_at__date__gte=period.date_from, created_at__date__lte=period.date_to
    )
    overall = feedback_distribution(answers)
    rows = [[_("Answers"), "", overall["answers"]]]
    rows += [[_("Was this useful?"), row["label"], row["count"]] for row in overall["useful"]]
    rows += [
        [_("Will you use something from it?"), row["label"], row["count"]]
        for row in overall["will_use"]
    ]
    return Panel(
        "feedback",
        _("Was this useful?"),
        [_("Question"), _("Answer"), _("Answers")],
        rows,
        note=_("Groups of fewer than %(k)s answers are hidden.") % {"k": privacy.K},
    )


def feedback_by_page(period, limit=50):
    answers = PageFeedback.objects.filter(
        created_at__date__gte=period.date_from, created_at__date__lte=period.date_to
    )
    per_page = (
        answers.values("page_id")
        .annotate(total=Count("pk"), yes=Count("pk", filter=Q(useful=True)))
        .filter(total__gte=privacy.K)
        .order_by("-total", "page_id")[:limit]
    )
    titles = dict(
        Page.objects.filter(pk__in=[row["page_id"] for row in per_page]).values_list("pk", "title")
    )
    return Panel(
        "feedback-by-page",
        _("Was this useful? by page"),
        [_("Page"), _("Answers"), _("Yes"), _("% yes")],
        [
            [
                titles.get(row["page_id"], row["page_id"]),
                row["total"],
                row["yes"],
                _share(row["yes"], row["total"]),
            ]
            for row in per_page
        ],
        note=_("Pages with at least %(k)s answers in the period.") % {"k": privacy.K},
    )


def panels(period):
    history = sources.submission_history(period.date_from, period.date_to)
    return [
        funnel(period, history),
        lead_time(period, history),
        survey(period),
        feedback(period),
        feedback_by_page(period),
    ]
