# SPDX-License-Identifier: GPL-2.0
"""The command: a snapshot of the dump, printed as summary or metrics."""
import argparse
import os
import sys

from . import common
from .census import Memmap, census_walk
from .defs import Defs
from .frag import frag_read
from .dump import (debuginfo, dump_format, find_module, find_vmlinux, kernel_image_segment,
                   loaded_modules, module_build_ids, module_params, severity_pct, vmcoreinfo)
from .ifaces import Layout, ifaces_walk
from .pools import Pools, pool_reader, pools_attribute
from .report import Report
from .common import die, say, TOP


class Snapshot:
    pass


def main(doc):
    """The command line; @doc is the command's docstring (its help)."""
    ap = argparse.ArgumentParser(description=doc.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog=doc.split("\n\n", 1)[1])
    ap.add_argument("vmcore")
    ap.add_argument("--metrics", action="store_true", help="the metrics file instead of the summary")
    ap.add_argument("--threshold", type=int,
                    help="pinned-signature threshold (default: the loaded nicmem's, else rules.h's)")
    ap.add_argument("--debuginfo", help="a tree like /usr/lib/debug: Debian's (boot/vmlinux-<release>, the drivers' .ko), "
                         "RHEL's kernel-debuginfo (lib/modules/<release>/vmlinux, .ko.debug) or .build-id/")
    ap.add_argument("--no-fetch", action="store_true", help="never download the -dbg package")
    ap.add_argument("--src", default=TOP, help="nicmem's source tree (its headers, scripts/vmcore-defs.c, drivers/)")
    a = ap.parse_args()
    try:
        import drgn
    except ImportError:
        die("needs python3-drgn (apt-get install python3-drgn); run with /usr/bin/python3")
    fmt = dump_format(a.vmcore)
    info = vmcoreinfo(a.vmcore)
    common.D = rules = Defs(a.src)
    release = info["OSRELEASE"]
    # which modules' debuginfo: the adaptors with a member list
    mods = sorted({m for ad in rules.adaptors_for("x86_64") if ad.fields
                   for m in (ad.module, ad.also_module) if m})
    root = a.debuginfo or debuginfo(release, mods, not a.no_fetch)
    dbg = os.path.join(root, "usr/lib/debug") if os.path.isdir(os.path.join(root, "usr/lib/debug")) else root
    vmlinux, how = find_vmlinux(dbg, release, info.get("BUILD-ID"))
    say(f"vmlinux: {vmlinux} ({how})")
    prog = drgn.Program()
    try:
        prog.set_core_dump(a.vmcore)
    except (ValueError, OSError) as e:
        die(f"{a.vmcore}: drgn cannot open this {fmt} dump: {e}"
            + ("" if fmt == "ELF" or drgn._with_libkdumpfile else
               " (this drgn is built without libkdumpfile, which compressed dumps need)"))
    kernel_image_segment(prog, info, drgn)
    ads = rules.adaptors_for("x86_64" if prog.platform.arch == drgn.Architecture.X86_64 else "other")
    try:
        prog.load_debug_info([vmlinux])
    except drgn.MissingDebugInfoError:
        pass        # modules without debuginfo: their layouts say so
    ids = module_build_ids(prog)
    kos = []
    for m in mods:
        if m not in ids and m not in loaded_modules(prog):
            continue        # not loaded: its layout says so
        path, how = find_module(dbg, release, m, ids.get(m))
        say(f"{m}: {path or '-'} ({how})")
        if path:
            kos.append(path)
    try:
        if kos:
            prog.load_debug_info(kos)
    except drgn.MissingDebugInfoError:
        pass
    mm = Memmap(prog, info, drgn)
    loaded = loaded_modules(prog)
    params = module_params(prog, "nicmem")
    threshold = a.threshold or (params or {}).get("threshold") or rules.const["NICMEM_THRESHOLD_DEFAULT"]
    if not rules.const["NICMEM_THRESHOLD_MIN"] <= threshold <= rules.const["NICMEM_THRESHOLD_MAX"]:
        die(f"threshold={threshold} is not valid: give an integer in "
            f"[{rules.const['NICMEM_THRESHOLD_MIN']}, {rules.const['NICMEM_THRESHOLD_MAX']}]", 2)
    Pools.reader = staticmethod(pool_reader(prog, drgn))
    snap = Snapshot()
    snap.page_size = mm.page_size
    # ktime_get_real_seconds(): tk_core, or after 6.12 timekeeper_data[TIMEKEEPER_CORE]
    try:
        tk = prog["tk_core"]
    except KeyError:
        tk = prog["timekeeper_data"][prog["TIMEKEEPER_CORE"]]
    snap.taken = tk.timekeeper.xtime_sec.value_()
    snap.cache_ms = params.get("cache_ms") if params else None
    snap.metrics_queues = (params or {}).get("metrics_queues", 0)
    snap.severity = severity_pct(prog, "nicmem") or (rules.const["NICMEM_SEVERITY_WARN_PCT"],
                                                     rules.const["NICMEM_SEVERITY_CRIT_PCT"])
    snap.census = census_walk(prog, mm, rules, threshold, drgn)
    layouts = {ad.name: Layout(prog, ad, loaded) for ad in ads if ad.fields}
    snap.ifs, snap.total = ifaces_walk(prog, mm, rules, ads, layouts, threshold, drgn)
    snap.frag = frag_read(prog, mm, rules, threshold, drgn)
    pools_attribute(snap.census.pools, snap.ifs, mm.page_size)
    rep = Report(common.D["NICMEM_FORMAT_VERSION"], rules, snap)
    rep.metrics() if a.metrics else rep.summary()
    sys.stdout.write("\n".join(rep.out) + "\n")
