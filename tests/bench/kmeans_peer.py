#!/usr/bin/env python3
"""scikit-learn peer for the clustering harness (tests/bench/clustering.sh): k-means on standardized features.

Usage: kmeans_peer.py train.csv test.csv <k> <seed> ours.txt
The files: a header, the features, the label last; an empty field is missing (imputed with the training mean).
ours.txt: Declarative's cluster of each test row, one a line. Fits StandardScaler and KMeans(k, n_init=10,
random_state=seed) on the training rows, predicts the test rows and prints the normalized mutual information with the
label of Declarative's clusters, then of its own (one function scores both: scikit-learn's, arithmetic mean), then
k-means' own objective for each: the test rows' squared distances to their cluster's mean, in the standardized space
fitted on the training rows (lower is better).
"""
import sys

import numpy as np
from sklearn.cluster import KMeans
from sklearn.impute import SimpleImputer
from sklearn.metrics import normalized_mutual_info_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def read(path):
    data = np.genfromtxt(path, delimiter=",", skip_header=1, missing_values="", filling_values=np.nan)
    return data[:, :-1], data[:, -1]


def main():
    train, test, k, seed, ours = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
    x_train, _ = read(train)
    x_test, y_test = read(test)
    model = make_pipeline(SimpleImputer(), StandardScaler(), KMeans(n_clusters=k, n_init=10, random_state=seed))
    model.fit(x_train)
    clusters, theirs = np.loadtxt(ours, dtype=int), model.predict(x_test)
    z = model[:-1].transform(x_test)

    def spread(assigned):
        return sum(((z[assigned == c] - z[assigned == c].mean(axis=0)) ** 2).sum() for c in np.unique(assigned))

    print(f"{normalized_mutual_info_score(y_test, clusters):.6f} {normalized_mutual_info_score(y_test, theirs):.6f} "
          f"{spread(clusters):.3f} {spread(theirs):.3f}")


if __name__ == "__main__":
    main()
