"""The research endpoints: `/api/v2/insights/<name>/` (public figures, cached like every read)
and `/api/v2/research/releases/` (research data releases, for affiliated researchers with a
bearer token). Thin: the numbers and the releases come from the insights app."""

from django.http import FileResponse, JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from wagtail.models import APIToken

from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import BasePermission
from rest_framework.response import Response
from rest_framework.views import APIView

from core.caching import cached_read
from insights import releases, services
from insights.figures import NAMES

from .views import ReadEndpoint

RESEARCHERS = "Researchers"


class InsightView(ReadEndpoint):
    """The numbers of one insight figure, for the filters `sdg`, `region`, `year_from`,
    `year_to`."""

    def get(self, request, name):
        if name not in NAMES:
            return JsonResponse(
                {
                    "message": _("name: no figure called '%(name)s' (one of %(names)s)")
                    % {"name": name[:40], "names": ", ".join(NAMES)}
                },
                status=404,
            )
        return cached_read(
            request,
            lambda: services.figure_data(name, request.GET),
            variant=services.cache_variant(name),
        )


class BearerTokenAuthentication(BaseAuthentication):
    """`Authorization: Bearer <token>` with a Wagtail API token (the admin's API tokens, the
    same ones API v3 takes). Nothing else authenticates these endpoints: no session cookie."""

    keyword = "bearer"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.encode():
            return None
        if len(parts) != 2:
            raise AuthenticationFailed(_("Authorization: give 'Bearer <token>'."))
        token = parts[1].decode("latin-1")
        api_token = (
            APIToken.objects.select_related("user")
            .filter(key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True)
            .first()
        )
        if api_token is None or not api_token.user.is_active:
            raise AuthenticationFailed(_("Authorization: the token is not valid."))
        return api_token.user, api_token

    def authenticate_header(self, request):
        return 'Bearer realm="research releases"'


class IsResearcher(BasePermission):
    message = _("Research data releases are for members of the Researchers group.")

    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        return user.groups.filter(name=RESEARCHERS).exists()


class ReleaseEndpoint(APIView):
    authentication_classes = [BearerTokenAuthentication]
    permission_classes = [IsResearcher]

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        # For one researcher's eyes: never kept by a shared cache.
        patch_cache_control(response, private=True, no_store=True)
        return response

    def not_found(self, version):
        return Response(
            {"message": _("version: no release '%(version)s'") % {"version": version[:40]}},
            status=404,
        )


class ReleaseListView(ReleaseEndpoint):
    def get(self, request):
        return Response({"releases": [releases.summary(r, request) for r in releases.listed()]})


class ReleaseDetailView(ReleaseEndpoint):
    def get(self, request, version):
        release = releases.find(version)
        if release is None:
            return self.not_found(version)
        return Response(releases.detail(release, request))


class ReleaseFileView(ReleaseEndpoint):
    def get(self, request, version, name):
        release = releases.find(version)
        path = releases.file_path(release, name) if release else None
        if path is None:
            return self.not_found(f"{version}/{name}")
        response = FileResponse(open(path, "rb"), as_attachment=True, filename=name)  # noqa: SIM115
        response["Content-Type"] = releases.media_type(name)
        return response
