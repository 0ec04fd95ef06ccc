"""The vectors of live, public pages as one numpy matrix per process, reloaded when the
content version changes (publishing, unpublishing, a new vector, a view restriction ...).

Top-10 over 100,000 × 384 float32 rows is one matrix-vector product (about 30 ms on a busy
machine); from TWO_STAGE_ROWS rows a shortlist by one-bit codes comes first, and the search
takes a few milliseconds (docs/benchmarks.md).
"""

import threading
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType

from wagtail.models import Page

import numpy as np

from core.models import ContentVersion

from . import backends
from .models import PageVector

# From this many rows, nearest() first shortlists the SHORTLIST rows whose one-bit codes (the
# sign of each dimension, 48 bytes a row) are closest to the query's, then scores only those
# exactly: at 100,000 rows it reads 5 MB instead of 147 MB (docs/benchmarks.md). Below it,
# every row is scored exactly.
TWO_STAGE_ROWS = 20_000
SHORTLIST = 1000


def binary_codes(vectors):
    """One bit per dimension (is it positive?), packed into 64-bit words per row."""
    bits = np.packbits(np.asarray(vectors) > 0, axis=-1)
    padding = (-bits.shape[-1]) % 8
    if padding:
        bits = np.pad(bits, [(0, 0)] * (bits.ndim - 1) + [(0, padding)])
    return np.ascontiguousarray(bits).view(np.uint64)


@dataclass(frozen=True)
class Matrix:
    version: int
    model: str
    ids: np.ndarray  # page ids, one per row
    kinds: np.ndarray  # content type id of each row
    vectors: np.ndarray  # (rows, dimensions) float32, normalised
    positions: dict  # page id -> row
    # binary_codes(vectors), one row per word: counting the bits that differ word by word
    # over contiguous memory is ten times faster than row by row.
    codes: np.ndarray | None = field(default=None, repr=False)

    def __post_init__(self):
        if self.codes is None and len(self.ids) >= TWO_STAGE_ROWS:
            codes = np.ascontiguousarray(binary_codes(self.vectors).T)
            object.__setattr__(self, "codes", codes)

    def __len__(self):
        return len(self.ids)

    def row(self, page_id):
        position = self.positions.get(page_id)
        return None if position is None else self.vectors[position]

    def nearest(self, vector, limit, model=None, exclude=(), min_score=None, exact=False):
        """[(page id, cosine similarity)] of the `limit` rows nearest `vector`, best first,
        of one page type (`model`, a model class) when given. `exact` scores every row even
        in a large matrix (to measure what the shortlist misses)."""
        if not len(self):
            return []
        vector = np.asarray(vector, dtype=np.float32)
        blocked = [self.positions[i] for i in exclude if i in self.positions]
        wrong_kind = None
        if model is not None:
            wrong_kind = self.kinds != ContentType.objects.get_for_model(model).pk
        if not exact and self.codes is not None and limit < SHORTLIST < len(self):
            rows, scores = self._shortlist(vector, wrong_kind, blocked)
        else:
            rows, scores = None, self.vectors @ vector
            if wrong_kind is not None:
                scores[wrong_kind] = -np.inf
            scores[blocked] = -np.inf
        if min_score is not None:
            scores[scores < min_score] = -np.inf
        count = min(limit, len(scores))
        top = np.argpartition(-scores, count - 1)[:count]
        top = top[np.argsort(-scores[top], kind="stable")]
        found = top if rows is None else rows[top]
        return [
            (int(self.ids[position]), float(scores[i]))
            for i, position in zip(top, found, strict=True)
            if np.isfinite(scores[i])
        ]

    def _shortlist(self, vector, wrong_kind, blocked):
        """(rows, exact scores) of the SHORTLIST rows nearest by their one-bit codes."""
        query = binary_codes(vector)
        distance = np.zeros(len(self), dtype=np.uint16)
        for word, code in zip(self.codes, query, strict=True):
            distance += np.bitwise_count(word ^ code)
        far = len(query) * 64 + 1
        if wrong_kind is not None:
            distance[wrong_kind] = far
        distance[blocked] = far
        rows = np.argpartition(distance, SHORTLIST)[:SHORTLIST]
        scores = self.vectors[rows] @ vector
        scores[distance[rows] == far] = -np.inf
        return rows, scores


_lock = threading.Lock()
_current = None


def forget():
    """Drop this process's matrix (the next read loads it again). Tests call it: a rolled-back
    test gives its content version number to the next test, with other pages behind it."""
    global _current
    with _lock:
        _current = None


def current_matrix():
    """This process's matrix for the current content version and model (loaded if needed);
    None when meaning is off."""
    global _current
    if not backends.enabled():
        return None
    version = ContentVersion.current()[0]
    model = backends.model_name()
    loaded = _current
    if loaded is not None and loaded.version == version and loaded.model == model:
        return loaded
    with _lock:
        if _current is None or _current.version != version or _current.model != model:
            _current = load(version, model)
        return _current


def load(version, model):
    """Read the vectors of live, public pages from the database."""
    rows = PageVector.objects.filter(
        model=model, page__in=Page.objects.live().public().values("pk")
    ).values_list("page_id", "page__content_type_id", "vector")
    ids, kinds, blobs = [], [], []
    for page_id, kind, blob in rows.iterator(chunk_size=5000):
        ids.append(page_id)
        kinds.append(kind)
        blobs.append(bytes(blob))
    if blobs:
        vectors = np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(blobs), -1)
    else:
        vectors = np.zeros((0, 1), dtype=np.float32)
    return Matrix(
        version=version,
        model=model,
        ids=np.asarray(ids, dtype=np.int64),
        kinds=np.asarray(kinds, dtype=np.int64),
        vectors=vectors,
        positions={page_id: position for position, page_id in enumerate(ids)},
    )
