"""The five self-assessment questions a case answers (issue 14): how well it is evidenced,
how people took part, how it is funded, how it is documented and whether it travelled. The
values are a contract with the submission and benchmark APIs: keep them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Evidence(models.TextChoices):
    NONE = "none", _("No evidence yet")
    ANECDOTAL = "anecdotal", _("Anecdotal")
    MONITORED = "monitored", _("Monitored")
    EVALUATED = "evaluated", _("Independently evaluated")


class Participation(models.TextChoices):
    INFORMED = "informed", _("Residents were informed")
    CONSULTED = "consulted", _("Residents were consulted")
    CO_DESIGNED = "co_designed", _("Co-designed with residents")
    CO_MANAGED = "co_managed", _("Co-managed with residents")


class Funding(models.TextChoices):
    ONE_OFF = "one_off", _("One-off")
    MULTI_YEAR = "multi_year", _("Multi-year")
    STRUCTURAL = "structural", _("Structural (in the regular budget)")


class Documentation(models.TextChoices):
    NONE = "none", _("Not documented")
    INTERNAL = "internal", _("Documented internally")
    PUBLIC = "public", _("Documented publicly")


class Transfer(models.TextChoices):
    NONE = "none", _("Not transferred")
    WITHIN_CITY = "within_city", _("Transferred within the city")
    OTHER_CITIES = "other_cities", _("Transferred to other cities")


# field name -> (label, choices), in the order they are asked.
ASSESSMENT = {
    "evidence": (_("Evidence of results"), Evidence),
    "participation": (_("Participation"), Participation),
    "funding": (_("Funding"), Funding),
    "documentation": (_("Documentation"), Documentation),
    "transfer": (_("Transfer"), Transfer),
}
ASSESSMENT_FIELDS = tuple(ASSESSMENT)


def assessment_field(name):
    """The optional model field of one question."""
    label, choices = ASSESSMENT[name]
    return models.CharField(label, max_length=20, choices=choices.choices, blank=True)
