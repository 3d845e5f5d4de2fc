"""Measure subject suggestion on demo history: train on the older cases, test on the newer ones.

    .venv/bin/python bench/routing_accuracy.py                    # 20,000 demo cases in SQLite
    .venv/bin/python bench/routing_accuracy.py --cases 50000 --seed 3
    .venv/bin/python bench/routing_accuracy.py --reuse            # keep the database of the last
    run

It generates the demo municipality (`acikmasa demo`, fixed --until so a seed gives the same data)
into var/bench/routing-<seed>-<cases>.sqlite3, then runs `acikmasa routing_evaluate`: the newest 20
% of the cases are the test set, the model is trained on the rest. It prints top-1/top-3 accuracy
for the keyword rules alone, the model alone and combined, how many cases a threshold routes
automatically and how many of those are right, the training time and the latency of one suggestion,
with the machine's load average (the machine is shared).
"""

import argparse
import json
import os
import subprocess
import time

from _common import ACIKMASA, ROOT

UNTIL = "2026-11-01"


def run(args: list[str], url: str) -> str:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run(
        [*ACIKMASA, *args], env=env, cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--test-share", type=float, default=0.2)
    parser.add_argument(
        "--reuse", action="store_true", help="Use the database of an earlier run if it exists."
    )
    args = parser.parse_args()

    path = ROOT / "var" / "bench" / f"routing-{args.seed}-{args.cases}.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{path}"
    if not (args.reuse and path.exists()):
        path.unlink(missing_ok=True)
        started = time.perf_counter()
        run(["migrate", "-v0"], url)
        run(["demo", "--seed", str(args.seed), "--cases", str(args.cases), "--until", UNTIL], url)
        print(
            f"demo: {args.cases} cases (seed {args.seed}) in {time.perf_counter() - started:.0f} s"
        )
    else:
        run(["migrate", "-v0"], url)
    load_before = os.getloadavg()[0]
    report = json.loads(
        run(["routing_evaluate", "--json", "--test-share", str(args.test_share)], url).splitlines()[
            -1
        ]
    )
    print(
        f"train {report['train_cases']} older cases, test {report['test_cases']} newer ones "
        f"(from {report['split_at']}), "
        f"{report['subjects']} subjects"
    )
    print(
        f"rules only       top-1 {report['rules']['top1']:.1%}  top-3 {report['rules']['top3']:.1%}"
    )
    print(
        f"model only       top-1 {report['model']['top1']:.1%}  top-3 {report['model']['top3']:.1%}"
    )
    for weight, acc in report["combined"].items():
        print(f"combined w={float(weight):.1f}   top-1 {acc['top1']:.1%}  top-3 {acc['top3']:.1%}")
    for threshold, (share, right) in report["auto_route"].items():
        print(
            f"threshold {float(threshold):.1f}    {share:.1%} routed automatically, {right:.1%} of "
            "them right"
        )
    latency = report["latency_ms"]
    print(
        f"training {report['training_seconds']:.1f} s; one suggestion {latency['median']:.1f} ms "
        "median, "
        f"{latency['p95']:.1f} ms p95"
    )
    print(
        f"load average {load_before:.2f} before, {os.getloadavg()[0]:.2f} after (2 cores, shared)"
    )


if __name__ == "__main__":
    main()
