"""Content for the API fuzzer (scripts/api_fuzz.sh), beyond the demo cases: images and a
document (so the media endpoints have something to serve), a public submission with an image
waiting for review (so what must stay private is there to leak), and a bearer token for v3
writes. Prints the token."""

import io
import os
import sys

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "closercities.settings.fuzz")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.core.files.base import ContentFile  # noqa: E402
from django.test import Client  # noqa: E402

from wagtail.documents import get_document_model  # noqa: E402
from wagtail.images import get_image_model  # noqa: E402
from wagtail.models import APIToken  # noqa: E402

from PIL import Image  # noqa: E402


def png(colour):
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), colour).save(buffer, "PNG")
    return buffer.getvalue()


for number, colour in enumerate([(200, 60, 40), (40, 160, 90), (30, 80, 200)], start=1):
    get_image_model().objects.create(
        title=f"Street photo {number}", file=ContentFile(png(colour), f"street-{number}.png")
    )
get_document_model().objects.create(
    title="Case study template", file=ContentFile(b"Title,City\n", "case-template.csv")
)

submission = Client(HTTP_HOST="127.0.0.1").post(
    "/api/v2/submissions/cases/",
    {
        "title": "Pending rooftop farms",
        "summary": "Waiting for review.",
        "description": "Not public yet.",
        "city": "Accra",
        "country": "GH",
        "sdgs": "2",
        "submitter_name": "Private Submitter",
        "submitter_email": "private.submitter@example.org",
        "consent_publish": "true",
        "consent_privacy": "true",
        "image": ContentFile(png((90, 90, 90)), "pending.png"),
    },
)
if submission.status_code != 201:
    sys.exit(f"The pending submission was refused: {submission.content!r}")

# A partner who writes through v3: drafts of cases (Moderators) and of site pages (Editors),
# images and documents; no deleting, and publishing reviewed pages is refused to everyone.
partner = get_user_model().objects.create_user("fuzz-partner", "fuzz@example.org")
partner.groups.set(Group.objects.filter(name__in=["Editors", "Moderators"]))
_, token = APIToken.create_token(user=partner, name="fuzzer")
print(token)
