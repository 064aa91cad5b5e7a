"""Near-duplicate detection: word shingles compared exactly, candidates found by MinHash/LSH.

A wire story syndicated by twenty sites reaches us as twenty pages whose texts differ by a
headline, a dateline or a closing credit. Each text becomes a set of overlapping
five-word shingles, and two texts are copies when the Jaccard similarity of their sets
reaches ``near_duplicate_threshold``, or when nearly all of the shorter one's shingles
(``near_duplicate_containment``) stand in the longer one: a wire story cut short by a
site is still the same story.

MinHash/LSH finds the candidates without comparing against every stored text: the LSH
bands of each document's MinHash signature are stored in the database
(``store.ingest``), so the index survives restarts and is shared by every process writing
to one store. The bands are cut for a fixed, low candidate threshold (0.5) with a strong
weight against missing a match. A 128-value signature estimates similarity only to about
±0.045 (one standard error), too coarse to decide near a threshold, so the estimate only
drops candidates far below it (by more than ``ESTIMATE_MARGIN``, over three standard
errors); the rest are compared exactly, shingle set against shingle set. The threshold
can therefore change without re-indexing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from thirdcountry.domain.errors import BadInput

NUM_PERM = 128
SHINGLE_WORDS = 5
# Texts shorter than this are left to exact de-duplication: a few shared phrases would
# make two different short notices look alike.
MIN_WORDS = 40
CANDIDATE_THRESHOLD = 0.5
ESTIMATE_MARGIN = 0.15
_SEED = 20250612
_SCHEME = "affine32"
_DTYPE = np.dtype("<u4")
_WORD = re.compile(r"\w+")


@cache
def _lsh_shape() -> tuple[tuple[int, int], ...]:
    """The (start, end) ranges of signature positions that make up each band."""
    lsh = MinHashLSH(threshold=CANDIDATE_THRESHOLD, num_perm=NUM_PERM, weights=(0.2, 0.8))
    return tuple(lsh.hashranges)


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    # Generating the permutations is most of a MinHash's set-up cost; do it once.
    a, b = MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations
    return a, b


def check_threshold(threshold: float, name: str = "near_duplicate_threshold") -> float:
    if not CANDIDATE_THRESHOLD <= threshold <= 1.0:
        raise BadInput(f"{name} must be between {CANDIDATE_THRESHOLD} and 1, got {threshold}")
    return threshold


def shingles(text: str) -> frozenset[str]:
    words = _WORD.findall(text.casefold())
    if len(words) < SHINGLE_WORDS:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(
        " ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)
    )


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def containment(a: frozenset[str], b: frozenset[str]) -> float:
    """How much of the smaller set lies in the larger: 1.0 for a text cut from another."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


@dataclass(frozen=True, slots=True)
class Fingerprint:
    signature: bytes  # NUM_PERM MinHash values, little-endian uint32
    buckets: tuple[str, ...]  # one LSH bucket key per band


def _minhash(values: np.ndarray | None = None) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM,
        seed=_SEED,
        scheme=_SCHEME,
        permutations=_permutations(),
        hashvalues=values,
    )


def fingerprint(text: str) -> Fingerprint | None:
    """The text's MinHash signature and LSH buckets; None for texts too short to compare."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    minhash = _minhash()
    minhash.update_batch([s.encode("utf-8") for s in sorted(shingles(text))])
    values = np.asarray(minhash.hashvalues, dtype=_DTYPE)
    buckets = tuple(
        f"{band:02d}" + hashlib.blake2b(values[start:end].tobytes(), digest_size=8).hexdigest()
        for band, (start, end) in enumerate(_lsh_shape())
    )
    return Fingerprint(signature=values.tobytes(), buckets=buckets)


def estimated_similarity(signature_a: bytes, signature_b: bytes) -> float:
    """The MinHash estimate of the Jaccard similarity behind two signatures."""
    a = _minhash(np.frombuffer(signature_a, dtype=_DTYPE))
    b = _minhash(np.frombuffer(signature_b, dtype=_DTYPE))
    return float(a.jaccard(b))
