"""Research data releases: versioned Frictionless data packages for affiliated researchers,
written by `manage.py research_release` (see build.py) and served to members of the Researchers
group through /api/v2/research/releases/."""

from pathlib import Path

from django.urls import reverse

from ..models import ResearchRelease

MEDIA_TYPES = {
    ".csv": "text/csv; charset=utf-8",
    ".json": "application/json",
    ".md": "text/markdown; charset=utf-8",
    ".cff": "application/x-yaml; charset=utf-8",
}


def listed():
    return ResearchRelease.objects.order_by("-created_at", "-pk")


def find(version):
    return ResearchRelease.objects.filter(version=version).first()


def summary(release, request):
    return {
        "version": release.version,
        "from": release.date_from.isoformat(),
        "to": release.date_to.isoformat(),
        "created_at": release.created_at.isoformat(),
        "title": release.descriptor.get("title", ""),
        "url": request.build_absolute_uri(reverse("api_release", args=[release.version])),
    }


def detail(release, request):
    files = [
        {
            **item,
            "url": request.build_absolute_uri(
                reverse("api_release_file", args=[release.version, item["name"]])
            ),
        }
        for item in release.files
    ]
    return {**summary(release, request), "datapackage": release.descriptor, "files": files}


def file_path(release, name):
    """The path of one of the release's own files, or None (never anything else on disk)."""
    if name not in {item["name"] for item in release.files}:
        return None
    path = Path(release.directory) / name
    return path if path.is_file() else None


def media_type(name):
    return MEDIA_TYPES.get(Path(name).suffix, "application/octet-stream")
