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
