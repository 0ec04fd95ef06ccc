"""What visitors told us: the "Tell us how you share" survey and "Was this useful?". Built from
visitors' answers, so every cell under 5 responses is hidden (see insights.privacy). The
filters narrow cases, not answers: answers are not about an SDG, a region or a start year, and
comparing filtered with unfiltered answer counts would let small groups be worked out."""

from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .. import privacy, sources
from ..models import PageFeedback, WillUse

QUESTIONS = [
    # (answer field, question, exclusive: one answer per respondent)
    ("sector", _("Where do you work?"), True),
    ("learning_channels", _("How do you learn from other cities?"), False),
    ("motivations", _("What motivates you to share your own experience?"), False),
    ("barriers", _("What keeps you from sharing?"), False),
    ("learning_levels", _("Where does what you learn end up?"), False),
]


def choice_labels():
    """{question: {value: label}} of the survey's closed questions, from the survey's form."""
    from submissions.forms import Choices

    return {
        "sector": dict(Choices.SECTORS),
        "learning_channels": dict(Choices.LEARNING_CHANNELS),
        "motivations": dict(Choices.MOTIVATIONS),
        "barriers": dict(Choices.BARRIERS),
        "learning_levels": dict(Choices.LEARNING_LEVELS),
    }


def survey_distribution(date_from=None, date_to=None):
    """(responses, [question, ...]) with each answer's count; small cells hidden."""
    answers = list(sources.survey_answers(date_from, date_to))
    labels = choice_labels()
    questions = []
    for name, question, exclusive in QUESTIONS:
        counts = {}
        for answer in answers:
            chosen = answer[name] if isinstance(answer[name], list) else [answer[name]]
            for value in set(chosen):
                counts[value] = counts.get(value, 0) + 1
        values = list(labels[name]) + sorted(set(counts) - set(labels[name]))
        rows = [
            {
                "value": value,
                "label": str(labels[name].get(value, value)),
                "count": counts.get(value, 0),
            }
            for value in values
        ]
        questions.append(
            {
                "question": name,
                "label": str(question),
                "exclusive": exclusive,
                "answers": privacy.suppress(rows, exclusive=exclusive),
            }
        )
    return privacy.total(len(answers)), questions


def feedback_distribution(feedback=None):
    """Answers to "Was this useful?" and "Will you use something from it?"; small cells hidden."""
    feedback = PageFeedback.objects.all() if feedback is None else feedback
    useful = dict(feedback.values_list("useful").annotate(count=Count("pk")).order_by())
    will_use = dict(
        feedback.exclude(will_use="").values_list("will_use").annotate(count=Count("pk")).order_by()
    )
    total = sum(useful.values())
    return {
        "answers": privacy.total(total),
        "useful": privacy.suppress(
            [
                {"value": "yes", "label": str(_("Yes")), "count": useful.get(True, 0)},
                {"value": "no", "label": str(_("No")), "count": useful.get(False, 0)},
            ],
            exclusive=True,
        ),
        "will_use": privacy.suppress(
            [
                {"value": value, "label": str(label), "count": will_use.get(value, 0)}
                for value, label in WillUse.choices
            ]
        ),
    }


def survey(filters):
    responses, questions = survey_distribution()
    return {
        "responses": responses,
        "questions": questions,
        "useful": feedback_distribution(),
        "threshold": privacy.K,
    }
