"""Video case studies: the player, and beside it the transcript (from the captions file, or
typed by editors), readable without the video and searched; the has_video facet and filter;
cards and results mark cases with a video."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

import pytest

VIDEO = "https://www.youtube.com/watch?v=closercities1"
CAPTIONS = """WEBVTT

00:00.000 --> 00:04.000
<v Amina>Our superblock gave the street back to children.

00:04.000 --> 00:08.000
Our superblock gave the street back to children.

00:08.000 --> 00:12.000
Traffic fell by a <b>fifth</b> in the first year.
"""


@pytest.fixture
def player():
    """The provider's answer for VIDEO, as Wagtail keeps it after fetching it once (the test
    machine has no internet)."""
    return Embed.objects.create(
        url=VIDEO,
        max_width=800,
        hash=get_embed_hash(VIDEO, 800),
        type="video",
        html='<iframe title="Superblocks" src="https://www.youtube-nocookie.com/embed/x"></iframe>',
        provider_name="YouTube",
    )


@pytest.fixture
def video_case(case_factory, player):
    captions = get_document_model().objects.create(
        title="Superblock captions", file=ContentFile(CAPTIONS.encode(), name="superblock.vtt")
    )
    return case_factory(
        title="Superblocks in Barcelona",
        city="Barcelona",
        country="ES",
        sdgs=[11],
        video=[("embed", VIDEO)],
        video_captions=captions,
    )


@pytest.mark.django_db
def test_the_case_page_shows_the_player_and_the_transcript_beside_it(client, video_case):
    assert video_case.has_video
    assert video_case.caption_text == (
        "Our superblock gave the street back to children.\n"
        "Traffic fell by a fifth in the first year."
    )
    html = client.get(video_case.url).content.decode()
    assert '<section class="case-video"' in html
    assert "youtube-nocookie.com/embed/x" in html
    assert 'id="transcript"' in html and "Traffic fell by a fifth in the first year." in html
    assert "Download the captions (VTT)" in html
    assert f'href="{VIDEO}"' in html  # the video on its own site, if the player cannot load


@pytest.mark.django_db
def test_an_editors_transcript_is_shown_without_a_video(client, case_factory):
    case = case_factory(title="Market hall", video_transcript="We <b>rebuilt</b> the hall.")
    assert not case.has_video
    html = client.get(case.url).content.decode()
    assert "We &lt;b&gt;rebuilt&lt;/b&gt; the hall." in html  # text, escaped
    assert "<iframe" not in html


@pytest.mark.django_db
def test_transcripts_are_searched_and_has_video_is_a_facet(client, video_case, case_factory):
    case_factory(title="Tram line", sdgs=[11])
    body = client.get("/api/v2/search/?q=children+street").json()
    assert [item["id"] for item in body["results"]] == [video_case.pk]
    assert body["results"][0]["has_video"] is True

    body = client.get("/api/v2/search/").json()
    counts = {item["value"]: item["count"] for item in body["facets"]["has_video"]}
    assert counts == {"true": 1, "false": 1}
    body = client.get("/api/v2/search/?has_video=true").json()
    assert [item["title"] for item in body["results"]] == ["Superblocks in Barcelona"]
    assert client.get("/api/v2/search/?has_video=maybe").status_code == 400

    html = client.get("/cases/?has_video=true").content.decode()
    assert "Superblocks in Barcelona" in html and "Tram line" not in html
    assert 'name="has_video" value="true" checked' in html
    assert '<span class="video-badge">Video</span>' in html

    titles = [item["title"] for item in client.get("/api/v2/pages/?has_video=true").json()["items"]]
    assert titles == ["Superblocks in Barcelona"]
    detail = client.get(f"/api/v2/pages/{video_case.pk}/").json()
    assert detail["has_video"] is True and detail["transcript"].startswith("Our superblock")
    assert client.get("/api/v2/pages/?has_video=perhaps").status_code == 400
