"""The shared vocabulary of the platform: the 17 SDGs and the topics cases and articles are about."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext, gettext_noop

from taggit.models import TagBase
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

SDG_NUMBERS = range(1, 18)

# The UN's official short titles of the goals and the starting topics, marked for translation:
# each language's catalogue (locale/) carries the UN's official title in that language, so a
# goal is shown in the visitor's language everywhere while its number (and a topic's slug)
# stays the same in every language, and filters work across languages.
SDG_TITLES = [
    gettext_noop("No Poverty"),
    gettext_noop("Zero Hunger"),
    gettext_noop("Good Health and Well-being"),
    gettext_noop("Quality Education"),
    gettext_noop("Gender Equality"),
    gettext_noop("Clean Water and Sanitation"),
    gettext_noop("Affordable and Clean Energy"),
    gettext_noop("Decent Work and Economic Growth"),
    gettext_noop("Industry, Innovation and Infrastructure"),
    gettext_noop("Reduced Inequalities"),
    gettext_noop("Sustainable Cities and Communities"),
    gettext_noop("Responsible Consumption and Production"),
    gettext_noop("Climate Action"),
    gettext_noop("Life Below Water"),
    gettext_noop("Life on Land"),
    gettext_noop("Peace, Justice and Strong Institutions"),
    gettext_noop("Partnerships for the Goals"),
]
TOPIC_NAMES = [
    gettext_noop("Sustainability"),
    gettext_noop("Migration"),
    gettext_noop("Health"),
    gettext_noop("Safety & Security"),
    gettext_noop("Housing"),
    gettext_noop("Mobility"),
    gettext_noop("Climate"),
    gettext_noop("Poverty"),
    gettext_noop("Inclusion"),
    gettext_noop("Education"),
    gettext_noop("Energy"),
    gettext_noop("Water"),
    gettext_noop("Food"),
    gettext_noop("Public space"),
    gettext_noop("Governance"),
    gettext_noop("Jobs & Economy"),
    gettext_noop("Culture"),
    gettext_noop("Digital city"),
]


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
        return gettext("SDG %(number)s: %(title)s") % {
            "number": self.number,
            "title": self.local_title,
        }

    @property
    def local_title(self):
        """The goal's title in the visitor's language (the UN's official one); a title editors
        changed is shown as they wrote it."""
        return gettext(self.title)

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

    @property
    def local_name(self):
        """The topic's name in the visitor's language (gettext: the starting topics are in
        the catalogues; a topic editors add is shown as they wrote it until it is added)."""
        return gettext(self.name)
