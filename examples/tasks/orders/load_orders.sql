-- Merge the day's cleaned orders into the fact table.
MERGE INTO dw.fact_orders AS target
USING (SELECT * FROM ods.orders WHERE dt = '${bizdate}') AS source
ON target.order_id = source.order_id
WHEN MATCHED THEN UPDATE SET
    amount = source.amount,
    currency = source.currency
WHEN NOT MATCHED THEN INSERT (order_id, customer_id, amount, currency, created_at)
    VALUES (source.order_id, source.customer_id, source.amount, source.currency, source.created_at);
