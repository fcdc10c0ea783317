#!/usr/bin/env python3
"""scikit-learn peer for tests/Declarative.Benchmarks: HistGradientBoosting + RandomizedSearchCV on the same split,
for about the same wall time as our tuner. Prints "<test metric> <seconds>" on its last line.

Usage: sklearn_peer.py train.csv test.csv <Task> <label> <name:Kind,...> <seconds> <seed>
"""
import sys
import time

import numpy as np
from scipy.stats import loguniform, randint
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import RandomizedSearchCV, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OrdinalEncoder

from peer_data import read, score

train, test, task, label, numeric, categorical, text, seconds, seed = read()

parts = []
if numeric:
    parts.append(("num", "passthrough", numeric))
if categorical:
    parts.append(("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1, encoded_missing_value=-1), categorical))
for c in text:
    parts.append((f"txt_{c}", Pipeline([("tfidf", TfidfVectorizer(max_features=2000)), ("dense", FunctionTransformer(lambda m: m.toarray(), accept_sparse=True))]), c))
features = ColumnTransformer(parts, sparse_threshold=0)
categorical_mask = [False] * len(numeric) + [True] * len(categorical)

if task == "Regression":
    model, scoring = HistGradientBoostingRegressor(random_state=seed), "r2"
elif task == "BinaryClassification":
    model, scoring = HistGradientBoostingClassifier(random_state=seed), "roc_auc"
else:
    model, scoring = HistGradientBoostingClassifier(random_state=seed), "balanced_accuracy"
if categorical and not text:
    model.set_params(categorical_features=categorical_mask)

pipeline = Pipeline([("features", features), ("model", model)])
space = {
    "model__learning_rate": loguniform(0.01, 0.5),
    "model__max_leaf_nodes": randint(4, 256),
    "model__min_samples_leaf": randint(1, max(3, min(128, len(train) // 10))),
    "model__max_iter": randint(10, 1000),
    "model__l2_regularization": loguniform(1e-6, 10),
}
y_train = train[label]
if task == "BinaryClassification":
    y_train = y_train.astype(int)
folds = 5 if len(train) < 20000 else 3

x_train = train.drop(columns=[label])
start = time.time()
# The defaults first (as our tuners start from theirs), timed to learn how many candidates fit in our tuner's time.
default_score = cross_val_score(pipeline, x_train, y_train, cv=folds, scoring=scoring, n_jobs=1).mean()
per_candidate = max(time.time() - start, 1e-3)
n_iter = max(1, int((seconds - per_candidate) / per_candidate))
search = RandomizedSearchCV(pipeline, space, n_iter=n_iter, cv=folds, scoring=scoring, random_state=seed, n_jobs=1)
search.fit(x_train, y_train)
best = search if search.best_score_ >= default_score else pipeline.fit(x_train, y_train)
elapsed = time.time() - start

value = score(best, test, task, label)
print(f"candidates {n_iter + 1}, cv {folds}", file=sys.stderr)
print(f"{value:.6f} {elapsed:.2f}")
