"""Kill ``conflictkg build`` with SIGKILL at random moments; after each kill the last good store
must still answer, at most one unpublished generation may exist, and no HermiT (java) process of
the killed build may survive.

    python bench/crash.py                     # 30 kills, seed 1, on bench/out/crash-store
    python bench/crash.py --kills 100 --seed 7 --no-reason

Per kill: a build starts (a subprocess, as a user runs it) and is killed after a seeded random
delay in [0.2 s, 0.9 x the length of an unkilled build]; the stage it was in is read from outside (no
generation yet: ``start``; an empty new generation: ``parse``; RocksDB files in it: ``validate``; a
java child: ``reason``; java gone, not yet published: ``seal``; ``current`` moved: ``publish``; the
build had exited: ``finished``). Then: abandoned generations are counted, HermiT processes started
from the store (stopped with SIGSTOP just before the kill, so that one finishing by itself cannot
hide) are given up to 10 s to die (any still alive is counted, then killed), and ``conflictkg query clause-norms`` must exit 0 with
the same answer, from the same published store (or from a newly published one, if the build got
that far). After the last kill one build runs to the end and must leave one generation only.

Prints a Markdown table and writes ``bench/out/crash-<stamp>.{json,md}``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from conflictkg.store import directory as storedir

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"

STAGES = ("start", "parse", "validate", "reason", "seal", "publish", "finished")
JAVA_GRACE_S = 10.0
QUERY = ("query", "clause-norms", "--format", "csv")


def cli(root: Path, store: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "conflictkg", "--root", str(root), "--store", str(store), *args]


# --------------------------------------------------------------------------------------------
# what the store and the processes look like from outside
# --------------------------------------------------------------------------------------------

def published(store: Path) -> str | None:
    current = storedir.current_path(store)
    return os.readlink(current) if current.is_symlink() else None


def unpublished(store: Path) -> list[str]:
    """Generations conflictkg made that ``current`` does not point to (abandoned or being written)."""
    return sorted(p.name for p in store.iterdir() if storedir.ours(p) and p.name != published(store))


def hermit_processes(store: Path) -> list[int]:
    """Live (not zombie) HermiT JVMs working on a file under ``store`` (builds put it there)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue  # it ended meanwhile
        if b"org.semanticweb.HermiT" in cmdline and str(store).encode() in cmdline and state != "Z":
            found.append(int(entry.name))
    return sorted(found)


def stage_of(store: Path, before: str | None, proc: subprocess.Popen[bytes], seen_java: bool) -> str:
    """Where the build is, judged from outside (see the module docstring)."""
    if proc.poll() is not None:
        return "finished"
    if published(store) != before:
        return "publish"
    if hermit_processes(store):
        return "reason"
    if seen_java:
        return "seal"
    fresh = [store / name for name in unpublished(store)]
    if not fresh:
        return "start"
    return "validate" if (fresh[-1] / "CURRENT").exists() else "parse"


# --------------------------------------------------------------------------------------------
# one kill
# --------------------------------------------------------------------------------------------

def wait_gone(store: Path, limit_s: float = JAVA_GRACE_S) -> list[int]:
    """The HermiT processes working under ``store`` still alive after at most ``limit_s`` seconds
    (found by their command line, so one started just before the kill is not missed)."""
    deadline = time.monotonic() + limit_s
    alive = hermit_processes(store)
    while alive and time.monotonic() < deadline:
        time.sleep(0.1)
        alive = hermit_processes(store)
    return alive


def answer(root: Path, store: Path) -> tuple[int, str]:
    done = subprocess.run(cli(root, store, *QUERY), capture_output=True, timeout=600, check=False)
    return done.returncode, hashlib.sha256(done.stdout).hexdigest()


