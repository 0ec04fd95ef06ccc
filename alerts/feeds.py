"""RSS 2.0 and Atom feeds of new cases, new science articles and new library documents, taking
the same filters (and words) as search: `/cases/feed/?sdg=11&region=002`, `/science/feed/`,
`/library/feed/`, and `…/feed/atom/`. Answered by the one search service, newest first, so a
feed holds exactly what the search page lists for the same address."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils import feedgenerator
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from wagtail.models import Page

from search.services import InvalidSearchParameter, SearchParams, search

# Newest items per feed.
FEED_SIZE = 50
# The feeds, by the index page's path: the search type they list and their title.
FEEDS = {
    "cases": ("case", lambda: _("Closer Cities: new cases")),
    "science": ("article", lambda: _("Closer Cities: new science articles")),
    "library": ("library", lambda: _("Closer Cities: new documents in the policy library")),
}


def feed_params(querydict, content_type):
    """The request's filters for a feed of `content_type`: the search parameters, newest
    first, one page of FEED_SIZE. Raises InvalidSearchParameter."""
    data = querydict.copy()
    for name in ("page", "page_size", "order"):
        data.pop(name, None)
    data.setlist("type", [content_type])
    data["order"] = "newest"
    data["page_size"] = str(FEED_SIZE)
    return SearchParams.from_querydict(data)


class NewContentFeed(Feed):
    """RSS 2.0 feed of the newest pages of one kind that match the request's filters."""

    feed_type = feedgenerator.Rss201rev2Feed

    def __call__(self, request, section):
        content_type, self.feed_title = FEEDS[section]
        try:
            self.params = feed_params(request.GET, content_type)
        except InvalidSearchParameter as error:
            return HttpResponse(error.message, status=400, content_type="text/plain; charset=utf-8")
        self.request, self.section = request, section
        self.result = search(self.params, request=request)
        response = super().__call__(request)
        patch_cache_control(response, public=True, max_age=settings.API_CACHE_MAX_AGE)
        return response

    def get_object(self, request, *args, **kwargs):
        return None

    def title(self):
        return str(self.feed_title())

    def description(self):
        chosen = [
            item["label"]
            for name, items in self.result.facets.items()
            if name not in ("type", "year")
            for item in items
            if item["selected"]
        ]
        if self.params.q:
            chosen.insert(0, f"“{self.params.q}”")
        if chosen:
            return _("Newest first, matching: %(filters)s") % {"filters": ", ".join(chosen)}
        return _("Newest first.")

    def link(self):
        filters = self.params.querystring(type=(), order="relevance", page_size=20)
        return f"/{self.section}/" + (f"?{filters}" if filters else "")

    def items(self):
        results = self.result.results
        published = dict(
            Page.objects.filter(pk__in=[item["id"] for item in results]).values_list(
                "pk", "first_published_at"
            )
        )
        return [{**item, "published": published.get(item["id"])} for item in results]

    def item_title(self, item):
        return item["title"]

    def item_description(self, item):
        return item["summary"]

    def item_link(self, item):
        return item["url"]

    def item_guid(self, item):
        return f"page-{item['id']}@{self.request.get_host().split(':')[0]}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item["published"]

    def item_categories(self, item):
        return [f"SDG {sdg['number']}" for sdg in item["sdgs"]] + [
            topic["name"] for topic in item["topics"]
        ]


class NewContentAtomFeed(NewContentFeed):
    """The same feed in Atom 1.0."""

    feed_type = feedgenerator.Atom1Feed

    def subtitle(self):
        return self.description()


# Reading only: another method (TRACE, POST…) is 405, as the OpenAPI description declares GET;
# nothing is changed, so no CSRF token is asked for first (it answered 403 to those methods).
@csrf_exempt
@require_safe
def rss(request, section):
    # A feed object keeps the request's search while it writes the feed: one per request.
    return NewContentFeed()(request, section)


@csrf_exempt
@require_safe
def atom(request, section):
    return NewContentAtomFeed()(request, section)
