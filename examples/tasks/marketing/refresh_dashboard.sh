#!/usr/bin/env bash
# Ask the BI service to refresh the campaign ROI extract for the new attribution batch.
set -euo pipefail
curl --fail --silent --show-error \
  -X POST "https://bi.internal.example.com/api/extracts/campaign-roi/refresh" \
  -H "Authorization: Bearer ${BI_REFRESH_TOKEN}" \
  -d "{\"partition\": \"${bizdate}\"}"
