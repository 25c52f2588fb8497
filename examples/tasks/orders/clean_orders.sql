-- Deduplicate raw orders (the replica export can repeat rows on retry) and cast types.
INSERT OVERWRITE TABLE ods.orders PARTITION (dt = '${day}')
SELECT order_id,
       customer_id,
       CAST(amount_cents AS BIGINT) / 100.0 AS amount,
       upper(currency)                      AS currency,
       to_timestamp(created_at)             AS created_at
FROM (
    SELECT *,
           row_number() OVER (PARTITION BY order_id ORDER BY created_at DESC) AS copy_number
    FROM raw.orders
    WHERE dt = '${day}'
) deduplicated
WHERE copy_number = 1;
