#!/usr/bin/env python3
"""scikit-learn stacking peer for the ensemble harness: StackingClassifier/StackingRegressor over HistGradientBoosting
and a logistic (ridge) regression on standardized features, with a logistic (ridge) regression on top (5-fold
out-of-fold predictions, as scikit-learn stacks by default). Given our ensemble's wall time: the stack with defaults
first, then a randomized search over the boosting's hyperparameters inside the stack for what time is left.
Prints "<test metric> <seconds>" on its last line.

Usage: stacking_peer.py train.csv test.csv <Task> <label> <name:Kind,...> <seconds> <seed>
"""
import sys
import time

from scipy.stats import loguniform, randint
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import (HistGradientBoostingClassifier, HistGradientBoostingRegressor, StackingClassifier,
                              StackingRegressor)
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression, RidgeCV
from sklearn.model_selection import RandomizedSearchCV, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, OrdinalEncoder, StandardScaler

from peer_data import read, score

train, test, task, label, numeric, categorical, text, seconds, seed = read()


def tfidf(c):
    return (f"txt_{c}", Pipeline([("tfidf", TfidfVectorizer(max_features=2000)),
                                  ("dense", FunctionTransformer(lambda m: m.toarray(), accept_sparse=True))]), c)


# Trees: numbers as they are, categories ordinal; linear: numbers imputed and standardized, categories one-hot.
tree_parts, linear_parts = [], []
if numeric:
    tree_parts.append(("num", "passthrough", numeric))
    linear_parts.append(("num", Pipeline([("impute", SimpleImputer()), ("scale", StandardScaler())]), numeric))
if categorical:
    tree_parts.append(("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1, encoded_missing_value=-1), categorical))
    linear_parts.append(("cat", OneHotEncoder(handle_unknown="ignore"), categorical))
for c in text:
    tree_parts.append(tfidf(c))
    linear_parts.append(tfidf(c))
categorical_mask = [False] * len(numeric) + [True] * len(categorical)

if task == "Regression":
    boosting, linear, final, scoring = HistGradientBoostingRegressor(random_state=seed), RidgeCV(), RidgeCV(), "r2"
    stack_type = StackingRegressor
else:
    boosting = HistGradientBoostingClassifier(random_state=seed)
    linear, final = LogisticRegression(max_iter=2000), LogisticRegression(max_iter=2000)
    scoring = "roc_auc" if task == "BinaryClassification" else "balanced_accuracy"
    stack_type = StackingClassifier
if categorical and not text:
    boosting.set_params(categorical_features=categorical_mask)

trees = Pipeline([("features", ColumnTransformer(tree_parts, sparse_threshold=0)), ("model", boosting)])
lines = Pipeline([("features", ColumnTransformer(linear_parts, sparse_threshold=0)), ("model", linear)])
stack = stack_type(estimators=[("hgb", trees), ("linear", lines)], final_estimator=final, cv=5, n_jobs=1)

y_train = train[label]
if task == "BinaryClassification":
    y_train = y_train.astype(int)
x_train = train.drop(columns=[label])
folds = 5 if len(train) < 20000 else 3

start = time.time()
default_score = cross_val_score(stack, x_train, y_train, cv=folds, scoring=scoring, n_jobs=1).mean()
per_candidate = max(time.time() - start, 1e-3)
n_iter = int((seconds - per_candidate) / per_candidate)
best = stack
if n_iter >= 1:
    space = {
        "hgb__model__learning_rate": loguniform(0.01, 0.5),
        "hgb__model__max_leaf_nodes": randint(4, 256),
        "hgb__model__min_samples_leaf": randint(1, max(3, min(128, len(train) // 10))),
        "hgb__model__max_iter": randint(10, 1000),
        "hgb__model__l2_regularization": loguniform(1e-6, 10),
    }
    search = RandomizedSearchCV(stack, space, n_iter=n_iter, cv=folds, scoring=scoring, random_state=seed, n_jobs=1)
    search.fit(x_train, y_train)
    best = search if search.best_score_ >= default_score else stack.fit(x_train, y_train)
else:
    best = stack.fit(x_train, y_train)
elapsed = time.time() - start

value = score(best, test, task, label)
print(f"candidates {max(n_iter, 0) + 1}, cv {folds}", file=sys.stderr)
print(f"{value:.6f} {elapsed:.2f}")
