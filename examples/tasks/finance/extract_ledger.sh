#!/bin/bash
# Copies the ERP's daily ledger export into the landing area.
set -euo pipefail
day="${bizdate}"
hdfs dfs -mkdir -p "/data/ledger/${day}"
hdfs dfs -cp -f "cos://erp-exports/ledger/${day}/entries.csv" "/data/ledger/${day}/entries.csv"
echo "copied ledger entries for ${day}"
