"""python manage.py export_open_data DIR"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from api import services
from exchange import exports


class Command(BaseCommand):
    help = (
        "Write the published cases as a Frictionless Data Package for researchers: "
        "DIR/cases.csv, DIR/links.csv (knowledge-transfer links) and DIR/datapackage.json (field "
        "schema and licence). Public fields only."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", help="Where to write; created if missing.")

    def handle(self, *args, directory, **options):
        target = Path(directory)
        if target.exists() and not target.is_dir():
            raise CommandError(f"{target} is not a directory.")
        target.mkdir(parents=True, exist_ok=True)
        with (target / "cases.csv").open("w", encoding="utf-8", newline="") as handle:
            services.write_cases_csv(handle)
        # The knowledge-transfer links between cases (exchange/), a resource of their own.
        with (target / "links.csv").open("w", encoding="utf-8", newline="") as handle:
            exports.write_links_csv(handle)
        descriptor = services.data_package("cases.csv")
        descriptor["resources"].append(exports.links_resource("links.csv"))
        (target / "datapackage.json").write_text(
            json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        self.stdout.write(
            f"Wrote {target / 'cases.csv'}, {target / 'links.csv'} and {target / 'datapackage.json'}."
        )
