from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Researcher


class ResearcherViewSet(SnippetViewSet):
    model = Researcher
    icon = "user"
    list_display = ["name", "affiliation", "orcid"]
    search_fields = ["name", "affiliation"]


register_snippet(ResearcherViewSet)
