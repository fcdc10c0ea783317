"""The text peer of a Declarative build: scikit-learn's TF-IDF + logistic regression on the same files.

Prints, per data set, the seconds scikit-learn needs to train (vectorizer and model, median of the repeats), the
seconds of a whole process that imports scikit-learn, reads the file and trains (what a build's cost compares with),
and the accuracy and AUC on a seeded fifth held out, for docs/build-cost.md to set beside a whole Declarative build.
Usage: python3 tests/bench/text_peer.py [repeats, default 3]   (needs scikit-learn: apt-get install python3-sklearn)
"""
import csv
import os
import statistics
import subprocess
import sys
import time

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "datasets")


def sentences(name):
    # One sentence, a tab, its 0/1 label per line; no header; quotes are part of the text.
    with open(os.path.join(ROOT, "sentiment-sentences", name), encoding="utf-8") as f:
        rows = [line.rstrip("\n").rsplit("\t", 1) for line in f if line.strip()]
    return [r[0] for r in rows], [int(r[1]) for r in rows]


def detox():
    with open(os.path.join(ROOT, "wikipedia-detox", "wikipedia-detox-250-line-data.tsv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [r["SentimentText"] for r in rows], [int(r["Sentiment"]) for r in rows]


SETS = {
    "sentiment-yelp": lambda: sentences("yelp_labelled.txt"),
    "sentiment-amazon": lambda: sentences("amazon_cells_labelled.txt"),
    "wikipedia-detox": detox,
}


def whole_process(name):
    """A fresh interpreter that imports scikit-learn, reads the file and trains: wall seconds."""
    start = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--one", name], check=True)
    return time.perf_counter() - start


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        text, label = SETS[sys.argv[2]]()
        x_train, _, y_train, _ = train_test_split(text, label, test_size=0.2, random_state=1, stratify=label)
        make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000)).fit(x_train, y_train)
        return
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    print("| data | rows | scikit-learn fit (s) | scikit-learn process: import, read, fit (s) | accuracy | AUC |")
    print("|---|---|---|---|---|---|")
    for name, load in SETS.items():
        text, label = load()
        x_train, x_test, y_train, y_test = train_test_split(text, label, test_size=0.2, random_state=1, stratify=label)
        seconds = []
        for _ in range(repeats):
            model = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=1000))
            start = time.perf_counter()
            model.fit(x_train, y_train)
            seconds.append(time.perf_counter() - start)
        accuracy = accuracy_score(y_test, model.predict(x_test))
        auc = roc_auc_score(y_test, model.predict_proba(x_test)[:, 1])
        process = statistics.median(whole_process(name) for _ in range(repeats))
        print(f"| {name} | {len(text)} | {statistics.median(seconds):.3f} | {process:.2f} | {accuracy:.4f} | {auc:.4f} |")


if __name__ == "__main__":
    main()
