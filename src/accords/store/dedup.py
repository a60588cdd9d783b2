"""Near-duplicate articles: MinHash signatures (datasketch) and LSH bands kept in the store.

Each article's body becomes a set of word 5-gram shingles and a 128-permutation MinHash. The signature
is cut into ``BANDS`` bands of ``ROWS`` rows (chosen by datasketch for :data:`THRESHOLD`); every band's
hash goes into the ``minhash_bands`` table, so that candidates are found with one indexed query, in any
process and on either backend. A candidate is kept when its estimated Jaccard similarity reaches
:data:`THRESHOLD`. Wire stories syndicated with a different headline or a trimmed last paragraph score
well above it; two different reports of the same event score far below.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

NUM_PERM = 128
THRESHOLD = 0.7
SHINGLE = 5
BANDS, ROWS = _optimal_param(THRESHOLD, NUM_PERM, 0.5, 0.5)
MIN_TOKENS = 20  # shorter bodies are compared by exact hash only

_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE) -> set[bytes]:
    toks = _WORD.findall(text.lower())
    if len(toks) < k:
        return {" ".join(toks).encode()} if toks else set()
    return {" ".join(toks[i : i + k]).encode() for i in range(len(toks) - k + 1)}


def signature(text: str) -> np.ndarray | None:
    """The MinHash hash values of ``text``, or None when it is too short to compare."""
    if len(_WORD.findall(text)) < MIN_TOKENS:
        return None
    m = MinHash(num_perm=NUM_PERM, seed=1)
    m.update_batch(list(shingles(text)))
    return np.asarray(m.hashvalues, dtype=np.uint64)


def bands(sig: np.ndarray) -> list[tuple[int, str]]:
    out = []
    for b in range(BANDS):
        chunk = sig[b * ROWS : (b + 1) * ROWS].astype("<u8").tobytes()
        out.append((b, hashlib.blake2b(chunk, digest_size=8).hexdigest()))
    return out


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u8").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<u8")


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / float(len(a))
