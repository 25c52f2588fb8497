#!/usr/bin/env bash
# Drop a _SUCCESS marker that the BI refresh job polls for.
set -euo pipefail
hadoop fs -touchz "cosn://dw-landing/markers/orders/dt=${bizdate}/_SUCCESS"
