"""Search by meaning: the `semantic` and `hybrid` modes of the search service.

- semantic: the live, public pages whose vector is close enough to the query's (cosine at
  least MEANING_SEARCH_THRESHOLD), so a query does not match everything; ordered by closeness.
- hybrid: the pages the words match (the keyword backend, unchanged) together with the
  semantic hits, ordered by reciprocal rank fusion of the two rankings.

Facet counts stay exact for the matched set: the keyword backend counts the pages the words
match; the semantic hits the words do not match are a disjoint, small set (a few hundred at
most), whose facet values are read and counted here with the same disjunctive rule, and the
two tallies add up. The text of a query in one language finds pages written in another.
"""

from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.conf import settings
from django.db.models import Q

from meaning import backends as meaning_backends
from meaning.matrix import current_matrix

from .registry import COLUMN_FACETS, extra_facets, search_types
from .services import ALL_LANGUAGES, FACETS, MAX_YEAR, MIN_YEAR, SHARED_FACETS, FacetCounts

# At most this many semantic hits per query: the closest ones.
SEMANTIC_MAX = 500
# The keyword ranking's first this many hits are fused; later ones follow in keyword order.
WINDOW = 200
# Reciprocal rank fusion's constant (the usual 60): a hit's fused score is the sum over the
# rankings of 1 / (RRF_K + its position).
RRF_K = 60


def threshold():
    return getattr(settings, "MEANING_SEARCH_THRESHOLD", 0.84)


def available():
    """Can meaning answer now (switched on, and some page has a vector)?"""
    if not meaning_backends.enabled():
        return False
    matrix = current_matrix()
    return matrix is not None and len(matrix) > 0


def mode_for(params):
    """The mode that runs for these parameters: what was asked when meaning can answer it,
    hybrid by default when it can, keyword otherwise (and always without text)."""
    if not params.q:
        return "keyword"
    if params.mode == "keyword":
        return "keyword"
    return (params.mode or "hybrid") if available() else "keyword"


_query_vectors = {}


def query_vector(text):
    """The query's vector (kept for the last few hundred queries: the model takes ~20 ms)."""
    vector = _query_vectors.get(text)
    if vector is None:
        vector = meaning_backends.get_backend().query(text)
        if len(_query_vectors) >= 512:
            _query_vectors.clear()
        _query_vectors[text] = vector
    return vector


def semantic_ranking(text):
    """[(page id, similarity)] of the live, public cases and articles close to `text`."""
    matrix = current_matrix()
    return matrix.nearest(query_vector(text), SEMANTIC_MAX, min_score=threshold())


@dataclass
class Facts:
    """A page's facet values, as the keyword backends count them (the page types' own facets,
    registry.extra_facets, in `extra`)."""

    type: str
    published: object = None
    country: str = ""
    region: str = ""
    subregion: str = ""
    status: str = ""
    year: int | None = None
    sdg: set = field(default_factory=set)
    topic: set = field(default_factory=set)
    extra: dict = field(default_factory=dict)

    def value(self, facet):
        if facet in SHARED_FACETS or facet == "subregion":
            return getattr(self, facet)
        return self.extra.get(facet)


def page_facts(ids, private, locale=ALL_LANGUAGES):
    """{page id: Facts} of the live pages among `ids` outside the private `private` paths,
    written in the language `locale` (a language code, or "all"), every page type read
    through the registry (the columns it gives each facet)."""
    if not ids:
        return {}
    facts = {}
    outside = Q() if locale == ALL_LANGUAGES else Q(locale__language_code=locale)
    for path in private:
        outside &= ~Q(path__startswith=path)
    for key, search_type in search_types().items():
        model = search_type.model
        queryset = model.objects.live().filter(outside, pk__in=ids)
        facets = [facet for facet in (*COLUMN_FACETS, *extra_facets()) if search_type.column(facet)]
        fields = [
            search_type.year_field if facet == "year" else search_type.column(facet)
            for facet in facets
        ]
        for pk, published, *values in queryset.values_list("pk", "first_published_at", *fields):
            item = Facts(key, published)
            for facet, raw in zip(facets, values, strict=True):
                if facet == "year":
                    item.year = raw.year if search_type.year_is_date and raw else raw
                elif facet in COLUMN_FACETS:
                    setattr(item, facet, raw or "")
                else:
                    item.extra[facet] = search_type.facet_value(facet, raw)
            facts[pk] = item
        chosen = model.objects.filter(pk__in=[pk for pk in facts if facts[pk].type == key])
        if search_type.has_relation("sdgs"):
            rows = chosen.filter(sdgs__isnull=False).values_list("pk", "sdgs__number")
            for pk, number in rows:
                facts[pk].sdg.add(number)
        if search_type.has_relation("topics"):
            rows = chosen.filter(topics__isnull=False).values_list("pk", "topics__slug")
            for pk, slug in rows:
                facts[pk].topic.add(slug)
    return facts


