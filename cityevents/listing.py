"""Which events the public sees, and in which order: the listing at /events/, the feeds and the
events' layer of the map."""

from django.core.paginator import Paginator
from django.db.models import Case, F, IntegerField, Prefetch, Value, When
from django.utils import timezone
from django.utils.translation import gettext as _

from core.caching import share_site_root_paths
from partners.models import Partner
from taxonomy import regions
from taxonomy.models import SDG, Topic

from .filters import ATTENDANCE, EventFilters, InvalidFilter
from .models import EventPage, EventType

PAGE_SIZE = 12
FEED_SIZE = 100


def public_events():
    """Live events that are not behind a view restriction: the only ones any page, feed or
    endpoint shows."""
    return EventPage.objects.live().public()


def with_card_data(events):
    """What an event card shows (SDGs, published organisers), read once for the whole list."""
    return events.prefetch_related(
        "sdgs", Prefetch("organisers", Partner.objects.live().order_by("name"))
    )


def upcoming(events, now=None):
    """Events that have not ended yet, the soonest first."""
    now = now or timezone.now()
    return events.filter(end__gte=now).order_by("start", "pk")


def upcoming_first(events, now=None):
    """Upcoming events (soonest first), then past ones (latest first), in one query."""
    now = now or timezone.now()
    return events.annotate(
        ended_flag=Case(
            When(end__lt=now, then=Value(1)), default=Value(0), output_field=IntegerField()
        ),
        upcoming_start=Case(When(end__gte=now, then=F("start"))),
        past_start=Case(When(end__lt=now, then=F("start"))),
    ).order_by(
        "ended_flag",
        F("upcoming_start").asc(nulls_last=True),
        F("past_start").desc(nulls_last=True),
        "pk",
    )


def filter_options(filters):
    """The choices of the filter form, with the visitor's selection marked."""
    return {
        "event_type": [(v, label, v in filters.event_type) for v, label in EventType.choices],
        "sdg": [
            (sdg.number, sdg.title, sdg.number in filters.sdg)
            for sdg in SDG.objects.order_by("number")
        ],
        "topic": [
            (slug, name, slug in filters.topic)
            for slug, name in Topic.objects.order_by("name").values_list("slug", "name")
        ],
        "region": [
            (code, regions.local_name(code), code in filters.region)
            for code in sorted(regions.REGIONS)
        ],
        "attendance": [(v, label, v in filters.attendance) for v, label in ATTENDANCE.items()],
    }


def index_context(request):
    """The context of /events/: one page of events (upcoming first), split into upcoming and
    past for their headings, the filter form and the feed links; or `error` for a bad filter."""
    try:
        filters = EventFilters.from_querydict(request.GET)
    except InvalidFilter as error:
        return {
            "error": error,
            "filters": EventFilters(),
            "options": filter_options(EventFilters()),
        }
    now = timezone.now()
    events = upcoming_first(public_events().filter(filters.condition()), now)
    paginator = Paginator(with_card_data(events), PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    items = list(page.object_list)
    return {
        "filters": filters,
        "options": filter_options(filters),
        "events_page": page,
        "upcoming_events": [event for event in items if event.end >= now],
        "past_events": [event for event in items if event.end < now],
        "feed_query": filters.querystring(),
    }


WHEN = ("upcoming", "past", "all")


def map_features(data):
    """A GeoJSON FeatureCollection of the public events in person with coordinates, matching
    the listing's filters and `when` (upcoming, the default; past; all). Raises InvalidFilter
    naming a bad parameter."""
    filters = EventFilters.from_querydict(data)
    when = str(data.get("when") or "upcoming")
    if when not in WHEN:
        raise InvalidFilter(
            "when", _("'%(value)s' is not one of upcoming, past, all") % {"value": when[:40]}
        )
    events = public_events().filter(
        filters.condition(), in_person=True, latitude__isnull=False, longitude__isnull=False
    )
    now = timezone.now()
    if when == "upcoming":
        events = events.filter(end__gte=now)
    elif when == "past":
        events = events.filter(end__lt=now)
    events = share_site_root_paths(
        events.order_by("start", "pk").prefetch_related("sdgs", "topics")
    )
    return {
        "type": "FeatureCollection",
        "features": [_feature(event) for event in events],
    }


def _feature(event):
    local = event.start.astimezone(event.zone)
    return {
        "type": "Feature",
        "id": event.pk,
        "geometry": {"type": "Point", "coordinates": [event.longitude, event.latitude]},
        "properties": {
            "id": event.pk,
            "title": event.title,
            "url": event.get_full_url(),
            "event_type": event.event_type,
            "event_type_label": str(event.get_event_type_display()),
            "start": event.start.isoformat(),
            "end": event.end.isoformat(),
            "time_zone": event.time_zone,
            "local_start": local.isoformat(),
            "city": event.city,
            "country": event.country.code,
            "online": event.online,
            "sdgs": [sdg.number for sdg in event.sdgs.all()],
            "topics": [topic.slug for topic in event.topics.all()],
        },
    }
