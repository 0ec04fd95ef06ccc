"""The public network of the current content version, built once per version and kept, so
that a read whose answer is not in the response cache costs a filter and a render, not a
rebuild (about 1,600 broker cities' betweenness at 10,000 cases is the expensive part).

Where it is kept: in the database (`NetworkSnapshot`, one row per content version, older
rows deleted; it survives a cleared cache and is shared by every server process) and, for
the last version read, in each server process's memory.

When it is built: when public content changes, core announces the new content version after
the commit, and the `warm_network_snapshot` task builds the snapshot in the background, with
the metrics of the common one-value filters (exchange/precompute.py) besides the whole
network's. A read that comes before the task is done serves the previous version's snapshot,
marked stale (`meta.stale` in the API's answer, which is then neither cached nor given the
new version's validators), instead of waiting for a build; only when there is no earlier
snapshot, or the change is older than `NETWORK_STALE_GRACE` seconds (the task was lost: no
worker running), does the read build it itself (docs/benchmarks.md measures both).
"""

import json
import uuid
import zlib

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.models import ContentVersion

from .metrics import metrics
from .models import ADOPTED, NetworkSnapshot
from .network import Network, collect, public_adoptions, public_cases, public_links
from .precompute import filtered_metrics

# (version, token, Network) of the last snapshot this process read or built.
_memory = (None, None, None)
# {(earlier version, its token, current version): whether it may be served stale}
_safe_to_serve = {}


def _build(version):
    raw = collect()
    built = Network(raw)
    built.metrics = metrics(built.select())
    built.filtered = filtered_metrics(built) if settings.NETWORK_PRECOMPUTED_FILTERS else {}
    token = uuid.uuid4().hex
    data = {"network": raw, "metrics": built.metrics, "filtered": built.filtered}
    data = json.dumps(data, separators=(",", ":"))
    data = zlib.compress(data.encode(), 1)
    try:
        with transaction.atomic():
            NetworkSnapshot.objects.create(version=version, token=token, data=data)
    except IntegrityError:
        # Another process stored this version first: the next read takes theirs.
        pass
    NetworkSnapshot.objects.filter(version__lt=version).delete()
    return token, built


def _load(version, token):
    """The stored snapshot (version, token) from this process's memory or the database."""
    global _memory
    if _memory[:2] == (version, token):
        return _memory[2]
    stored = NetworkSnapshot.objects.filter(version=version, token=token)
    data = stored.values_list("data", flat=True).first()
    if data is None:  # replaced or deleted since its token was read
        return None
    data = json.loads(zlib.decompress(data))
    built = Network(data["network"], data["metrics"], data.get("filtered"))
    _memory = (version, token, built)
    return built


def _link_signature(source, target, kind, channel, year):
    return (source, target, kind, channel, year)


def _still_public(built):
    """True when every link and adoption of `built` (an earlier version's network) is still
    public, and so every case in it (each is the end of one): a change that only adds or
    edits may be served stale for a moment, one that unpublishes, makes private, removes or
    rejects anything is not (the read waits for the new network). Two queries. Links are
    compared by what they say (ends, kind, channel, year), not by id: publishing a case's
    revision saves its links again under new ids."""
    if "adoptions" not in built.raw:  # stored before the ids were kept
        return False
    public = public_cases().values("pk")
    links = {
        _link_signature(f"case:{source}" if source else f"ext:{external}", f"case:{target}", *rest)
        for source, external, target, *rest in public_links(public).values_list(
            "source_case_id", "source_external_id", "target_id", "kind", "channel", "year"
        )
    }
    shown = {
        _link_signature(e["source"], e["target"], e["kind"], e["channel"], e["year"])
        for e in built.raw["edges"]
        if e["kind"] != ADOPTED
    }
    if not shown <= links:
        return False
    adoptions = set(public_adoptions(public).values_list("pk", flat=True))
    return set(built.raw["adoptions"]) <= adoptions


def _may_serve_stale(changed_at):
    grace = settings.NETWORK_STALE_GRACE
    return grace > 0 and (timezone.now() - changed_at).total_seconds() < grace


def _current(allow_stale=False):
    """(version of the snapshot, Network, stale) for the current content version; with
    `allow_stale`, the newest earlier snapshot (stale=True) while the background build of
    this one is pending."""
    global _memory
    version, changed_at = ContentVersion.current()
    # The current version's snapshot first, then (when a stale one may do) the newest earlier.
    stored = NetworkSnapshot.objects.filter(version__lte=version).order_by("-version")
    if not (allow_stale and _may_serve_stale(changed_at)):
        stored = stored.filter(version=version)
    for found_version, token in stored.values_list("version", "token")[:1]:
        built = _load(found_version, token)
        if built is None:
            break
        if found_version == version:
            return version, built, False
        checked = (found_version, token, version)
        if checked not in _safe_to_serve:
            _safe_to_serve.clear()  # only the pair of versions now current matters
            _safe_to_serve[checked] = _still_public(built)
        if _safe_to_serve[checked]:
            return found_version, built, True
    token, built = _build(version)
    _memory = (version, token, built)
    return version, built, False


def current():
    """The public network (a `network.Network` with the whole network's metrics) of the
    current content version: from this process's memory, the database, or built now."""
    return _current()[1]


def warm(version):
    """Build the snapshot of `version` unless content has changed again since (then the
    newer change's own warm-up builds it) or it exists. Run by the task after a change."""
    if ContentVersion.current()[0] != version:
        return "stale"
    if NetworkSnapshot.objects.filter(version=version).exists():
        return "exists"
    current()
    return "built"


def network(filters=None, *, allow_stale=False):
    """The network matching `filters` (exchange.filters.NetworkFilters) with its metrics,
    as `/api/v2/network/` gives it, and `meta.stale`: true when, with `allow_stale`, it is the
    previous content version's because this one's is still being built in the background.
    The whole network's metrics and the common filters' come with the snapshot; another
    filtered network's are computed and cached under the snapshot's version and the filters
    (the response cache keeps whole answers; this serves the /network/ page too)."""
    version, snapshot, stale = _current(allow_stale)
    data = snapshot.select(filters)
    meta = {"stale": stale}
    if filters is None or filters.is_empty():
        return {**data, "metrics": snapshot.metrics, "meta": meta}
    found = None
    if settings.NETWORK_PRECOMPUTED_FILTERS:
        found = snapshot.filtered.get(filters.key())
    key = f"exchange-network:metrics:{version}:{filters.key()}"
    if found is None:
        found = cache.get(key)
    if found is None:
        found = metrics(data)
        if settings.API_CACHE_TIMEOUT:
            cache.set(key, found, settings.API_CACHE_TIMEOUT)
    return {**data, "metrics": found, "meta": meta}


def build(filters=None, *, include_requests=False):
    """`{"nodes": [...], "edges": [...]}` of the public network matching `filters`, without
    metrics (GraphML, CSV). With `include_requests` (researchers only) the anonymous contact
    requests join, read from the database every time: they are never stored."""
    if include_requests:
        return Network(collect(include_requests=True)).select(filters)
    return current().select(filters)
