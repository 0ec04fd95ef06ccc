import pytest


@pytest.mark.django_db
def test_smoke(client, event_factory, partner_factory):
    p = partner_factory(partnership_type="founding")
    e = event_factory(organisers=[p], topics=[])
    for url in [
        "/events/",
        e.url,
        "/events/feed.ics",
        f"/events/{e.slug}.ics",
        "/events/feed/",
        "/events/feed/atom/",
        "/partners/",
        "/partners/become-a-partner/",
        "/",
        "/search/?q=workshop",
        "/api/v2/pages/?type=events.EventPage&fields=*",
        f"/api/v2/pages/{e.pk}/",
        "/api/v2/search/?type=event",
    ]:
        r = client.get(url)
        print(
            url,
            r.status_code,
            r.content[:3000].decode()
            if url.endswith(
                (".ics", "/feed/", "pages/?type=events.EventPage&fields=*", "type=event")
            )
            else "",
        )
        assert r.status_code == 200, (url, r.content[:2000])
