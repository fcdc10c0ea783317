"""XGBoost's TreeSHAP as a peer for tests/bench/explanations.sh (run by the harness, not by hand).

Usage: /usr/bin/python3 xgboost_peer.py <train.csv> <explain.csv> <trees> <leaves> <depth>

Both files hold the label, then the feature slots, as Declarative's portable scorer featurizes a row. Trains XGBoost
(Debian's python3-xgboost) with as many trees, leaves per tree and depth as the model it is compared with, on one
thread, then explains every row of explain.csv once with pred_contribs (exact path-dependent TreeSHAP) and prints
"RESULT <rows per second> <trees> <leaves>".
"""
import sys
import time

import numpy as np
import xgboost as xgb

train_path, explain_path, trees, leaves, depth = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
train = np.loadtxt(train_path, delimiter=",", dtype=np.float32)
explain = np.loadtxt(explain_path, delimiter=",", dtype=np.float32)
params = {
    "objective": "binary:logistic", "tree_method": "hist", "grow_policy": "lossguide", "max_leaves": leaves,
    "max_depth": depth, "nthread": 1, "seed": 1, "verbosity": 0,
}
booster = xgb.train(params, xgb.DMatrix(train[:, 1:], label=train[:, 0]), num_boost_round=trees)
rows = xgb.DMatrix(explain[:, 1:])
booster.predict(rows, pred_contribs=True)  # warm-up
start = time.perf_counter()
contributions = booster.predict(rows, pred_contribs=True)
seconds = time.perf_counter() - start
dump = booster.get_dump()
print(f"RESULT {len(explain) / seconds:.0f} {len(dump)} {sum(t.count('leaf=') for t in dump)}")
