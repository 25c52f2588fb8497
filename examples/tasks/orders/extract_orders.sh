#!/usr/bin/env bash
# Export yesterday's orders from the read replica to COS as gzip'd CSV.
set -euo pipefail

day="${bizdate}"
target="cosn://dw-landing/orders/dt=${day}/orders.csv.gz"

mysql --defaults-group-suffix=replica --batch --raw \
  -e "SELECT order_id, customer_id, amount_cents, currency, created_at
      FROM shop.orders
      WHERE created_at >= '${day}' AND created_at < '${day}' + INTERVAL 1 DAY" \
  | gzip -c \
  | hadoop fs -put -f - "${target}"

echo "exported orders for ${day} to ${target}"
