"""Take screenshots of the main pages in two languages into docs/screenshots/.

Usage: .venv/bin/python scripts/screenshots.py
It builds a throw-away SQLite database with the demo data, serves it on a free port and drives
Debian's Chromium. Nothing outside /tmp and docs/screenshots/ is touched.
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
PAGES = [
    ("home", "/{lang}/"),
    ("directory", "/{lang}/cities/"),
    ("directory-filtered", "/{lang}/cities/?country=ES&population=2"),
    ("city", "/{lang}/cities/barcelona-es/"),
    ("networks", "/{lang}/networks/"),
    ("charter", "/{lang}/charter/"),
    ("governance", "/{lang}/governance/"),
    ("figures", "/{lang}/figures/"),
    ("join", "/{lang}/join/"),
    ("experiences-search", "/{lang}/experiences/"),
    ("experiences-search-filtered", "/{lang}/experiences/?q=enfants&theme=children_participation&country=PT"),
    ("experience", "/{lang}/experiences/conselho-municipal-das-criancas-do-porto-porto/"),
    ("award-editions", "/{lang}/award/"),
    ("award-edition-2020", "/{lang}/award/2020/"),
]
JUROR_PAGES = [
    ("jury-dashboard", "/{lang}/jury/{process}/"),
    ("jury-item", "/{lang}/jury/items/{item}/"),
]
STAFF_PAGES = [
    ("backoffice-applications", "/{lang}/backoffice/"),
    ("backoffice-fees", "/{lang}/backoffice/fees/"),
    ("moderation-queue", "/{lang}/experiences/moderation/"),
    ("moderation-revision", "/{lang}/experiences/moderation/{revision}/"),
    ("translations", "/{lang}/experiences/translations/?language={lang}"),
    ("experience-edit", "/{lang}/experiences/{draft}/edit/classification/"),
    ("award-staff-applications", "/{lang}/backoffice/award/2026/applications/"),
    ("jury-manage", "/{lang}/jury/{process}/manage/"),
    ("jury-ranking", "/{lang}/jury/{process}/ranking/"),
]
LANGUAGES = ["en", "fr"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> int:
    var_dir = tempfile.mkdtemp(prefix="educities-shots-")
    env = {
        **os.environ,
        "EDUCITIES_VAR_DIR": var_dir,
        "EDUCITIES_DEBUG": "1",
        "EDUCITIES_MAP_TILE_URL": "",
        "EDUCITIES_STAFF_MFA_REQUIRED": "0",
        "EDUCITIES_ACCOUNT_EMAIL_VERIFICATION": "optional",
    }
    env.pop("DATABASE_URL", None)
    python = sys.executable
    manage = str(ROOT / "manage.py")
    subprocess.run([python, manage, "migrate", "-v0"], env=env, check=True)  # noqa: S603
    subprocess.run([python, manage, "demo_load"], env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: S603
    # An experience with proposed changes under review, and a draft, from the demo data.
    slugs = subprocess.run(  # noqa: S603
        [
            python,
            manage,
            "shell",
            "-c",
            (
                "from educities.experiences.models import Experience as E; "
                "print(E.objects.filter(revisions__status__in=['submitted','in_review']).first().slug); "
                "print(E.objects.filter(status='draft').first().slug); "
                "from educities.awards.models import Edition; "
                "from educities.reviews.models import Review; "
                "p = Edition.objects.get(year=2026).review_process; print(p.pk); "
                "print(Review.objects.filter(item__process=p, "
                "reviewer__user__email='juror@educities.localhost').first().item_id)"
            ),
        ],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    revision_slug, draft_slug, process_id, item_id = slugs[-4:]
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [python, manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(50):
            try:
                urllib.request.urlopen(f"{base}/en/", timeout=2)  # noqa: S310 - local server
                break
            except OSError:
                time.sleep(0.3)
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                ],
            )
            for lang in LANGUAGES:
                context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=lang)
                page = context.new_page()
                for name, path in PAGES:
                    page.goto(base + path.format(lang=lang))
                    page.wait_for_timeout(400)
                    page.screenshot(path=str(OUT / f"{name}.{lang}.png"), full_page=False)
                    print(f"{name}.{lang}.png")
                page.goto(f"{base}/{lang}/accounts/login/")
                page.fill("input[name=login]", "staff@educities.localhost")
                page.fill("input[name=password]", "educities-demo")
                page.locator("form [type=submit]").last.click()
                page.wait_for_load_state()
                for name, path in STAFF_PAGES:
                    page.goto(
                        base
                        + path.format(lang=lang, revision=revision_slug, draft=draft_slug, process=process_id)
                    )
                    page.wait_for_timeout(300)
                    page.screenshot(path=str(OUT / f"{name}.{lang}.png"), full_page=False)
                    print(f"{name}.{lang}.png")
                context.close()
                context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=lang)
                page = context.new_page()
                page.goto(f"{base}/{lang}/accounts/login/")
                page.fill("input[name=login]", "juror@educities.localhost")
                page.fill("input[name=password]", "educities-demo")
                page.locator("form [type=submit]").last.click()
                page.wait_for_load_state()
                for name, path in JUROR_PAGES:
                    page.goto(base + path.format(lang=lang, process=process_id, item=item_id))
                    page.wait_for_timeout(300)
                    page.screenshot(path=str(OUT / f"{name}.{lang}.png"), full_page=False)
                    print(f"{name}.{lang}.png")
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
