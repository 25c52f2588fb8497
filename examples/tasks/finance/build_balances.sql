-- Daily balance per account from the day's ledger entries.
INSERT OVERWRITE TABLE ${ledger_db}.account_balance PARTITION (dt = '${bizdate}')
SELECT account_id,
       SUM(CASE WHEN direction = 'D' THEN amount ELSE -amount END) AS balance
FROM ${ledger_db}.ledger_entries
WHERE dt = '${bizdate}'
GROUP BY account_id;
