"""Fail the run when the day's fact rows look wrong, so nothing downstream reads bad data."""
import os
import sys

from pyspark.sql import SparkSession

day = os.environ.get("bizdate")
expected_rows = int(os.environ.get("expected_rows", "0"))

spark = SparkSession.builder.appName(f"check_orders_{day}").getOrCreate()
rows = spark.sql(f"SELECT * FROM dw.fact_orders WHERE to_date(created_at) = '{day}'")
count = rows.count()
null_customers = rows.filter("customer_id IS NULL").count()

problems = []
if expected_rows and count < expected_rows * 0.99:
    problems.append(f"only {count} rows loaded, {expected_rows} exported")
if null_customers:
    problems.append(f"{null_customers} rows without customer_id")

if problems:
    print("order checks failed: " + "; ".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"order checks passed: {count} rows for {day}")