def _passes(facts, params, facet):
    if facet == "year":
        if not params.has_year_range:
            return True
        low, high = params.year_from or MIN_YEAR, params.year_to or MAX_YEAR
        return facts.year is not None and low <= facts.year <= high
    chosen = params.selected(facet)
    if not chosen:
        return True
    if facet in ("sdg", "topic"):
        return bool(getattr(facts, facet) & set(chosen))
    if facet == "region":
        return facts.region in chosen or facts.subregion in chosen
    return facts.value(facet) in chosen


def tally(facts_by_id, params):
    """(FacetCounts, ids of the pages passing every selection) with the disjunctive rule:
    a facet's counts apply every other facet's selection but not its own."""
    counts = FacetCounts()
    passing = []
    for pk, facts in facts_by_id.items():
        fails = [facet for facet in FACETS if not _passes(facts, params, facet)]
        if not fails:
            passing.append(pk)
        if len(fails) > 1:
            continue
        for facet in FACETS:
            if fails and fails[0] != facet:
                continue
            values = facts.value(facet)
            for value in values if isinstance(values, set) else [values]:
                if value is not None and value != "":
                    counts.add(facet, value, 1)
    return counts, passing


def merge_counts(first, second):
    merged = FacetCounts()
    for counts in (first, second):
        for facet, values in counts.counts.items():
            for value, count in values.items():
                merged.add(facet, value, count)
    return merged


def fuse(*rankings):
    """Reciprocal rank fusion: ids by the sum of 1 / (RRF_K + position) over the rankings."""
    scores = defaultdict(float)
    for ranking in rankings:
        for position, pk in enumerate(ranking, start=1):
            scores[pk] += 1.0 / (RRF_K + position)
    return sorted(scores, key=lambda pk: (-scores[pk], pk))


def _newest_first(ids, facts):
    def key(pk):
        published = facts[pk].published
        return (published is None, -(published.timestamp() if published else 0), -pk)

    return sorted(ids, key=key)


def search(backend, params, private, mode):
    """Hits (as the keyword backends give them) for the semantic or hybrid mode."""
    from .backends import Hits

    ranking = semantic_ranking(params.q)
    close = [pk for pk, _ in ranking]
    if mode == "semantic":
        facts = page_facts(close, private, params.locale)
        counts, passing = tally(facts, params)
        passing = set(passing)
        ordered = [pk for pk in close if pk in passing]
        if params.order == "newest":
            ordered = _newest_first(ordered, facts)
        start = (params.page - 1) * params.page_size
        page = ordered[start : start + params.page_size]
        return Hits(len(ordered), page, counts, {pk: facts[pk].type for pk in page})

    # hybrid: the keyword matches (counted by the backend) plus the close pages they miss.
    matched_by_words = backend.keyword_matches(params.q, close, params.locale)
    extra_facts = page_facts(
        [pk for pk in close if pk not in matched_by_words], private, params.locale
    )
    extra_counts, extra_passing = tally(extra_facts, params)
    window = backend.search(replace(params, page=1, page_size=WINDOW), private)
    keyword_top = list(window.page_ids)
    extra = set(extra_passing)
    on_top = set(keyword_top)
    # Close pages the words also match but beyond the window come in their keyword place.
    semantic = [pk for pk in close if pk in extra or pk in on_top]
    if params.order == "newest":
        facts = {**page_facts(keyword_top, private, params.locale), **extra_facts}
        fused = _newest_first([*keyword_top, *extra], facts)
    else:
        fused = fuse(keyword_top, semantic)
    total = window.count + len(extra)
    start = (params.page - 1) * params.page_size
    stop = start + params.page_size
    page = fused[start:stop]
    types = {**window.types, **{pk: facts.type for pk, facts in extra_facts.items()}}
    if stop > len(fused) and window.count > len(keyword_top):
        # The rest of the keyword hits, in keyword order, after the fused head.
        offset = WINDOW + max(0, start - len(fused))
        more = _keyword_slice(backend, params, private, offset, stop - start - len(page))
        page.extend(more.page_ids)
        types.update(more.types)
    # Page types only when every hit's is known (hydrate() skips the types not named).
    types = {pk: types.get(pk) for pk in page}
    if None in types.values():
        types = {}
    return Hits(total, page, merge_counts(window.facet_counts, extra_counts), types)


def _keyword_slice(backend, params, private, offset, count):
    """Keyword hits number offset+1 … offset+count (at most two backend pages)."""
    from .backends import Hits

    size = params.page_size
    first, last = offset // size + 1, (offset + count - 1) // size + 1
    ids, types = [], {}
    for number in range(first, last + 1):
        hits = backend.search(replace(params, page=number), private)
        ids.extend(hits.page_ids)
        types.update(hits.types)
    begin = offset - (first - 1) * size
    chosen = ids[begin : begin + count]
    return Hits(0, chosen, FacetCounts(), {pk: types.get(pk) for pk in chosen})