def kill_build(root: Path, store: Path, *, delay: float | None = None, at_stage: str | None = None,
               reason: bool = True, limit_s: float = 300.0) -> dict:
    """Start a build, kill it with SIGKILL after ``delay`` seconds or once it reaches ``at_stage``
    (at most ``limit_s``), and say what it left. The store's own checks come from :func:`check_after`."""
    before = published(store)
    args = ("build",) if reason else ("build", "--no-reason")
    proc = subprocess.Popen(cli(root, store, *args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = time.monotonic()
    deadline = started + (delay if delay is not None else limit_s)
    stage = stage_of(store, before, proc, False)
    while time.monotonic() < deadline and stage != "finished" and stage != at_stage:
        time.sleep(0.02)
        stage = stage_of(store, before, proc, stage in ("reason", "seal"))
    java = hermit_processes(store)
    for pid in java:
        os.kill(pid, signal.SIGSTOP)  # a HermiT that finishes by itself must not hide an orphan
    if stage != "finished":
        os.kill(proc.pid, signal.SIGKILL)
    code = proc.wait(timeout=60)
    orphans = wait_gone(store)
    for pid in orphans:
        os.kill(pid, signal.SIGKILL)  # counted; not left behind stopped
    return {"stage": stage, "after_s": round(time.monotonic() - started, 2), "exit": code,
            "java_at_kill": len(java), "java_orphans": len(orphans),
            "unpublished": len(unpublished(store)), "published_changed": published(store) != before}


def check_after(root: Path, store: Path, good: dict) -> dict:
    """Does the last good store answer as before? ``good`` holds its fingerprint and answer, and is
    updated when the killed build had published a new generation."""
    code, said = answer(root, store)
    changed = published(store) != good["published"]
    same_store = changed or storedir.fingerprint(store) == good["fingerprint"]
    if changed and code == 0:
        good.update(published=published(store), fingerprint=storedir.fingerprint(store))
    return {"query_exit": code, "same_answer": said == good["answer"], "same_store": same_store,
            "survived": code == 0 and said == good["answer"] and same_store,
            "unpublished_after_query": len(unpublished(store))}


def baseline(root: Path, store: Path) -> dict:
    code, said = answer(root, store)
    if code != 0:
        raise SystemExit(f"the store at {store} does not answer ({QUERY}): exit {code}")
    return {"published": published(store), "fingerprint": storedir.fingerprint(store), "answer": said}


def crash_series(root: Path, store: Path, kills: int, seed: int, max_delay: float, reason: bool) -> dict:
    """``kills`` killed builds at seeded random moments, then one build to the end."""
    rng = random.Random(seed)
    good = baseline(root, store)
    rows = []
    for i in range(kills):
        delay = round(rng.uniform(0.2, max_delay), 2)
        row = {"kill": i + 1, "delay_s": delay, **kill_build(root, store, delay=delay, reason=reason)}
        row.update(check_after(root, store, good))
        rows.append(row)
    final = subprocess.run(cli(root, store, "build", *(() if reason else ("--no-reason",))),
                           capture_output=True, timeout=600, check=False)
    generations = [p.name for p in store.iterdir() if storedir.ours(p)]
    return {"rows": rows, "final_build_exit": final.returncode, "final_generations": len(generations),
            "final_is_published": generations == [published(store)],
            "final_answer_same": answer(root, store) == (0, good["answer"])}


# --------------------------------------------------------------------------------------------
# summary
# --------------------------------------------------------------------------------------------

def summarize(series: dict) -> dict:
    rows = series["rows"]
    return {
        "kills": len(rows),
        "by_stage": {s: n for s, n in sorted(Counter(r["stage"] for r in rows).items(), key=lambda x: STAGES.index(x[0]))},
        "survived": sum(r["survived"] for r in rows),
        "max_unpublished_after_kill": max((r["unpublished"] for r in rows), default=0),
        "unpublished_after_query": sum(r["unpublished_after_query"] for r in rows),
        "java_at_kill": sum(r["java_at_kill"] for r in rows),
        "java_orphans": sum(r["java_orphans"] for r in rows),
        "final_build_exit": series["final_build_exit"],
        "final_generations": series["final_generations"],
        "final_clean": series["final_is_published"] and series["final_answer_same"],
    }


def table(summary: dict) -> str:
    stages = ", ".join(f"{s} {n}" for s, n in summary["by_stage"].items())
    lines = ["| measure | value |", "|---|---|",
             f"| kills | {summary['kills']} |",
             f"| kills by stage | {stages} |",
             f"| store answered the same afterwards | {summary['survived']} / {summary['kills']} |",
             f"| most unpublished generations right after a kill (must be ≤ 1) | {summary['max_unpublished_after_kill']} |",
             f"| unpublished generations left after the next query (summed) | {summary['unpublished_after_query']} |",
             f"| HermiT processes running at a kill | {summary['java_at_kill']} |",
             f"| HermiT processes alive {JAVA_GRACE_S:.0f} s after their build was killed | {summary['java_orphans']} |",
             f"| final build: exit, generations left | {summary['final_build_exit']}, {summary['final_generations']} |",
             f"| final store published alone and answering the same | {'yes' if summary['final_clean'] else 'NO'} |"]
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str]) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description="kill conflictkg build at random moments (bench/README.md)")
    ap.add_argument("--kills", type=int, default=30, help="builds to kill (default 30)")
    ap.add_argument("--seed", type=int, default=1, help="seed of the random delays (default 1)")
    ap.add_argument("--store", type=Path, default=OUT / "crash-store", help="store directory (built first if empty)")
    ap.add_argument("--max-delay", type=float, default=None,
                    help="longest delay before a kill, seconds (default: the time of one unkilled build)")
    ap.add_argument("--no-reason", action="store_true", help="builds skip HermiT (no java stage)")
    return ap.parse_args(argv)


def main(argv: list[str]) -> None:
    args = parse_args(argv)
    reason = not args.no_reason
    build = cli(ROOT, args.store, "build", *(() if reason else ("--no-reason",)))
    for _ in range(2):  # the first may start from nothing and with cold caches: the second is timed
        started = time.monotonic()
        done = subprocess.run(build, capture_output=True, text=True, timeout=900, check=False)
        if done.returncode != 0:
            raise SystemExit(f"a build to start from failed:\n{done.stderr}")
    max_delay = args.max_delay or max(0.9 * (time.monotonic() - started), 1.0)
    series = crash_series(ROOT, args.store, args.kills, args.seed, max_delay, reason)
    summary = summarize(series)
    text = (f"# Crash test: {args.kills} kills, seed {args.seed}, delays 0.2-{max_delay:.1f} s, "
            f"{'with' if reason else 'without'} HermiT\n\n{table(summary)}")
    print(text)
    OUT.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%dT%H%M%S")
    (OUT / f"crash-{stamp}.md").write_text(text, encoding="utf-8")
    (OUT / f"crash-{stamp}.json").write_text(json.dumps({"summary": summary, **series}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
