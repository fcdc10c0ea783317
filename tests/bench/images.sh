#!/usr/bin/env bash
# [Image] features (Declarative.Vision; run by hand, not in CI): ResNet-18 encoding throughput side by side against one
# at a time, then the Fashion-MNIST photos classified from the encoder's numbers and from raw pixels on one fixed split,
# then scikit-learn on the same numbers and pixels (Debian's python3-sklearn, when it is installed).
# Usage: tests/bench/images.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Declarative.Benchmarks -- images
if /usr/bin/python3 -c "import sklearn" 2>/dev/null; then
  /usr/bin/python3 tests/bench/image_peer.py "${TMPDIR:-/tmp}/declarative-image-peer"
fi
