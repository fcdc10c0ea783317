#!/usr/bin/env bash
# The MiniLM sentence encoder (Declarative.Embeddings; run by hand, not in CI): encoding throughput cold and warm,
# and MiniLM against Declarative's own n-grams on yelp, amazon and wikipedia-detox (each split as declared).
# Usage: tests/bench/embeddings.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- embeddings
