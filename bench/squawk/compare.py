#!/usr/bin/env python3
"""Labels each case of cases.sql with Squawk (the oracle) and prints, per Squawk rule, how many of the
cases it flags we flag with an equivalent rule, and which cases it accepts that we flag anyway.

Usage: compare.py <squawk-binary> <our-findings.json>   (run.sh does all of it)
"""
import json
import os
import subprocess
import sys
import tempfile

# Squawk rule -> our rules for the same hazard. None: no equivalent here (said why in README.md).
EQUIVALENT = {
    "adding-field-with-default": {"COG2304"},
    "adding-foreign-key-constraint": {"COG2302"},
    "adding-not-nullable-field": {"COG2202"},
    "adding-required-field": {"COG2206"},
    "adding-serial-primary-key-field": {"COG2204"},
    "ban-concurrent-index-creation-in-transaction": {"COG2401"},
    "ban-drop-column": {"COG2102"},
    "ban-drop-database": {"COG2111"},
    "ban-drop-not-null": {"COG2207"},
    "ban-drop-table": {"COG2101"},
    "ban-truncate-cascade": {"COG2110"},
    "ban-uncommitted-transaction": {"COG2403"},
    "changing-column-type": {"COG2303", "COG2105"},
    "constraint-missing-not-valid": {"COG2302", "COG2306"},
    "disallowed-unique-constraint": {"COG2204"},
    "identifier-too-long": {"COG2209"},
    "renaming-column": {"COG2107"},
    "renaming-table": {"COG2106"},
    "require-concurrent-index-creation": {"COG2301"},
    "require-concurrent-index-deletion": {"COG2305"},
    "require-lock-timeout": {"COG2307"},
    "transaction-nesting": {"COG2402", "COG2403"},
    "require-enum-value-ordering": None,
    "require-concurrent-reindex": None,
    "require-concurrent-partition-detach": None,
    "ban-alter-domain-with-add-constraint": None,
    "ban-create-domain-with-constraint": None,
    "ban-duplicate-column-assignments": None,
}

# Style and settings rules that say nothing about a hazard of the statement: left out of the comparison.
EXCLUDED = [
    "prefer-robust-stmts", "prefer-bigint-over-int", "prefer-bigint-over-smallint", "prefer-text-field",
    "prefer-timestamptz", "prefer-identity", "ban-char-field", "require-statement-timeout",
    "require-timeout-settings", "require-table-schema", "prefer-repack",
]


def squawk_rules(squawk, case, folder):
    path = os.path.join(folder, case["id"].replace("/", "__") + ".sql")
    # EF Core runs a migration in a transaction: Squawk sees that transaction written out, which its
    # transaction rules read more faithfully than --assume-in-transaction (that one lets a lone
    # CREATE INDEX CONCURRENTLY pass, which PostgreSQL refuses in a transaction).
    sql = f"BEGIN;\n{case['sql']}\nCOMMIT;\n" if case["inTransaction"] else case["sql"] + "\n"
    with open(path, "w", encoding="utf-8") as f:
        f.write(sql)
    excluded = list(EXCLUDED)
    if case["lockTimeout"]:
        # require-timeout-settings is the umbrella of require-lock-timeout: excluding it silences both.
        excluded.remove("require-timeout-settings")
    else:
        excluded.append("require-lock-timeout")
    command = [squawk, "--reporter", "json", "--exclude", ",".join(excluded), path]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"squawk failed on {case['id']}: {run.stderr.strip()}")
    violations = json.loads(run.stdout or "[]")
    return sorted({v["rule_name"] for v in violations})


def main():
    squawk, ours_path = sys.argv[1], sys.argv[2]
    with open(ours_path, encoding="utf-8") as f:
        cases = json.load(f)

    rows = {}
    accepted, false_findings, unknown = [], [], set()
    with tempfile.TemporaryDirectory() as folder:
        for case in cases:
            flagged_by_squawk = squawk_rules(squawk, case, folder)
            ours = set(case["codes"])
            if not flagged_by_squawk:
                accepted.append(case)
                if ours:
                    false_findings.append((case, ours))
                continue
            for rule in flagged_by_squawk:
                if rule not in EQUIVALENT:
                    unknown.add(rule)
                row = rows.setdefault(rule, {"flags": 0, "we": 0, "missed": []})
                row["flags"] += 1
                equivalent = EQUIVALENT.get(rule)
                if equivalent and ours & equivalent:
                    row["we"] += 1
                else:
                    row["missed"].append(case["id"])

    print("| Squawk rule | Squawk flags | we flag (equivalent rule) | coverage | our rules |")
    print("|---|---:|---:|---:|---|")
    total_flags = total_we = 0
    for rule in sorted(rows):
        row = rows[rule]
        equivalent = EQUIVALENT.get(rule)
        if equivalent:
            total_flags += row["flags"]
            total_we += row["we"]
            coverage = f"{100 * row['we'] // row['flags']} %"
            names = ", ".join(sorted(equivalent))
        else:
            coverage, names = "—", "no equivalent"
        print(f"| {rule} | {row['flags']} | {row['we'] if equivalent else '—'} | {coverage} | {names} |")
    print()
    print(f"Flagged cases with an equivalent rule: {total_we} of {total_flags} "
          f"({100 * total_we / max(total_flags, 1):.0f} %)")
    print(f"Accepted cases (Squawk: no finding): {len(accepted)}; we flag {len(false_findings)} "
          f"({100 * len(false_findings) / max(len(accepted), 1):.0f} %)")
    for case, ours in false_findings:
        print(f"  - {case['id']} ({case['rule']}): {', '.join(sorted(ours))}")
    missed = [(rule, case) for rule, row in sorted(rows.items()) if EQUIVALENT.get(rule) for case in row["missed"]]
    if missed:
        print("Flagged by Squawk, missed here:")
        for rule, case in missed:
            print(f"  - {case} ({rule})")
    if unknown:
        print("Squawk rules not in the mapping (add them to EQUIVALENT): " + ", ".join(sorted(unknown)))


if __name__ == "__main__":
    main()
