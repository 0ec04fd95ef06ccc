"""What the research instrument keeps: the insights page editors introduce, the answers to
"Was this useful?", the daily roll-ups of the search log behind the dashboards, and the record
of each research data release."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page


class InsightsPage(RoutablePageMixin, Page):
    """/insights/: where urban knowledge is and is not being shared, as charts with tables and
    CSV downloads. Editors write the introduction; the figures are computed."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("insights page")

    @path("")
    def charts(self, request):
        from .views import insights_page

        return insights_page(self, request)

    @path("csv/<slug:name>/")
    def csv(self, request, name):
        from .views import insights_csv

        return insights_csv(self, request, name)


class WillUse(models.TextChoices):
    """The levels of learning the research asks about."""

    NO = "no", _("No")
    MAYBE = "maybe", _("Maybe")
    OWN_WORK = "own_work", _("In my own work")
    ORGANISATION = "organisation", _("In my organisation")
    NETWORK = "network", _("In my network")


class PageFeedback(models.Model):
    """One anonymous answer to "Was this useful?" on a case or article: yes or no, and perhaps
    whether the visitor will use something from it. One per page per daily session; no
    address, no user agent, no account."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="+")
    session = models.CharField(
        max_length=64, help_text=_("The search log's daily salted session hash.")
    )
    useful = models.BooleanField(_("useful"))
    will_use = models.CharField(
        _("will use something from it"), max_length=20, choices=WillUse.choices, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # Indexed: cached survey figures are keyed on the latest change (services.answers_version).
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("page feedback")
        verbose_name_plural = _("page feedback")
        constraints = [
            models.UniqueConstraint(fields=["page", "session"], name="one_feedback_per_session")
        ]

    def __str__(self):
        return f"{'yes' if self.useful else 'no'} on page {self.page_id}"


# Daily roll-ups of the search log ---------------------------------------------------------------
# Each past day is summarised once (insights.rollups, run by a django-task), so a dashboard over
# a year reads a few hundred small rows instead of a million log rows.


class SearchDay(models.Model):
    """The search log of one day, summed up."""

    day = models.DateField(unique=True)
    searches = models.PositiveIntegerField(default=0)
    zero_results = models.PositiveIntegerField(default=0)
    filtered = models.PositiveIntegerField(default=0, help_text=_("Searches with a filter."))
    sessions = models.PositiveIntegerField(default=0)
    clicks = models.PositiveIntegerField(default=0)
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["day"]
        permissions = [("view_research_dashboards", _("Can see the research dashboards"))]

    def __str__(self):
        return f"{self.day}: {self.searches} searches"


class QueryDay(models.Model):
    """How often one normalised query was searched on one day, and how often it found nothing."""

    day = models.DateField()
    query = models.CharField(max_length=200)
    searches = models.PositiveIntegerField()
    zero_results = models.PositiveIntegerField()
    sessions = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["day", "query"])]

    def __str__(self):
        return f"{self.day}: {self.query}"


class RefinementPair(models.Model):
    """A query and the different one a visitor searched next in the same session, with the
    sessions it was seen in over all time: the dashboard only sums the days of pairs that
    could reach 5 sessions, so a year of one-off pairs costs it nothing."""

    key = models.CharField(max_length=40, unique=True, help_text=_("Hash of the two queries."))
    query = models.CharField(max_length=200)
    next_query = models.CharField(max_length=200)
    sessions = models.PositiveIntegerField(default=0, db_index=True)

    def __str__(self):
        return f"{self.query} → {self.next_query}"


class RefinementDay(models.Model):
    """How often a refinement pair was seen on one day, and in how many sessions."""

    day = models.DateField()
    pair = models.ForeignKey(RefinementPair, on_delete=models.CASCADE, related_name="days")
    count = models.PositiveIntegerField()
    sessions = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["day"]), models.Index(fields=["pair", "day"])]

    def __str__(self):
        return f"{self.day}: {self.pair_id}"


class RefinementMonth(models.Model):
    """A refinement pair's days of one calendar month, summed (`month` is the month's first day):
    the refinements panel reads these for the whole months of its period and the days only at
    its edges, so a year costs at most 12 rows per pair instead of 365. Kept equal to the sum
    of the pair's RefinementDay rows in that month whenever a day is rolled up."""

    month = models.DateField(help_text=_("The first day of the month."))
    pair = models.ForeignKey(RefinementPair, on_delete=models.CASCADE, related_name="months")
    count = models.PositiveIntegerField()
    sessions = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pair", "month"], name="one_refinement_month_per_pair")
        ]
        # All the panel reads, so PostgreSQL can answer from the index alone.
        indexes = [
            models.Index(
                fields=["month", "pair", "count", "sessions"], name="refinement_month_sums"
            )
        ]

    def __str__(self):
        return f"{self.month:%Y-%m}: {self.pair_id}"


class PositionDay(models.Model):
    """Clicks on the result at one position on one day, and the searches whose first page of
    results reached that position (position 21 stands for "21 and further")."""

    day = models.DateField()
    position = models.PositiveSmallIntegerField()
    reached = models.PositiveIntegerField()
    clicks = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.day}: position {self.position}"


class FacetDay(models.Model):
    """How many searches on one day used one value of one filter."""

    day = models.DateField()
    facet = models.CharField(max_length=20)
    value = models.CharField(max_length=100)
    searches = models.PositiveIntegerField()

    class Meta:
        indexes = [models.Index(fields=["day"])]

    def __str__(self):
        return f"{self.day}: {self.facet}={self.value}"


class ResearchRelease(models.Model):
    """One versioned research data package written by `manage.py research_release`: where its
    files are, what they hold, and the period it covers. Affiliated researchers fetch it through
    /api/v2/research/releases/."""

    version = models.CharField(max_length=20, unique=True)
    date_from = models.DateField(_("from"))
    date_to = models.DateField(_("to"))
    created_at = models.DateTimeField(auto_now_add=True)
    directory = models.CharField(max_length=500, help_text=_("Where the files were written."))
    descriptor = models.JSONField(help_text=_("The Frictionless datapackage.json."))
    files = models.JSONField(default=list, help_text=_("name, bytes and sha256 of each file"))

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("research data release")

    def __str__(self):
        return f"Release {self.version} ({self.date_from} to {self.date_to})"
