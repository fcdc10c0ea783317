"""The image peers of a Declarative [Image] model: scikit-learn on the same split of the same photos.

Reads the files tests/bench/images.sh writes (each photo's class, part and numbers): ResNet-18's 512 numbers with a
logistic regression (features standardized), and the 784 raw pixels with HistGradientBoosting and with a logistic
regression. Prints accuracy on the test part, median seconds to train over three runs.
Usage: python3 tests/bench/image_peer.py <folder>   (needs scikit-learn: apt-get install python3-sklearn)
"""
import csv
import os
import statistics
import sys
import time

from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def read(path):
    parts = {"train": ([], []), "test": ([], [])}
    with open(path, newline="") as f:
        for row in csv.reader(f):
            x, y = parts[row[1]]
            x.append([float(v) for v in row[2:]])
            y.append(row[0])
    return parts["train"], parts["test"]


def measure(name, make, path):
    (x, y), (tx, ty) = read(path)
    seconds, accuracy = [], None
    for _ in range(3):
        start = time.perf_counter()
        model = make().fit(x, y)
        seconds.append(time.perf_counter() - start)
        accuracy = accuracy_score(ty, model.predict(tx))
    print(f"| {name} | {accuracy:.3f} | {statistics.median(seconds):.2f} |")


folder = sys.argv[1]
print("| scikit-learn peer | accuracy | train s (median of 3) |")
print("|---|---|---|")
measure("ResNet-18 numbers, standardized + LogisticRegression", lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)), os.path.join(folder, "encoded.csv"))
measure("raw pixels, HistGradientBoostingClassifier", lambda: HistGradientBoostingClassifier(random_state=0), os.path.join(folder, "pixels.csv"))
measure("raw pixels, standardized + LogisticRegression", lambda: make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000)), os.path.join(folder, "pixels.csv"))
