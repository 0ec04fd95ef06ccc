"""The two-stage nearest search of large matrices (one-bit codes, then exact scores) finds
what scoring every row finds, keeps to the page type asked for and leaves out excluded rows."""

from django.contrib.contenttypes.models import ContentType

import numpy as np
import pytest

from articles.models import ArticlePage
from cases.models import CasePage
from meaning import matrix as matrix_module
from meaning.matrix import Matrix, binary_codes


def clustered(rows, dimensions=384, seed=3):
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((rows // 20, dimensions), dtype=np.float32)
    vectors = centres[rng.integers(0, len(centres), rows)] + 0.5 * rng.standard_normal(
        (rows, dimensions), dtype=np.float32
    )
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def make(vectors, kinds=None):
    ids = np.arange(100, 100 + len(vectors), dtype=np.int64)
    return Matrix(
        version=1,
        model="test",
        ids=ids,
        kinds=np.zeros(len(ids), dtype=np.int64) if kinds is None else kinds,
        vectors=vectors,
        positions={int(i): p for p, i in enumerate(ids)},
    )


def test_codes_are_one_bit_per_dimension_in_64_bit_words():
    vectors = np.array([[1, -1, 0.5] + [-1.0] * 61, [-1.0] * 64], dtype=np.float32)
    codes = binary_codes(vectors)
    assert codes.shape == (2, 1) and codes.dtype == np.uint64
    assert np.bitwise_count(codes).tolist() == [[2], [0]]
    assert binary_codes(np.ones(70, dtype=np.float32)).shape == (2,)  # padded to whole words


def test_small_matrices_are_searched_exactly_and_large_ones_in_two_stages(monkeypatch):
    monkeypatch.setattr(matrix_module, "TWO_STAGE_ROWS", 3000)
    assert make(clustered(2000)).codes is None
    large = make(clustered(4000))
    assert large.codes is not None and large.codes.shape == (6, 4000)
    for position in range(0, 4000, 97):
        query = large.vectors[position]
        exclude = [int(large.ids[position])]
        assert large.nearest(query, 10, exclude=exclude) == large.nearest(
            query, 10, exclude=exclude, exact=True
        )


@pytest.mark.django_db
def test_the_two_stage_search_keeps_to_the_type_and_leaves_out_excluded(monkeypatch):
    monkeypatch.setattr(matrix_module, "TWO_STAGE_ROWS", 3000)
    case, article = (ContentType.objects.get_for_model(m).pk for m in (CasePage, ArticlePage))
    vectors = clustered(4000)
    kinds = np.where(np.arange(4000) % 2, case, article)
    large = make(vectors, kinds)
    found = large.nearest(vectors[1], 20, model=CasePage, exclude=[int(large.ids[1])])
    positions = [large.positions[page_id] for page_id, _ in found]
    assert len(found) == 20
    assert all(kinds[p] == case for p in positions)
    assert 1 not in positions
    scores = [score for _, score in found]
    assert scores == sorted(scores, reverse=True)
    # Every close row (its cluster) is found, in the exact order; beyond them the rows are
    # unrelated (cosine about 0.15), where a shortlist may pick other, equally unrelated ones.
    exact = large.nearest(vectors[1], 20, model=CasePage, exclude=[int(large.ids[1])], exact=True)
    close = [item for item in exact if item[1] > 0.5]
    assert len(close) >= 5
    assert found[: len(close)] == close
