-- Last-touch attribution: each order goes to the latest campaign click before it.
INSERT OVERWRITE TABLE dw.order_attribution PARTITION (batch = '${batch_id}')
SELECT order_id, campaign_id
FROM (
    SELECT o.order_id,
           c.campaign_id,
           row_number() OVER (PARTITION BY o.order_id ORDER BY c.clicked_at DESC) AS recency
    FROM dw.fact_orders o
    JOIN raw.campaign_clicks c
      ON c.customer_id = o.customer_id
     AND c.clicked_at <= o.created_at
) ranked
WHERE recency = 1;
