from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import SDG, Topic


class SDGViewSet(SnippetViewSet):
    model = SDG
    icon = "globe"
    list_display = ["number", "title", "colour"]
    menu_label = "SDGs"


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    items = (SDGViewSet, TopicViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Taxonomy"
    menu_name = "taxonomy"


register_snippet(TaxonomyGroup)
