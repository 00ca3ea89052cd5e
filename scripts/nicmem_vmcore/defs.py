# SPDX-License-Identifier: GPL-2.0
"""The module's definitions: the census's rules and constants compiled from
its headers (scripts/vmcore-defs.c), the adaptors read from drivers/."""
import bisect
import os
import re
import shutil
import subprocess
import tempfile

from .common import die


# ---------------------------------------------------------------------------
# The module's own definitions: compiled from its headers, read from its drivers
# ---------------------------------------------------------------------------

class Defs:
    """The census's classes, rules and histogram and the module's integer
    constants, as scripts/vmcore-defs.c's output: the C compiler's reading
    of rules.h, census.h, consts.h and drivers/mlx5/mlx5.h, built on first use
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
            self.flags = dict(g["snap_flags"])
            self.const = {k: v for k, v in g.items() if type(v) is int}
            self.table = bytes.fromhex(g["census_table"])
            self.first = tuple(g["hist_first"])
            self.buckets = g["NICMEM_HIST_BUCKETS"]
            ok = len(self.table) == 1 << g["NICMEM_SB_KEY_BITS"] and len(self.first) == self.buckets
            self.nonpos = 1 << g["NICMEM_SB_NONPOS"]
            self.over = g["NICMEM_SB_OVER"]
            self.cls_mask = g["NICMEM_ENTRY_CLASS"]
            self.hist_bit = g["NICMEM_ENTRY_HIST"]
        except (KeyError, TypeError, ValueError) as e:
            die(f"the generated definitions lack or garble {e} (scripts/vmcore-defs.c)")
        if not ok:
            die("the generated definitions are inconsistent: the census table or the histogram's "
                "buckets have another size than they say (scripts/vmcore-defs.c)")
        self.bits = [(1 << b, f) for f, b in self.flags.items()]

    def __getitem__(self, name):
        if name not in self.const:
            die(f"no {name} in the generated definitions (scripts/vmcore-defs.c)")
        return self.const[name]

    @classmethod
    def generate(cls, src):
        """Compile and run scripts/vmcore-defs.c once per set of inputs:
        the JSON it prints, cached in $NICMEM_CACHE as
        vmcore-defs-<hash>.json (made for this run only where the cache
        cannot be written)."""
        import hashlib
        import json
        import shlex
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
                cc = shlex.split(os.environ.get("CC", "cc"))
                exe = os.path.join(tmp, "defs")
                hint = ("the script's definitions are compiled from nicmem's headers on first use: "
                        "install a C compiler and libc's headers (gcc), or set CC")
                try:
                    r = subprocess.run(cc + ["-O1", "-Wall", "-Werror",
                                             "-I", os.path.join(src, "scripts/host"), "-I", src,
                                             "-I", os.path.join(src, "drivers"), "-o", exe,
                                             os.path.join(src, "scripts/vmcore-defs.c")],
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                       universal_newlines=True)
                except OSError as e:
                    die(f"{' '.join(cc)}: {e.strerror}: {hint}")
                if r.returncode:
                    die(f"{' '.join(cc)} scripts/vmcore-defs.c failed ({hint}):\n{r.stderr.strip()}")
                try:
                    r = subprocess.run([exe], stdout=subprocess.PIPE, universal_newlines=True)
                except OSError as e:
                    die(f"{exe}: {e.strerror} (a noexec mount? set NICMEM_CACHE to a directory "
                        f"where programs may run)")
                if r.returncode:
                    die("scripts/vmcore-defs.c's program failed (the histogram's buckets are not "
                        "powers of two?)")
                out = os.path.join(tmp, name + ".new")
                open(out, "w").write(r.stdout)
                os.replace(out, path)
                return json.loads(r.stdout)
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
    """One drivers/<drv>/adaptor.c adaptor: name, estimate rule, fields, ring walk."""

    def __init__(self, name):
        self.name = name
        self.driver = None
        self.page_per_desc = False
        self.order0_max_mtu = 0
        self.rx_page_order = None
        self.walk_rx = None     # the adaptor's own C walk: not in this script
        self.module = None
        self.fields = []        # (struct, member path or None)
        self.ids = []           # NICMEM_F_<struct>_<member|id>, NICMEM_F_sizeof_<struct>
        self.ring = None        # bias_ring description, field indices


def c_int(expr, consts):
    """A small constant C expression: integers, + - * <<, parentheses and
    the names in @consts, computed on its syntax tree (never evaluated as
    code); None for anything else."""
    import ast
    ops = {ast.Add: lambda a, b: a + b, ast.Sub: lambda a, b: a - b,
           ast.Mult: lambda a, b: a * b, ast.LShift: lambda a, b: a << b}

    def val(n):
        if isinstance(n, ast.Constant) and type(n.value) is int:
            return n.value
        if type(n).__name__ == "Num" and type(n.n) is int:     # Python 3.7's literals
            return n.n
        if isinstance(n, ast.Name) and n.id in consts:
            return consts[n.id]
        if isinstance(n, ast.UnaryOp) and isinstance(n.op, ast.USub):
            return -val(n.operand)
        if isinstance(n, ast.BinOp) and type(n.op) in ops:
            return ops[type(n.op)](val(n.left), val(n.right))
        raise ValueError(ast.dump(n))
    try:
        return val(ast.parse(re.sub(r"\b(0[xX][0-9a-fA-F]+|[0-9]+)[uUlL]+\b", r"\1", expr.strip()),
                             mode="eval").body)
    except (SyntaxError, ValueError, RecursionError):
        return None


def read_adaptors(top, arch, names):
    """The adaptors @names (the generated definitions' list, drivers/list.h),
    each from its folder drivers/<name>/: adaptor.c and layout.h."""
    consts = {"NET_IP_ALIGN": 0 if arch == "x86_64" else 2, "USHRT_MAX": 0xffff}
    # the members of struct nicmem_bias_ring: every table must set each one
    hdr = re.sub(r"/\*.*?\*/", "", open(os.path.join(top, "drivers/adaptor.h")).read(), flags=re.S)
    m = re.search(r"struct nicmem_bias_ring \{(.*?)\};", hdr, re.S)
    if not m:
        die("drivers/adaptor.h: no struct nicmem_bias_ring")
    need = set(re.findall(r"(\w+)\s*[,;]", m.group(1)))
    ads = []
    for name in names:
        path = os.path.join(top, "drivers", name, "adaptor.c")
        src = re.sub(r"/\*.*?\*/", "", open(path).read(), flags=re.S)
        ad = Adaptor(name)
        m = re.search(rf"const struct nicmem_adaptor nicmem_adaptor_{name}\s*=\s*\{{(.*?)\n\}};", src, re.S)
        if not m:
            die(f"{path}: no nicmem_adaptor_{name}")
        init = dict(re.findall(r"^\s*\.(\w+)\s*=\s*(.*?),?\s*$", m.group(1), re.M))
        ad.driver = init.get("driver", '""').strip('"')
        ad.page_per_desc = "NICMEM_AD_PAGE_PER_DESC" in init.get("flags", "")
        if "order0_max_mtu" in init:
            ad.order0_max_mtu = c_int(init["order0_max_mtu"], consts)
            if ad.order0_max_mtu is None:
                die(f"{path}: cannot evaluate order0_max_mtu {init['order0_max_mtu']}")
        ad.rx_page_order = init.get("rx_page_order")
        ad.walk_rx = init.get("walk_rx")
        ad.module = init.get("module", "").strip('"') or None
        if re.search(r'^#include "layout\.h"', src, re.M):
            lsrc = open(os.path.join(top, "drivers", name, "layout.h")).read()
            for mm in re.finditer(r"^NICMEM_(FIELD|SIZEOF|PATH)\((\w+)(?:,\s*(\w+))?(?:,\s*([\w.]+))?\)",
                                  lsrc, re.M):
                kind, s, m, path = mm.groups()
                if kind == "SIZEOF":
                    ad.fields.append((s, None))
                    ad.ids.append(f"NICMEM_F_sizeof_{s}")
                else:
                    ad.fields.append((s, path if kind == "PATH" else m))
                    ad.ids.append(f"NICMEM_F_{s}_{m}")
        br = re.search(r"static const struct nicmem_bias_ring \w+\s*=\s*\{(.*?)\};", src, re.S)
        if br:
            ring = {}
            for key, val in re.findall(r"\.(\w+)\s*=\s*([^,\n]+)", br.group(1)):
                val = val.strip()
                if val.startswith("NICMEM_F_"):
                    ring[key] = ad.ids.index(val)
                elif val in ("true", "false"):
                    ring[key] = val == "true"
                elif val in ("NICMEM_ORDER_BIT0", "NICMEM_ORDER_BUFLEN_HALF"):
                    ring[key] = val
                else:
                    ring[key] = c_int(val, consts)
                    if ring[key] is None:
                        die(f"{path}: cannot evaluate bias_ring .{key} = {val}")
            if set(ring) != need:
                die(f"{path}: bias_ring has {sorted(set(ring) ^ need)} unlike adaptor.h")
            ad.ring = ring
        ads.append(ad)
    return ads
