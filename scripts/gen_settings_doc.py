"""Regenerate docs/settings.md from the Settings class: `python scripts/gen_settings_doc.py`."""

from __future__ import annotations

from pathlib import Path

from accords.config import Settings

HEAD = """# Settings

Every setting is read from the environment with the `ACCORDS_` prefix (for example
`ACCORDS_MODEL=en_core_web_trf`), and most have a command-line option of the same name. They are declared once,
in `src/accords/config.py`; this page is generated from it by `python scripts/gen_settings_doc.py`, and
`tests/test_docs.py` fails when a setting is missing here.

| setting | environment | default | what it does |
|---|---|---|---|
"""


def main() -> None:
    rows = [
        f"| `{name}` | `ACCORDS_{name.upper()}` | `{f.default!r}` | {f.description} |"
        for name, f in Settings.model_fields.items()
    ]
    out = Path(__file__).resolve().parents[1] / "docs" / "settings.md"
    out.write_text(HEAD + "\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
