"""Copy the ads platform's daily spend export into the raw zone, one file per campaign."""
import csv
import gzip
import io
import os

from qcloud_cos import CosConfig, CosS3Client

day = os.environ["bizdate"]
client = CosS3Client(CosConfig(Region="ap-guangzhou"))

export = client.get_object(Bucket="ads-exports-1250000000", Key=f"spend/{day}.csv")
rows = list(csv.DictReader(io.StringIO(export["Body"].get_raw_stream().read().decode("utf-8"))))

by_campaign = {}
for row in rows:
    by_campaign.setdefault(row["campaign_id"], []).append(row)

for campaign_id, campaign_rows in by_campaign.items():
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=campaign_rows[0].keys())
    writer.writeheader()
    writer.writerows(campaign_rows)
    client.put_object(
        Bucket="dw-landing-1250000000",
        Key=f"campaigns/dt={day}/{campaign_id}.csv.gz",
        Body=gzip.compress(buffer.getvalue().encode("utf-8")),
    )
print(f"imported {len(rows)} spend rows for {len(by_campaign)} campaigns")
