"""Renders the daily close report and posts it to the finance channel."""
import os

import requests

BIZDATE = os.environ.get("bizdate", "")


def main() -> None:
    report = f"Ledger close for {BIZDATE}: balances published."
    requests.post(os.environ["FINANCE_WEBHOOK"], json={"text": report}, timeout=30)
    print(report)


if __name__ == "__main__":
    main()
