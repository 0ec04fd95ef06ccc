"""Bad input to the benchmark: 400 naming the field and nothing kept; the honeypot and the rate
limit of submissions; any JSON value answered 200 or 400, never 500."""

from django.core.cache import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmark.forms import BenchmarkForm
from benchmark.models import Benchmark, BenchmarkRecord

from .conftest import API, payload

pytestmark = pytest.mark.django_db

BAD = [
    ("title", None, "This field is required."),
    ("title", ["a"], "Send text (a JSON string)."),
    ("description", "   ", "This field is required."),
    ("description", "x" * 10_001, "at most 10000 characters"),
    ("sdgs", [], "Choose at least one Sustainable Development Goal."),
    ("sdgs", [18], "Select a valid choice."),
    ("sdgs", "11", "Send a list of whole numbers."),
    ("country", "XX", "Select a valid choice."),
    ("topics", ["No such topic"], "Select a valid choice."),
    ("scale", "galactic", "Select a valid choice."),
    ("status", 3, "Send text (a JSON string)."),
    ("start_year", 1800, "greater than or equal to 1900"),
    ("start_year", "2019", "Send a whole number."),
    ("actors", [{"sector": "aliens"}], "Actor 1: the sector must be one of"),
    ("actors", [{"sector": "ngo"}, "ngo"], "Send a list of objects."),
    ("actors", {"sector": "ngo"}, "Send a list of objects."),
    ("evidence", "great", "Select a valid choice."),
    ("participation", "co-designed", "Select a valid choice."),
    ("funding", ["one_off"], "Send text (a JSON string)."),
    ("documentation", "secret", "Select a valid choice."),
    ("transfer", "everywhere", "Select a valid choice."),
]


@pytest.mark.parametrize(
    ("field", "value", "message"), BAD, ids=[f"{f}-{i}" for i, (f, *_) in enumerate(BAD)]
)
def test_bad_input_gets_400_naming_the_field_and_keeps_nothing(post, field, value, message):
    response = post(**{field: value})
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert list(errors) == [field]
    assert message in " ".join(errors[field])
    assert not Benchmark.objects.exists() and not BenchmarkRecord.objects.exists()


def test_a_body_that_is_not_json_gets_400(client):
    response = client.post(API, "{not json", content_type="application/json")
    assert response.status_code == 400
    assert "not valid JSON" in response.json()["errors"]["non_field_errors"][0]
    response = client.post(API, [1, 2], content_type="application/json")
    assert response.status_code == 400
    assert "non_field_errors" in response.json()["errors"]


def test_a_form_encoded_body_works_like_json(client):
    data = {**payload(), "actors": ["ngo", "academia"]}
    response = client.post(API, data)
    assert response.status_code == 200, response.content
    assert response.json()["comparison"]["sectors"]["you"] == ["ngo", "academia"]


def test_a_filled_honeypot_gets_the_same_kind_of_answer_and_keeps_nothing(client, post):
    response = post(fax="+31 10 000")
    assert response.status_code == 200
    body = response.json()
    assert {"token", "result_url", "similar", "peers", "comparison"} <= set(body)
    assert not Benchmark.objects.exists() and not BenchmarkRecord.objects.exists()
    assert client.get(body["result_url"]).status_code == 404


def test_five_benchmarks_an_hour_and_mistakes_do_not_count(post):
    for _ in range(3):
        assert post(sdgs=[]).status_code == 400
    for _ in range(5):
        assert post().status_code == 200
    response = post()
    assert response.status_code == 429
    assert Benchmark.objects.count() == 5


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
FIELDS = sorted(set(BenchmarkForm.base_fields) - {"fax"})


@settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changes=st.dictionaries(st.sampled_from(FIELDS), JSON_VALUES, min_size=1, max_size=4))
def test_any_json_values_get_200_or_400_naming_known_fields_never_500(client, changes):
    cache.clear()  # the rate limit is not what is tested here
    response = client.post(API, payload(**changes), content_type="application/json")
    assert response.status_code in (200, 400), response.content
    if response.status_code == 400:
        errors = response.json()["errors"]
        assert errors and set(errors) <= {*FIELDS, "non_field_errors"}
        assert all(isinstance(m, str) and m for messages in errors.values() for m in messages)
    else:
        assert Benchmark.objects.filter(token=response.json()["token"]).exists()
