#!/usr/bin/python3
"""Start-up benchmark for one program, the same way for every program: under
the X server in $DISPLAY (Xvfb), start it and poll every 10 ms with
`xdotool search --onlyvisible --name TITLE` until its window is mapped; then
wait until it is idle and sum the resident memory of the process and all its
descendants (IDLE and Thonny run the user's Python in a child process).

    startup.py --title REGEX [--reps N] [--idle SECONDS] [--home DIR] -- COMMAND...

Prints JSON: window_ms (p50, p99 over the runs after one warm-up run) and
rss_mb (median). The warm-up run is not counted (it fills the disk cache and
lets each program write its first-run configuration).
"""
import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib  # noqa: E402


def descendants(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])
            children.setdefault(ppid, []).append(int(entry))
        except (OSError, ValueError, IndexError):
            pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def window_visible(title):
    r = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    return r.returncode == 0 and r.stdout.strip() != b""


def stop(proc):
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=3)
    except (subprocess.TimeoutExpired, ProcessLookupError):
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait()


def one_run(cmd, title, idle, env, timeout=60.0):
    err = tempfile.TemporaryFile()
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=err,
                            start_new_session=True)
    shown = None
    try:
        while time.monotonic() - t0 < timeout:
            if window_visible(title):
                shown = (time.monotonic() - t0) * 1000
                break
            if proc.poll() is not None:
                break
            time.sleep(0.010)
        rss = None
        if shown is None:
            # Why: still running without a window (None), or exited (its status).
            failed = {"exit": proc.poll(), "after_ms": (time.monotonic() - t0) * 1000}
            stop(proc)
            err.seek(0)
            failed["stderr_tail"] = err.read().decode("utf-8", "replace")[-1500:]
            return None, failed
        if shown is not None:
            time.sleep(idle)
            rss = sum(rss_kb(p) for p in descendants(proc.pid)) / 1024.0
        return shown, rss
    finally:
        stop(proc)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--title", required=True)
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--idle", type=float, default=3.0)
    ap.add_argument("--home")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd and a.cmd[0] == "--" else a.cmd
    env = dict(os.environ)
    if a.home:
        os.makedirs(a.home, exist_ok=True)
        env["HOME"] = a.home
        env["XDG_CONFIG_HOME"] = os.path.join(a.home, ".config")
        env["XDG_DATA_HOME"] = os.path.join(a.home, ".local/share")
        env["XDG_CACHE_HOME"] = os.path.join(a.home, ".cache")
        # Thonny asks for a language on its very first start; answer it once.
        env["THONNY_USER_DIR"] = os.path.join(a.home, ".config", "Thonny")
        os.makedirs(env["THONNY_USER_DIR"], exist_ok=True)
        conf = os.path.join(env["THONNY_USER_DIR"], "configuration.ini")
        if not os.path.exists(conf):
            benchlib.write(conf, "[general]\nlanguage = en_US\n")
    times, rss, failures, failed = [], [], 0, []
    for i in range(a.reps + 1):
        shown, mb = one_run(cmd, a.title, a.idle if i > 0 else 0.5, env)
        if shown is None:
            failures += 1
            failed.append(dict(mb, run=i))
            continue
        if i == 0:
            continue
        times.append(shown)
        rss.append(mb)
    out = {"command": cmd, "failures": failures, "failed_runs": failed}
    if times:
        out["window_ms"] = benchlib.stats(times)
        out["rss_mb"] = benchlib.percentile(rss, 50)
    print(json.dumps(out))


main()
