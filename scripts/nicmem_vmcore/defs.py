# SPDX-License-Identifier: GPL-2.0
"""The module's definitions: the census's rules, its constants and the
adaptors' specs, compiled from its headers (scripts/vmcore-defs.c)."""
import bisect
import os
import shutil
import subprocess
import tempfile

from .common import die


# ---------------------------------------------------------------------------
# The module's own definitions: compiled from its headers
# ---------------------------------------------------------------------------

class Defs:
    """The census's classes, rules and histogram and the module's integer
    constants and the adaptors, as scripts/vmcore-defs.c's output: the C
    compiler's reading of rules.h, census.h, consts.h and drivers/ (list.h,
    every drivers/<driver>/spec.h, drivers/mlx5/mlx5.h), built on first use
    and cached by a hash of those inputs (generate()): data, loaded as
    JSON, never code the script runs.

    A page is classified as census.c does it: its snapshot's flags and two
    facts about its refcount make a key, and nicmem_census_entry()'s table
    gives the class and the histogram membership. common.D["NAME"] is a constant.
    """

    @staticmethod
    def inputs(src):
        """What the generated definitions depend on: the generator and every
        header it could include (nicmem's own, drivers/', the host stand-ins),
        so no list of its #includes is kept here beside the one in the C."""
        import glob as g
        hdrs = [os.path.relpath(p, src) for pat in ("*.h", "drivers/*.h", "drivers/*/*.h",
                                                          "scripts/host/linux/*.h")
                for p in g.glob(os.path.join(src, pat))]
        return ["scripts/vmcore-defs.c"] + sorted(hdrs)

    def __init__(self, src):
        g = self.generate(src)
        try:
            self.names = list(g["classes"])
            self.index = {ident: i for i, ident in enumerate(g["class_ids"])}
            self.adaptors = list(g["adaptors"])
            # frag.c's page_frag caches: (per-CPU variable, member or "")
            self.frag_caches = [(v, m) for v, m in g["frag_caches"]]
            self.specs = list(g["specs"])
            ok = [sp["name"] for sp in self.specs] == self.adaptors
            self.flags = dict(g["snap_flags"])
            self.const = {k: v for k, v in g.items() if type(v) is int}
            self.table = bytes.fromhex(g["census_table"])
            self.first = tuple(g["hist_first"])
            self.buckets = g["NICMEM_HIST_BUCKETS"]
            ok = ok and len(self.table) == 1 << g["NICMEM_SB_KEY_BITS"] and len(self.first) == self.buckets
            self.nonpos = 1 << g["NICMEM_SB_NONPOS"]
            self.over = g["NICMEM_SB_OVER"]
            self.cls_mask = g["NICMEM_ENTRY_CLASS"]
            self.hist_bit = g["NICMEM_ENTRY_HIST"]
        except (KeyError, TypeError, ValueError) as e:
            die(f"the generated definitions lack or garble {e} (scripts/vmcore-defs.c)")
        if not ok:
            die("the generated definitions are inconsistent: the census table or the histogram's "
                "buckets have another size than they say, or the specs are not list.h's "
                "(scripts/vmcore-defs.c)")
        self.bits = [(1 << b, f) for f, b in self.flags.items()]

    def adaptors_for(self, arch):
        """The adaptors as on @arch ("x86_64" or another), in list.h's order."""
        return [Adaptor(sp, arch) for sp in self.specs]

    def __getitem__(self, name):
        if name not in self.const:
            die(f"no {name} in the generated definitions (scripts/vmcore-defs.c)")
        return self.const[name]

    @staticmethod
    def run_generator(src, tmp, args, what):
        """scripts/vmcore-defs.c compiled with @args and run: its JSON."""
        import json
        import shlex
        cc = shlex.split(os.environ.get("CC", "cc"))
        exe = os.path.join(tmp, "defs")
        hint = ("the script's definitions are compiled from nicmem's headers on first use: "
                "install a C compiler and libc's headers (gcc), or set CC")
        try:
            r = subprocess.run(cc + ["-O1", "-Wall", "-Werror",
                                     "-I", os.path.join(src, "scripts/host"), "-I", src,
                                     "-I", os.path.join(src, "drivers")] + args
                               + ["-o", exe, os.path.join(src, "scripts/vmcore-defs.c")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               universal_newlines=True)
        except OSError as e:
            die(f"{' '.join(cc)}: {e.strerror}: {hint}")
        if r.returncode:
            die(f"{' '.join(cc + args)} scripts/vmcore-defs.c failed ({hint}):\n{r.stderr.strip()}")
        try:
            r = subprocess.run([exe], stdout=subprocess.PIPE, universal_newlines=True)
        except OSError as e:
            die(f"{exe}: {e.strerror} (a noexec mount? set NICMEM_CACHE to a directory "
                f"where programs may run)")
        if r.returncode:
            die(f"scripts/vmcore-defs.c's program failed ({what})")
        try:
            return json.loads(r.stdout)
        except ValueError as e:
            die(f"scripts/vmcore-defs.c printed no JSON ({what}): {e}")

    @classmethod
    def generate(cls, src):
        """Compile and run scripts/vmcore-defs.c once per set of inputs,
        and once more per adaptor: the JSON they print, cached in
        $NICMEM_CACHE as vmcore-defs-<hash>.json (made for this run only
        where the cache cannot be written)."""
        import hashlib
        import json
        h = hashlib.sha256()
        for f in cls.inputs(src):
            try:
                data = open(os.path.join(src, f), "rb").read()
            except OSError as e:
                die(f"{os.path.join(src, f)}: {e.strerror} (--src is nicmem's source tree)")
            h.update(f.encode() + b"\0" + data + b"\0")
        name = f"vmcore-defs-{h.hexdigest()[:16]}.json"
        cache = os.environ.get("NICMEM_CACHE", "/var/cache/nicmem")
        path = os.path.join(cache, name)
        if not os.path.exists(path):
            try:
                os.makedirs(cache, exist_ok=True)
                tmp = tempfile.mkdtemp(prefix="vmcore-defs.", dir=cache)
            except OSError:         # no cache of ours: made for this run only
                tmp = tempfile.mkdtemp(prefix="nicmem-vmcore-defs.")
                path = os.path.join(tmp, name)
            try:
                g = cls.run_generator(src, tmp, [], "the histogram's buckets are not powers of two?")
                if not isinstance(g, dict):
                    die("scripts/vmcore-defs.c printed no JSON object")
                # each adaptor's spec: a program per driver (their NICMEM_F_
                # names may be the same), in list.h's order
                g["specs"] = []
                for drv in g.get("adaptors", []):
                    spec = os.path.join(src, "drivers", drv, "spec.h")
                    if not os.path.exists(spec):
                        die(f"{spec}: missing: every driver in drivers/list.h has its spec.h")
                    g["specs"].append(cls.run_generator(src, tmp, ["-DNICMEM_SPEC_OF=" + drv,
                                                                   "-include", spec],
                                                        f"{drv}'s spec")["spec"])
                out = os.path.join(tmp, name + ".new")
                open(out, "w").write(json.dumps(g, indent=0))
                os.replace(out, path)
                return g
            finally:
                shutil.rmtree(tmp, ignore_errors=True)
        try:
            return json.load(open(path))
        except (OSError, ValueError) as e:
            die(f"{path}: {e} (remove it: it is made again)")

    def key(self, s, threshold):
        """nicmem_census_key() of a snapshot"""
        k = 0
        for bit, f in self.bits:
            if getattr(s, f):
                k |= bit
        if s.refcount <= 0:
            k |= self.nonpos
        return k | int((s.refcount & 0xffffffff) >= threshold) << self.over

    def entry(self, s, threshold):
        """(class, in the histogram) of a snapshot: the census's table"""
        e = self.table[self.key(s, threshold)]
        return e & self.cls_mask, bool(e & self.hist_bit)

    def classify(self, s, threshold):
        return self.table[self.key(s, threshold)] & self.cls_mask

    def hist_counts(self, s):
        # the histogram's rule does not test the threshold: any key will do
        return bool(self.table[self.key(s, self.const["NICMEM_THRESHOLD_MIN"])] & self.hist_bit)

    def bucket(self, refcount):
        """nicmem_hist_bucket(): the last bucket whose first refcount is <= it"""
        if refcount <= 0:
            return 0
        return bisect.bisect_right(self.first, refcount) - 1

    def bucket_range(self, b):
        lo = self.first[b] if b else 0
        hi = None if b == self.buckets - 1 else self.first[b + 1] - 1
        return lo, hi


class Adaptor:
    """One adaptor as its drivers/<driver>/spec.h describes it, compiled into
    the generated definitions ("specs"): name, estimate rule, fields, bias
    ring table. Its walk: the bias-ring walk where it has a table, else the
    one ifaces.WALKERS has under its name (the C's code is not data)."""

    def __init__(self, spec, arch):
        self.name = spec["name"]
        self.driver = spec["driver"]
        self.module = spec["module"]
        self.also_module = spec["also_module"]     # a second module's debuginfo (virtio_ring)
        self.page_per_desc = bool(spec["page_per_desc"])
        # NET_IP_ALIGN (igb's order rule) is 0 on x86 only
        self.order0_max_mtu = spec["order0_max_mtu_ip_align0" if arch == "x86_64" else
                                   "order0_max_mtu_ip_align2"]
        self.fields = [(sname, path) for sname, path, _ in spec["fields"]]    # path None: sizeof
        self.ids = [f"NICMEM_F_{i}" for _, _, i in spec["fields"]]
        self.ring = spec.get("bias_ring")       # members' C names -> field index or value
