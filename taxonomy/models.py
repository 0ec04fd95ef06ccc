"""The shared vocabulary of the platform: the 17 SDGs and the topics cases and articles are about."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

SDG_NUMBERS = range(1, 18)


class SDG(index.Indexed, models.Model):
    """One of the 17 UN Sustainable Development Goals; created by a data migration."""

    number = models.PositiveSmallIntegerField(
        primary_key=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    title = models.CharField(max_length=100, help_text="The official short title.")
    colour = models.CharField(
        max_length=7,
        validators=[RegexValidator(r"^#[0-9A-F]{6}$", "Use a hex colour such as #E5243B.")],
        help_text="The official colour of the goal.",
    )

    panels = [FieldPanel("title"), FieldPanel("colour")]
    search_fields = [index.SearchField("title"), index.FilterField("number")]

    class Meta:
        ordering = ["number"]
        verbose_name = "SDG"
        verbose_name_plural = "SDGs"

    def __str__(self):
        return f"SDG {self.number}: {self.title}"

    def as_api(self):
        return {"number": self.number, "title": self.title, "colour": self.colour}


class Topic(TagBase):
    """A theme such as Housing or Mobility. Editors curate the list; pages pick from it."""

    free_tagging = False

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = "topic"
        verbose_name_plural = "topics"

    def as_api(self):
        return {"name": self.name, "slug": self.slug}
