#!/usr/bin/env python3
"""Ranks the shared libraries of a program by how many of its start-up symbol
bindings they answer, for third_party/link_order/.

    tools/rank_shared_libs.py build/geso-atlas > third_party/link_order/ranking.txt

The dynamic loader looks each symbol up library by library in load order;
GDAL brings 124 libraries, all bound at start-up (BIND_NOW). Putting the
libraries that answer most lookups first shortens every search
(docs/benchmarks-render.md). The counts come from the loader itself
(LD_DEBUG=bindings) while the program prints its version.
"""
import collections
import os
import re
import subprocess
import sys

BINDING = re.compile(r"binding file \S+ \[0\] to (\S+) \[0\]:")


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: tools/rank_shared_libs.py PROGRAM", file=sys.stderr)
        return 2
    program = sys.argv[1]
    env = dict(os.environ, LD_DEBUG="bindings")
    run = subprocess.run([program, "--version"], env=env, capture_output=True, text=True)
    if run.returncode != 0:
        print(f"rank_shared_libs.py: {program} --version failed ({run.returncode})", file=sys.stderr)
        return 1
    counts = collections.Counter()
    for line in run.stderr.splitlines():
        match = BINDING.search(line)
        if match and ".so" in os.path.basename(match.group(1)):
            counts[os.path.basename(match.group(1))] += 1
    if not counts:
        print(f"rank_shared_libs.py: no bindings seen for {program}", file=sys.stderr)
        return 1
    print(f"# Start-up symbol bindings answered per library, most first: "
          f"LD_DEBUG=bindings {os.path.basename(program)} --version")
    print("# (tools/rank_shared_libs.py). One soname a line; counts after the name.")
    for soname, n in counts.most_common():
        print(f"{soname} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
