"""The OpenAPI description at /api/v2/schema/ is valid, covers every endpoint, and real
responses of every path (successes and errors) match it."""

import json
import re

from django.urls import get_resolver

import pytest
from jsonschema import Draft202012Validator
from openapi_spec_validator import validate

from tests.factories import ResearcherFactory

# Endpoints other issues add; their paths are checked once their URLs are wired.
OPTIONAL = ("/api/v2/search/", "/api/v2/submissions/")


@pytest.fixture
def spec(client, db):
    response = client.get("/api/v2/schema/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.oai.openapi+json"
    return json.loads(response.content)


@pytest.fixture
def content(case_factory, article_factory, event_factory, partner_factory, library_item_factory):
    event_factory(
        title="Heat workshop",
        organisers=[partner_factory()],
        languages=["en"],
        registration_url="https://example.org/register",
    )
    nairobi = case_factory(
        title="Community health workers in Nairobi",
        country="KE",
        sdgs=[3],
        topics=["health"],
        actors=[{"organisation": "Nairobi City County", "sector": "government", "role": "Lead"}],
    )
    case_factory(title="No coordinates", latitude=None, longitude=None, start_year=None)
    library_item_factory(title="Nairobi health strategy", sdgs=[3], related_cases=[nairobi])
    article_factory(
        title="Learning from health workers", authors=[ResearcherFactory()], related_cases=[nairobi]
    )
    return nairobi


def _check(spec, path, response, method="get"):
    """Validate a real response against the operation's response for its status code."""
    operation = spec["paths"][path][method]
    status = str(response.status_code)
    assert status in operation["responses"], f"{path} answered {status}, not documented"
    documented = operation["responses"][status]
    if "content" not in documented:
        assert not response.content
        return
    content_type = response["Content-Type"].split(";")[0]
    assert content_type in documented["content"], (path, content_type)
    schema = documented["content"][content_type]["schema"]
    text = response.content.decode()
    body = json.loads(text) if content_type.endswith("json") else text
    Draft202012Validator(
        {**schema, "components": spec["components"]},
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    ).validate(body)
    for header in documented.get("headers", {}):
        assert header in response, (path, header)


def test_the_description_is_valid_openapi(spec):
    validate(spec)


def test_every_api_url_is_described(spec):
    described = {re.sub(r"\{[^}]+\}", "<id>", path) for path in spec["paths"]}
    found = set()

    def walk(patterns, prefix=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern).lstrip("^").replace("\\Z", "").rstrip("$")
            if hasattr(pattern, "url_patterns"):
                walk(pattern.url_patterns, route)
            elif route.startswith("api/v2/"):
                found.add("/" + re.sub(r"\(\?P<\w+>[^)]+\)|<[^>]+>", "<id>", route))

    walk(get_resolver().url_patterns)
    # The schema and the docs page describe the API; they are not part of it.
    found -= {"/api/v2/schema/", "/api/v2/docs/"}
    # Wagtail's router also answers listing URLs without the trailing slash via redirects.
    missing = {url for url in found if url not in described and url + "/" not in described}
    assert not missing, f"not in the OpenAPI description: {sorted(missing)}"


@pytest.mark.django_db
def test_real_responses_match_the_description(client, spec, content):
    nairobi = content
    requests = [
        ("/api/v2/pages/", "/api/v2/pages/"),
        ("/api/v2/pages/", "/api/v2/pages/?type=cases.CasePage&fields=*"),
        ("/api/v2/pages/", "/api/v2/pages/?type=articles.ArticlePage&fields=*"),
        ("/api/v2/pages/", "/api/v2/pages/?fields=*&sdg=3&region=002&year_from=2000"),
        ("/api/v2/pages/", "/api/v2/pages/?type=cases.CasePage&sdg=99"),
        ("/api/v2/pages/", "/api/v2/pages/?limit=101"),
        ("/api/v2/pages/{id}/", f"/api/v2/pages/{nairobi.pk}/"),
        ("/api/v2/pages/{id}/", "/api/v2/pages/999999/"),
        ("/api/v2/pages/find/", "/api/v2/pages/find/?html_path=/nowhere/"),
        ("/api/v2/pages/find/", f"/api/v2/pages/find/?html_path={nairobi.url}"),
        ("/api/v2/images/", "/api/v2/images/"),
        ("/api/v2/images/{id}/", "/api/v2/images/999999/"),
        ("/api/v2/images/find/", "/api/v2/images/find/?id=999999"),
        ("/api/v2/documents/find/", "/api/v2/documents/find/?id=999999"),
        ("/api/v2/documents/", "/api/v2/documents/"),
        ("/api/v2/documents/{id}/", "/api/v2/documents/999999/"),
        ("/api/v2/cases/{id}/similar/", f"/api/v2/cases/{nairobi.pk}/similar/"),
        ("/api/v2/cases/{id}/similar/", f"/api/v2/cases/{nairobi.pk}/similar/?limit=0"),
        ("/api/v2/cases/{id}/similar/", "/api/v2/cases/999999/similar/"),
        ("/api/v2/map/", "/api/v2/map/"),
        ("/api/v2/map/", "/api/v2/map/?bbox=0,-10,40,10&topic=health"),
        ("/api/v2/map/", "/api/v2/map/?bbox=nonsense"),
        ("/api/v2/map/events/", "/api/v2/map/events/"),
        ("/api/v2/map/events/", "/api/v2/map/events/?when=all&sdg=1&attendance=in_person"),
        ("/api/v2/map/events/", "/api/v2/map/events/?when=tomorrow"),
        ("/api/v2/pages/", "/api/v2/pages/?type=events.EventPage&fields=*"),
        ("/api/v2/pages/", "/api/v2/pages/?event_type=workshop&starts_after=2020-01-01"),
        ("/api/v2/pages/", "/api/v2/pages/?starts_before=soon"),
        ("/api/v2/stats/", "/api/v2/stats/"),
        ("/api/v2/export/cases.csv", "/api/v2/export/cases.csv"),
        ("/api/v2/export/cases.json", "/api/v2/export/cases.json"),
        ("/api/v2/search/", "/api/v2/search/?q=health&sdg=3"),
        ("/api/v2/search/", "/api/v2/search/"),
        ("/api/v2/search/", "/api/v2/search/?sdg=99"),
        ("/api/v2/search/", "/api/v2/search/?type=event"),
        ("/api/v2/search/suggest/", "/api/v2/search/suggest/?q=Comm"),
        # The policy library and video case studies (api/openapi/library.py).
        ("/api/v2/pages/", "/api/v2/pages/?type=library.LibraryItemPage&fields=*"),
        ("/api/v2/pages/", "/api/v2/pages/?document_type=strategy&has_video=false"),
        ("/api/v2/pages/", "/api/v2/pages/?document_type=novel"),
        ("/api/v2/search/", "/api/v2/search/?type=library&document_type=strategy"),
        ("/api/v2/search/", "/api/v2/search/?has_video=maybe"),
        # Feeds (api/openapi/feeds.py).
        *((f"/{s}/feed/", f"/{s}/feed/?sdg=3") for s in ("cases", "science", "library")),
        *((f"/{s}/feed/atom/", f"/{s}/feed/atom/") for s in ("cases", "science", "library")),
        ("/cases/feed/", "/cases/feed/?region=nowhere"),
        ("/api/v2/network/", "/api/v2/network/"),
        ("/api/v2/network/", "/api/v2/network/?sdg=3&kind=learned_from&year_from=2000"),
        ("/api/v2/network/", "/api/v2/network/?kind=nonsense"),
        ("/api/v2/network.graphml", "/api/v2/network.graphml"),
        ("/api/v2/network.graphml", "/api/v2/network.graphml?sdg=99"),
        ("/api/v2/export/links.csv", "/api/v2/export/links.csv"),
        *(
            ("/api/v2/insights/{name}/", f"/api/v2/insights/{name}/?region=002")
            for name in (
                "coverage",
                "timeline",
                "countries",
                "maturity",
                "sectors",
                "flows",
                "survey",
            )
        ),
        ("/api/v2/insights/{name}/", "/api/v2/insights/coverage/?sdg=99"),
        ("/api/v2/insights/{name}/", "/api/v2/insights/nonsense/"),
        ("/api/v2/research/releases/", "/api/v2/research/releases/"),
        ("/api/v2/research/releases/{version}/", "/api/v2/research/releases/1.0.0/"),
        (
            "/api/v2/research/releases/{version}/files/{name}",
            "/api/v2/research/releases/1.0.0/files/cases.csv",
        ),
    ]
    checked = set()
    for path, url in requests:
        response = client.get(url)
        if response.status_code == 404 and path.startswith(OPTIONAL):
            continue
        _check(spec, path, response)
        checked.add(path)
    etag = client.get("/api/v2/stats/")["ETag"]
    _check(spec, "/api/v2/stats/", client.get("/api/v2/stats/", HTTP_IF_NONE_MATCH=etag))

    submissions = [
        ("/api/v2/submissions/cases/", {"title": ""}),
        ("/api/v2/submissions/survey/", {}),
        ("/api/v2/partners/requests/", {"organisation": ""}),
        (
            "/api/v2/partners/requests/",
            {
                "organisation": "Lyon Metropole",
                "sector": "government",
                "country": "FR",
                "contact_name": "Camille",
                "contact_email": "camille@example.org",
                "contribution": "Cases and a study visit.",
                "consent": True,
            },
        ),
        ("/api/v2/search/click/", {"page_id": nairobi.pk, "position": 1}),
        ("/api/v2/search/click/", {"page_id": "x"}),
        ("/api/v2/exchange/adoptions/", {"case": nairobi.pk}),
        ("/api/v2/exchange/contact/", {"case": nairobi.pk}),
        ("/api/v2/benchmark/", {"title": "", "sdgs": "3"}),
        (
            "/api/v2/benchmark/",
            {
                "title": "Health workers in Kisumu",
                "description": "Community health workers visit families at home.",
                "country": "KE",
                "sdgs": [3],
                "topics": [],
                "actors": [{"sector": "government"}],
                "evidence": "monitored",
                "start_year": 2019,
            },
        ),
    ]
    for path, body in submissions:
        response = client.post(path, json.dumps(body), content_type="application/json")
        if response.status_code == 404:
            continue
        _check(spec, path, response, method="post")
        checked.add(path)

    unchecked = {
        path for path in spec["paths"] if path not in checked and not path.startswith(OPTIONAL)
    }
    assert not unchecked, f"paths without a checked response: {sorted(unchecked)}"


@pytest.mark.django_db
def test_throttled_answer_matches_the_description(client, spec, content, settings):
    settings.API_ANON_THROTTLE_RATE = "1/minute"
    client.get("/api/v2/stats/")
    response = client.get("/api/v2/stats/")
    assert response.status_code == 429
    _check(spec, "/api/v2/stats/", response)


@pytest.mark.django_db
def test_docs_page_uses_only_local_assets(client, spec):
    response = client.get("/api/v2/docs/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/api/v2/schema/" in html
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(source.startswith("/") for source in sources), sources
    assert any(source.endswith("swagger-ui-bundle.js") for source in sources)


@pytest.mark.django_db
def test_v3_describes_itself_with_local_assets(client):
    assert client.get("/api/v3/openapi.json").json()["info"]["title"] == "Wagtail API"
    html = client.get("/api/v3/docs/").content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and not [source for source in sources if "://" in source], sources
