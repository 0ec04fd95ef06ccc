import importlib

from django.apps import apps

import pytest

from taxonomy.models import SDG

sdg_migration = importlib.import_module("taxonomy.migrations.0002_sdgs")

OFFICIAL_TITLES = {
    1: "No Poverty",
    2: "Zero Hunger",
    3: "Good Health and Well-being",
    4: "Quality Education",
    5: "Gender Equality",
    6: "Clean Water and Sanitation",
    7: "Affordable and Clean Energy",
    8: "Decent Work and Economic Growth",
    9: "Industry, Innovation and Infrastructure",
    10: "Reduced Inequalities",
    11: "Sustainable Cities and Communities",
    12: "Responsible Consumption and Production",
    13: "Climate Action",
    14: "Life Below Water",
    15: "Life on Land",
    16: "Peace, Justice and Strong Institutions",
    17: "Partnerships for the Goals",
}


@pytest.mark.django_db
def test_migrated_database_has_all_17_goals_with_official_titles():
    assert dict(SDG.objects.values_list("number", "title")) == OFFICIAL_TITLES


@pytest.mark.django_db
def test_every_goal_has_a_distinct_official_colour():
    colours = dict(SDG.objects.values_list("number", "colour"))
    assert colours[1] == "#E5243B"
    assert colours[11] == "#FD9D24"
    assert colours[17] == "#19486A"
    assert len(set(colours.values())) == 17
    for sdg in SDG.objects.all():
        sdg.full_clean()


@pytest.mark.django_db
def test_running_the_migration_again_restores_edited_goals_without_duplicates():
    SDG.objects.filter(number=3).update(title="Health")
    sdg_migration.create_sdgs(apps, None)
    assert SDG.objects.count() == 17
    assert SDG.objects.get(number=3).title == "Good Health and Well-being"
