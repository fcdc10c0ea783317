# Sourced by the benchmark scripts whose peers run in Debian's Python (/usr/bin/python3, not a pyenv one):
#   python_peers 'import sklearn, pandas' python3-sklearn python3-pandas
# installs the Debian packages when the import fails, so a fresh machine runs the peers with no step by hand.
python_peers() {
  local imports="$1"
  shift
  if ! /usr/bin/python3 -c "$imports" 2>/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
  fi
}
