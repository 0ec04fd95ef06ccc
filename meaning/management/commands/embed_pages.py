"""`manage.py embed_pages`: give every live case and article its vector.

Resumable: it embeds only the pages that have no vector of the current model (or, with
`--all`, whose text changed since), in batches that are each committed, so stopping it and
starting again loses at most one batch.
"""

from django.core.management.base import BaseCommand, CommandError

from tqdm import tqdm

from meaning import backends, embedding


class Command(BaseCommand):
    help = "Embed live cases and articles that have no vector yet (resumable)."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=16)
        parser.add_argument(
            "--all",
            action="store_true",
            dest="every",
            help="Check every live page (re-embeds only those whose text changed).",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, batch_size, every, no_progress, **options):
        if not backends.enabled():
            raise CommandError("Meaning is off (EMBEDDING_BACKEND=none): nothing to embed.")
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        if every:
            ids = list(embedding.embedded_pages().order_by("pk").values_list("pk", flat=True))
        else:
            ids = embedding.pages_needing_vectors()
        written = 0
        with tqdm(total=len(ids), unit="page", disable=no_progress) as progress:
            for start in range(0, len(ids), batch_size):
                batch = ids[start : start + batch_size]
                written += embedding.embed_pages(batch)
                progress.update(len(batch))
        self.stdout.write(f"Embedded {written} of {len(ids)} pages.")
