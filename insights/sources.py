"""Where the insights read other apps' data: small functions, so each app's tables are read in
one place and only what the insights need leaves them (never a name, email, address or text
from the public without consent).

- cases: live, public case pages (cases.CasePage), filtered as the pages API filters them;
- knowledge links: `exchange.services.public_links()` when the exchange app is installed;
- the survey: `submissions.SurveyResponse` (answers to closed questions; free text only with
  the respondent's consent, where the survey asks for it);
- the submissions funnel: `submissions.Submission` statuses and their log (no submitter data);
- the search log: `search.SearchLog` and `search.SearchClick`.
"""

from django.apps import apps
from django.db.models import Q

from cases.models import CasePage

# Self-assessment fields a case may carry (issue 14: "benchmark your project"), with their
# values in order. Only the ones the case model has are shown.
ASSESSMENT_FIELDS = {
    "evidence": ("none", "anecdotal", "monitored", "evaluated"),
    "participation": ("informed", "consulted", "co_designed", "co_managed"),
    "funding": ("one_off", "multi_year", "structural"),
    "documentation": ("none", "internal", "public"),
    "transfer": ("none", "within_city", "other_cities"),
}
# The keys each row of exchange.services.public_links() is expected to carry.
LINK_KEYS = (
    "source_city",
    "source_country",
    "source_region",
    "target_city",
    "target_country",
    "target_region",
    "kind",
    "channel",
    "year",
)


def public_cases(filters=None):
    """Live, public cases matching the insight filters (the pages API's meaning)."""
    cases = CasePage.objects.live().public()
    if filters is not None and filters.active:
        matching = CasePage.objects.filter(filters.case_condition()).values("pk")
        cases = cases.filter(pk__in=matching)
    return cases


def assessment_fields():
    """The self-assessment fields the case model has now: {name: values}."""
    names = {field.name for field in CasePage._meta.get_fields()}
    return {name: values for name, values in ASSESSMENT_FIELDS.items() if name in names}


def knowledge_links():
    """Public knowledge-transfer links as dicts with LINK_KEYS, or [] without the exchange app.

    Expects `exchange.services.public_links()` to return only links whose both ends are live
    and public, each row a mapping (or object) with the LINK_KEYS; `source_region` and
    `target_region` are UN M49 region codes ("" when unknown) and `year` may be None. An
    optional `sdgs` (the target case's SDG numbers) lets the SDG filter apply.
    """
    if not apps.is_installed("exchange"):
        return []
    from exchange.services import public_links  # the exchange app is optional

    rows = []
    for link in public_links():
        get = link.get if isinstance(link, dict) else lambda key, _l=link: getattr(_l, key, None)
        row = {key: get(key) for key in LINK_KEYS}
        row["sdgs"] = list(get("sdgs") or [])
        rows.append(row)
    return rows


def survey_model():
    return apps.get_model("submissions", "SurveyResponse")


def survey_answers(date_from=None, date_to=None):
    """Survey answers to the closed questions, as dicts (no free text)."""
    rows = survey_model().objects.order_by("pk")
    if date_from:
        rows = rows.filter(created_at__date__gte=date_from)
    if date_to:
        rows = rows.filter(created_at__date__lte=date_to)
    return rows.values(
        "pk",
        "created_at",
        "sector",
        "country",
        "learning_channels",
        "motivations",
        "barriers",
        "learning_levels",
    )


# The survey's consent to share what respondents wrote in its free-text answers, if the survey
# asks for it: without it, free text never leaves the admin.
TEXT_CONSENT_FIELD = "consent_share_text"


def survey_free_text(pks):
    """{pk: {"what_learned", "comments"}} for the given answers whose respondents consented to
    share their own words; {} when the survey does not ask for that consent."""
    model = survey_model()
    if TEXT_CONSENT_FIELD not in {field.name for field in model._meta.get_fields()}:
        return {}
    rows = model.objects.filter(pk__in=pks, **{TEXT_CONSENT_FIELD: True})
    return {row["pk"]: row for row in rows.values("pk", "what_learned", "comments").order_by("pk")}


def submission_history(date_from, date_to):
    """Case submissions received in the period: [(created_at, [(status, at), ...])], without
    anything about the submitter."""
    Submission = apps.get_model("submissions", "Submission")
    Log = apps.get_model("submissions", "SubmissionStatusLog")
    received = Submission.objects.filter(
        created_at__date__gte=date_from, created_at__date__lte=date_to
    )
    history = {pk: (created, []) for pk, created in received.values_list("pk", "created_at")}
    steps = Log.objects.filter(submission__in=received.values("pk")).order_by("at", "pk")
    for submission_id, status, at in steps.values_list("submission_id", "status", "at"):
        history[submission_id][1].append((status, at))
    return list(history.values())


def search_log():
    from search.models import SearchClick, SearchLog

    return SearchLog, SearchClick


def region_condition(prefix, codes):
    """Q for a case relation (`prefix`) being in any of the region or sub-region `codes`."""
    return Q(**{f"{prefix}region__in": codes}) | Q(**{f"{prefix}subregion__in": codes})
