#!/usr/bin/env bash
# The code of task `hello`: WeData runs this text. ${bizdate} comes from the task's
# scheduling parameters (hello.yaml).
set -euo pipefail

echo "hello from wedata-gitops, business date ${bizdate}"
