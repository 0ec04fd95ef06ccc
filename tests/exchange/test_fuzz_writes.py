"""Fuzzing the public writes the exchange adds (the schemathesis run in scripts/api_fuzz.sh
covers the reads only: every accepted write counts against the 5-an-hour limit). Whatever a
client sends to `POST /api/v2/exchange/adoptions/`, `POST /api/v2/exchange/contact/` or as
`learned_from` in a case submission, the answer is 201 with one record, or 400 naming fields
it knows and nothing stored; never a 500, and always as the OpenAPI description says."""

import json

from django.core.cache import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.validation import shown
from tests.api.test_openapi import _check
from tests.submissions.conftest import CASES_API, case_payload, row_counts

from .conftest import ADOPTIONS_API, CONTACT_API

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)
ADOPTION = {
    "city": st.sampled_from(["Lyon", "", "Gdańsk", "<b>x</b>"]),
    "country": st.sampled_from(["FR", "pl", "XX", ""]),
    "organisation_sector": st.sampled_from(["government", "ngo", "army"]),
    "what_was_used": st.text(max_size=40),
    "stage": st.sampled_from(["considering", "adapting", "implemented", "dreaming"]),
    "year": st.one_of(st.none(), st.integers(1800, 2200)),
    "contact_email": st.sampled_from(["", "a@example.org", "not-an-address"]),
    "consent_privacy": st.sampled_from([True, False, "on"]),
}
CONTACT = {
    "name": st.text(max_size=20),
    "email": st.sampled_from(["asker@example.org", "", "nope"]),
    "organisation": st.text(max_size=20),
    "sector": st.sampled_from(["government", "ngo", "army"]),
    "country": st.sampled_from(["KE", "ke", "XX"]),
    "message": st.text(max_size=40),
    "consent_privacy": st.sampled_from([True, False]),
}


def bodies(fields):
    """Plausible bodies with some fields left out or replaced by any JSON value, and any
    JSON value at all."""
    field = st.one_of(*[st.just(name) for name in fields])
    plausible = st.fixed_dictionaries({}, optional=fields)
    return st.one_of(
        st.tuples(plausible, st.dictionaries(field, JSON_VALUES, max_size=2)).map(
            lambda pair: {**pair[0], **pair[1]}
        ),
        JSON_VALUES,
    )


@pytest.fixture
def spec(client):
    return json.loads(client.get("/api/v2/schema/").content)


@pytest.fixture
def case(case_factory):
    page = case_factory(title="Fuzzed case", sdgs=[11])
    page.contact_email = "team.private@example.org"
    page.save_revision().publish()
    return page


def _post_and_check(client, spec, path, body, known):
    cache.clear()  # the rate limit: every example is a first request
    before = row_counts()
    # allow_nan: Infinity and NaN as Python writes them, which is not JSON.
    response = client.post(path, json.dumps(body), content_type="application/json")
    assert response.status_code in (201, 400), (body, response.content)
    _check(spec, path, response, method="post")
    if response.status_code == 400:
        # A member the input guard refuses (a NUL in its name) is named as sent.
        sent = {shown(key) for key in body} if isinstance(body, dict) else set()
        assert set(response.json()["errors"]) <= set(known) | {"non_field_errors"} | sent, (
            body,
            response.content,
        )
        assert row_counts() == before
    return response


FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.django_db
@FUZZ
@given(body=bodies(ADOPTION), with_case=st.booleans())
def test_adoption_reports_answer_201_or_400_whatever_is_sent(client, spec, case, body, with_case):
    if with_case and isinstance(body, dict):
        body = {"case": case.pk, **body}
    _post_and_check(client, spec, ADOPTIONS_API, body, ["case", *ADOPTION])


@pytest.mark.django_db
@FUZZ
@given(body=bodies(CONTACT), with_case=st.booleans())
def test_questions_answer_201_or_400_whatever_is_sent(client, spec, case, body, with_case):
    if with_case and isinstance(body, dict):
        body = {"case": case.pk, **body}
    _post_and_check(client, spec, CONTACT_API, body, ["case", *CONTACT])


SOURCE_ITEM = st.fixed_dictionaries(
    {},
    optional={
        "case": st.one_of(st.integers(-5, 10**6), st.text(max_size=5), st.none()),
        "title": st.text(max_size=20),
        "url": st.sampled_from(["https://example.org/", "ftp://x", "x"]),
        "city": st.text(max_size=10),
        "country": st.sampled_from(["EC", "ec", "QQ"]),
        "kind": st.sampled_from(["learned_from", "adapted_from", "inspired_by", "copied"]),
        "channel": st.sampled_from(["conference", "website", "fax"]),
        "year": st.one_of(st.none(), st.integers(1800, 2200), st.text(max_size=4)),
        "description": st.text(max_size=30),
    },
)


@pytest.mark.django_db
@FUZZ
@given(
    learned_from=st.one_of(st.lists(st.one_of(SOURCE_ITEM, JSON_VALUES), max_size=3), JSON_VALUES)
)
def test_learned_from_in_a_submission_answers_201_or_400(client, spec, learned_from):
    response = _post_and_check(
        client, spec, CASES_API, case_payload(learned_from=learned_from), ["learned_from"]
    )
    if response.status_code == 400:
        errors = response.json()["errors"]
        assert "learned_from" in errors or "JSON parse error" in str(errors), errors


@pytest.mark.django_db
@pytest.mark.parametrize("path", [ADOPTIONS_API, CONTACT_API, CASES_API])
def test_a_body_that_is_not_json_gets_the_usual_400(client, spec, path):
    before = row_counts()
    response = client.post(path, '{"case": 1,', content_type="application/json")
    assert response.status_code == 400
    assert response.json()["errors"]["non_field_errors"]
    _check(spec, path, response, method="post")
    assert row_counts() == before
