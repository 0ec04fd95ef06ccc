"""The OpenAPI descriptions and the behaviour agree (issue 12 #15): what a parameter schema
allows is served, what it refuses is answered 400 naming the parameter, methods an endpoint
does not take are 405, and v3's description documents the answers v3 really gives."""

import json

import pytest
from jsonschema import Draft202012Validator


@pytest.fixture
def v2(client, db):
    return json.loads(client.get("/api/v2/schema/").content)


@pytest.fixture
def v3(client, db):
    response = client.get("/api/v3/openapi.json")
    assert response.status_code == 200
    return response.json()


def _fits(spec, path, name, value):
    """Whether a raw query value fits the parameter's schema, read as OpenAPI reads a query:
    digits are a number for an integer parameter."""
    schema = _parameter(spec, path, name)["schema"]
    if schema.get("type") == "integer" and value.lstrip("-").isdigit():
        value = int(value)
    return Draft202012Validator(schema).is_valid(value)


def _parameter(spec, path, name):
    parameters = spec["paths"][path]["get"]["parameters"]
    return next(parameter for parameter in parameters if parameter["name"] == name)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, name, value",
    [
        ("/api/v2/pages/", "sdg", "18"),
        ("/api/v2/pages/", "country", "XX"),
        ("/api/v2/pages/", "limit", ""),
        ("/api/v2/pages/", "fields", "title,,"),
        ("/api/v2/map/", "bbox", "0,0,200,10"),
        ("/api/v2/search/", "page", "101"),
        ("/api/v2/search/", "year_from", "abc"),
    ],
)
def test_a_value_the_schema_refuses_is_answered_400_naming_it(client, v2, path, name, value):
    assert not _fits(v2, path, name, value)
    response = client.get(path, {name: value})
    assert response.status_code == 400
    assert response.json()["message"].startswith(f"{name}:")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path, name, value",
    [
        ("/api/v2/pages/", "sdg", "3,11"),
        ("/api/v2/pages/", "country", "ke"),
        ("/api/v2/pages/", "limit", "0"),
        ("/api/v2/pages/", "fields", "_"),
        ("/api/v2/map/", "bbox", "170,-10,-170,10"),
        ("/api/v2/search/", "page", "100"),
        ("/api/v2/images/", "search_operator", "or"),
    ],
)
def test_a_value_the_schema_allows_is_served(client, v2, case_factory, path, name, value):
    case_factory(title="Solar roofs", sdgs=[11], country="KE")
    assert _fits(v2, path, name, value)
    response = client.get(path, {name: value})
    assert response.status_code == 200, response.content[:300]


@pytest.mark.django_db
def test_fields_none_of_the_defaults_is_a_documented_answer(client, v2, case_factory):
    case_factory(title="Solar roofs")
    items = client.get("/api/v2/pages/", {"fields": "_", "type": "cases.CasePage"}).json()
    assert items["items"] == [{}]
    page_schema = v2["paths"]["/api/v2/pages/"]["get"]["responses"]["200"]
    schema = page_schema["content"]["application/json"]["schema"]
    Draft202012Validator({**schema, "components": v2["components"]}).validate(items)


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/api/v2/search/", "/api/v2/search/suggest/"])
def test_a_method_the_search_does_not_take_is_405(client, path):
    response = client.generic("QUERY", path)
    assert response.status_code == 405


@pytest.mark.django_db
def test_v3_documents_its_errors_and_anonymous_reads(v3):
    listing = v3["paths"]["/api/v3/pages/"]["get"]
    assert {"400", "401", "422"} <= set(listing["responses"])
    assert "AllowAnonymous" not in json.dumps(v3)
    assert all(requirement in ({},) or requirement for requirement in listing["security"])
    assert not any(path.startswith("/api/v3/snippets/") for path in v3["paths"])


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url, parameter",
    [
        ("/api/v3/pages/1/revisions/?user_id=abc", "user_id"),
        ("/api/v3/pages/?site=a%20b", "site"),
        ("/api/v3/pages/abc/", "page_id"),
        ("/api/v3/pages/99999999999/", "page_id"),
    ],
)
def test_v3_values_outside_the_description_are_problems_naming_them(client, url, parameter):
    response = client.get(url)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["detail"].startswith(f"{parameter}:")


SURVEY = {"sector": "ngo", "learning_channels": ["networks"], "consent_research": True}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "member, value",
    [
        ("consent_research", [None, None]),
        ("consent_research", 1),
        ("consent_share_text", "yes"),
        ("comments", {}),
        ("learning_channels", "networks"),
    ],
)
def test_a_json_member_must_have_the_type_the_description_gives(client, member, value):
    response = client.post(
        "/api/v2/submissions/survey/", {**SURVEY, member: value}, content_type="application/json"
    )
    assert response.status_code == 400
    assert list(response.json()["errors"]) == [member]
    assert (
        client.post(
            "/api/v2/submissions/survey/", SURVEY, content_type="application/json"
        ).status_code
        == 201
    )


@pytest.mark.django_db
def test_insights_refuse_a_year_range_that_ends_before_it_starts(client, v2):
    assert "year_to" in v2["paths"]["/api/v2/insights/{name}/"]["get"]["description"]
    response = client.get("/api/v2/insights/flows/", {"year_from": 2099, "year_to": 1900})
    assert response.status_code == 400
    assert response.json()["message"].startswith("year_to:")
