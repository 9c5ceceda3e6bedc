#!/usr/bin/env bash
# Run newskg on the dev files and score it: a thin wrapper around eval/run.py (see eval/README.md).
#   eval/run.sh                      # all targets
#   eval/run.sh timex-te3 roles      # some targets
#   eval/run.sh --systems newskg,heideltime,spacy
exec python3 "$(dirname "$0")/run.py" "$@"
