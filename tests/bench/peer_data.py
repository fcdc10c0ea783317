"""What the scikit-learn peers share: the harness's arguments and its split, read as the harness wrote them."""
import sys

import pandas as pd


def read():
    """(train, test, task, label, numeric, categorical, text, seconds, seed) from
    argv: train.csv test.csv <Task> <label> <name:Kind,...> <seconds> <seed>. Text and categories are strings ("" for missing)."""
    train_path, test_path, task, label, kinds, seconds, seed = sys.argv[1:8]
    columns = [tuple(k.split(":")) for k in kinds.split(",")]
    train = pd.read_csv(train_path, keep_default_na=False, na_values=[""])
    test = pd.read_csv(test_path, keep_default_na=False, na_values=[""])
    numeric = [n for n, k in columns if k in ("Numeric", "Boolean")]
    categorical = [n for n, k in columns if k == "Categorical"]
    text = [n for n, k in columns if k == "Text"]
    for frame in (train, test):
        for c in categorical + text:
            frame[c] = frame[c].fillna("").astype(str)
    return train, test, task, label, numeric, categorical, text, float(seconds), int(seed)


def score(model, test, task, label):
    """The harness's headline metric of a fitted model on the test part: R², AUC, or balanced accuracy (macro accuracy)."""
    from sklearn.metrics import balanced_accuracy_score, r2_score, roc_auc_score

    x_test = test.drop(columns=[label])
    if task == "Regression":
        return r2_score(test[label], model.predict(x_test))
    if task == "BinaryClassification":
        return roc_auc_score(test[label].astype(int), model.predict_proba(x_test)[:, 1])
    return balanced_accuracy_score(test[label], model.predict(x_test))
