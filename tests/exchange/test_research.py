"""What the research side (the insights app) reads of the exchange: the knowledge flows and
the releases' knowledge_links.csv are the public knowledge-transfer links, worked out here
again from the database with the ORM, and they follow publishing and unpublishing."""

import csv
import datetime
from collections import Counter
from pathlib import Path

from django.core.management import call_command
from django.db.models import Q

import pytest

from cases.models import CasePage
from exchange.models import KnowledgeLink
from insights.models import ResearchRelease
from taxonomy import regions

PRIVATE = ("adopter.private@example.org", "The method.", "Draft", "Private")


def public_link_rows(**conditions):
    """(source city, source country, source region, target city, target country, target
    region, kind, channel, year) of every public link, from the ORM."""
    public = CasePage.objects.live().public().values("pk")
    links = (
        KnowledgeLink.objects.filter(target__in=public)
        .filter(
            Q(source_case__in=public) | Q(source_case__isnull=True, source_external__isnull=False)
        )
        .filter(**conditions)
        .select_related("source_case", "source_external", "target")
    )
    rows = []
    for item in links:
        source, target = item.source_case or item.source_external, item.target
        source_region = (
            source.region if item.source_case else regions.for_country(str(source.country))[0]
        )
        rows.append(
            (
                source.city,
                str(source.country),
                source_region,
                target.city,
                str(target.country),
                target.region,
                item.kind,
                item.channel,
                item.year,
            )
        )
    return Counter(rows)


@pytest.mark.django_db
def test_the_release_lists_the_public_links_and_nothing_more(varied_network, tmp_path):
    today = datetime.date.today().isoformat()
    call_command("research_release", str(tmp_path), "--from", "2020-01-01", "--to", today)
    folder = Path(ResearchRelease.objects.order_by("-pk").first().directory)
    text = (folder / "knowledge_links.csv").read_text(encoding="utf-8")
    with (folder / "knowledge_links.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert "description" not in rows[0] and not any(word in text for word in PRIVATE)
    released = Counter(
        (
            row["source_city"],
            row["source_country"],
            row["source_region"],
            row["target_city"],
            row["target_country"],
            row["target_region"],
            row["kind"],
            row["channel"],
            int(row["year"]) if row["year"] else None,
        )
        for row in rows
    )
    assert released == public_link_rows() and sum(released.values()) == 8
    assert ("Katowice", "PL", "150", "Toronto", "CA", "019", "inspired_by", "conference", 2016) in (
        released
    )


@pytest.mark.django_db
@pytest.mark.parametrize("sdg", [11, 2, 16, 17])
def test_the_flows_sdg_filter_counts_links_by_the_case_that_learned(client, varied_network, sdg):
    body = client.get(f"/api/v2/insights/flows/?sdg={sdg}").json()
    assert body["links"] == sum(public_link_rows(target__sdgs__number=sdg).values())


@pytest.mark.django_db
def test_the_flows_follow_publishing_and_unpublishing(client, varied_network):
    hanoi = varied_network[3]
    assert client.get("/api/v2/insights/flows/").json()["links"] == 8
    hanoi.unpublish()
    after = client.get("/api/v2/insights/flows/").json()
    assert after["links"] == sum(public_link_rows().values()) == 5  # Hanoi was in three
    CasePage.objects.get(pk=hanoi.pk).save_revision().publish()
    assert client.get("/api/v2/insights/flows/").json()["links"] == 8
