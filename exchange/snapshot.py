"""The public network of the current content version, built once per version and kept, so
that a read whose answer is not in the response cache costs a filter and a render, not a
rebuild (about 1,600 broker cities' betweenness at 10,000 cases is the expensive part).

Where it is kept: in the database (`NetworkSnapshot`, one row per content version, older
rows deleted; it survives a cleared cache and is shared by every server process) and, for
the last version read, in each server process's memory.

When it is built: when public content changes, core announces the new content version after
the commit, and the `warm_network_snapshot` task builds the snapshot in the background; a
read that comes before the task is done builds it itself (docs/benchmarks.md measures both).
A snapshot is only ever used for the version it was built for, so it is never stale.
"""

import json
import uuid
import zlib

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction

from core.models import ContentVersion

from .metrics import metrics
from .models import NetworkSnapshot
from .network import Network, collect

# (version, token, Network) of the last snapshot this process read or built.
_memory = (None, None, None)


def _build(version):
    raw = collect()
    built = Network(raw)
    built.metrics = metrics(built.select())
    token = uuid.uuid4().hex
    data = json.dumps({"network": raw, "metrics": built.metrics}, separators=(",", ":"))
    data = zlib.compress(data.encode(), 1)
    try:
        with transaction.atomic():
            NetworkSnapshot.objects.create(version=version, token=token, data=data)
    except IntegrityError:
        # Another process stored this version first: the next read takes theirs.
        pass
    NetworkSnapshot.objects.filter(version__lt=version).delete()
    return token, built


def _current():
    global _memory
    version, _ = ContentVersion.current()
    stored = NetworkSnapshot.objects.filter(version=version)
    token = stored.values_list("token", flat=True).first()
    if token is not None and _memory[:2] == (version, token):
        return version, _memory[2]
    data = stored.filter(token=token).values_list("data", flat=True).first() if token else None
    if data is not None:
        data = json.loads(zlib.decompress(data))
        built = Network(data["network"], data["metrics"])
    else:
        token, built = _build(version)
    _memory = (version, token, built)
    return version, built


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


def network(filters=None):
    """The network matching `filters` (exchange.filters.NetworkFilters) with its metrics,
    as `/api/v2/network/` gives it. The whole network's metrics come with the snapshot; a
    filtered network's are computed and cached under the content version and the filters
    (the response cache keeps whole answers; this serves the /network/ page too)."""
    version, snapshot = _current()
    data = snapshot.select(filters)
    if filters is None or filters.is_empty():
        return {**data, "metrics": snapshot.metrics}
    key = f"exchange-network:metrics:{version}:{filters.key()}"
    found = cache.get(key)
    if found is None:
        found = metrics(data)
        if settings.API_CACHE_TIMEOUT:
            cache.set(key, found, settings.API_CACHE_TIMEOUT)
    return {**data, "metrics": found}


def build(filters=None, *, include_requests=False):
    """`{"nodes": [...], "edges": [...]}` of the public network matching `filters`, without
    metrics (GraphML, CSV). With `include_requests` (researchers only) the anonymous contact
    requests join, read from the database every time: they are never stored."""
    if include_requests:
        return Network(collect(include_requests=True)).select(filters)
    return current().select(filters)
