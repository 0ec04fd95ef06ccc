""" "Benchmark your project": the page that holds the form, the benchmarks visitors make (kept
30 days, reachable only by their unguessable link) and the anonymous research record each one
leaves (no text at all)."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from cases.assessment import assessment_field

# How long a benchmark (what the visitor typed) is kept before `purge_benchmarks` deletes it.
KEEP_DAYS = 30


def new_token():
    return secrets.token_urlsafe(32)


class BenchmarkPage(RoutablePageMixin, Page):
    """The public "Benchmark your project" form. Editors word the introduction; the fields
    are fixed because the API shares them."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    result_intro = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown at the top of every benchmark result."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("result_intro")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []
    max_count_per_parent = 1  # one per language tree, as the other single pages

    class Meta:
        verbose_name = _("benchmark form")

    @path("")
    def form(self, request):
        from .views import serve_benchmark_form

        return serve_benchmark_form(self, request)


class Benchmark(models.Model):
    """One project a visitor described, kept for KEEP_DAYS so its result link works, then
    deleted. Never shown to anyone without the link, never indexed. The result is worked out
    again each time it is shown, so a case unpublished since never appears in it."""

    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # The cleaned form data (text, choices, numbers), as the visitor gave it.
    data = models.JSONField()
    # The vector of its text (float32 bytes) under the model that made it; empty when meaning
    # was off.
    vector = models.BinaryField(null=True, blank=True)
    model = models.CharField(max_length=100, blank=True)

    class Meta:
        verbose_name = _("benchmark")

    def __str__(self):
        return f"benchmark {self.pk}"


class BenchmarkRecord(models.Model):
    """What research keeps of a benchmark, anonymously and without any text: the SDGs,
    country, scale, status and self-assessment, and the month it was made."""

    month = models.DateField(help_text=_("The first day of the month the benchmark was made."))
    sdgs = models.JSONField(default=list)
    country = models.CharField(max_length=2, blank=True)
    scale = models.CharField(max_length=20, blank=True)
    status = models.CharField(max_length=20, blank=True)
    evidence = assessment_field("evidence")
    participation = assessment_field("participation")
    funding = assessment_field("funding")
    documentation = assessment_field("documentation")
    transfer = assessment_field("transfer")

    class Meta:
        verbose_name = _("benchmark research record")

    def __str__(self):
        return f"{self.month:%Y-%m} {self.country}"

    def sdg_numbers(self):
        """The SDG numbers separated by ';', as the open-data CSV writes lists."""
        return ";".join(str(number) for number in self.sdgs)

    sdg_numbers.short_description = _("SDGs")
