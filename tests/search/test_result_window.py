"""A search engine answers only the first 10,000 results of a search; asking the v2 or v3 API
for a page beyond that made OpenSearch refuse the query and the API answer 500 (issue 12 #11).
The input guard refuses such an offset with 400 naming it; the last page of the window is
served. Needs the real engine (`make test-search-engine`)."""

import pytest

pytestmark = pytest.mark.engine


@pytest.fixture
def corpus(search_index, case_factory):
    case_factory(title="Water-sensitive streets", summary="Streets that hold rain water.")
    search_index.refresh()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "listing",
    ["/api/v2/pages/?search=water", "/api/v3/pages/?search=water", "/api/v2/images/?search=water"],
)
def test_the_engine_window_ends_with_a_400_not_a_500(client, corpus, listing):
    assert client.get(f"{listing}&offset=9900&limit=100").status_code == 200
    response = client.get(f"{listing}&offset=9901&limit=100")
    assert response.status_code == 400
    assert "offset" in response.content.decode()
