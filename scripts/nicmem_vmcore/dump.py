# SPDX-License-Identifier: GPL-2.0
"""The dump and its debuginfo: formats, vmcoreinfo, build ids, the -dbg
package's cache, the loaded modules and their parameters."""
import fcntl
import glob
import os
import shutil
import subprocess
import sys
import tempfile

from .common import die


def kernel_image_segment(prog, info, drgn):
    """Map the kernel image where a dump lacks it (QEMU without -p).

    A physical-only ELF dump (dump-guest-memory without paging) is complete
    but has no virtual mapping of the kernel image, which drgn needs to
    read the page tables (swapper_pg_dir) before it can translate anything
    else. On x86_64 the image's virtual range maps linearly onto physical
    memory at phys_base (__pa_symbol()): give drgn that segment.
    A paging dump (-p) has it, but QEMU (7.2) writes a mapping that spans
    two RAM blocks, e.g. the direct map of two NUMA nodes' memory
    backends, only up to the first block's end: the rest reads as zeros.
    """
    if prog.platform.arch != drgn.Architecture.X86_64:
        return
    try:
        prog.read(int(info["SYMBOL(init_top_pgt)"], 16), 8)
        return
    except (KeyError, drgn.FaultError):
        pass
    start_kernel_map = 0xffffffff80000000
    phys_base = int(info["NUMBER(phys_base)"], 0)

    def read(address, count, offset, physical):
        return prog.read(phys_base + offset, count, True)
    prog.add_memory_segment(start_kernel_map, 1 << 30, read)


def dump_format(path):
    """What @path is: "ELF" or "kdump" (makedumpfile's compressed format),
    or a clear exit for what drgn cannot open."""
    try:
        with open(path, "rb") as f:
            magic = f.read(16)
    except OSError as e:
        die(f"{path}: {e.strerror}")
    if len(magic) < 16:
        die(f"{path}: {len(magic)} bytes: too short for any dump")
    if magic[:4] == b"\x7fELF":
        if magic[4:5] != b"\x02":
            die(f"{path}: a 32-bit ELF file; nicmem-vmcore reads 64-bit kernels' dumps")
        return "ELF"
    if magic[:8] == b"KDUMP   ":
        return "kdump"
    if magic.startswith(b"makedumpfile"):
        die(f"{path}: makedumpfile's flattened format (-F): reassemble it first with "
            f"makedumpfile -R <dumpfile> < {path}")
    die(f"{path}: neither an ELF core nor a makedumpfile compressed dump (kdump, -c/-l/-p)")


def vmcoreinfo(path):
    """KEY=VALUE of the dump's VMCOREINFO note (first MiBs of the ELF, or
    the kdump header's copy)."""
    with open(path, "rb") as f:
        head = f.read(16 << 20)
    i = head.find(b"OSRELEASE=")
    if i < 0:
        die(f"{path}: no VMCOREINFO note (QEMU: -device vmcoreinfo and the guest's qemu_fw_cfg)")
    start = head.rfind(b"\0", 0, i) + 1
    end = head.find(b"\0", i)
    info = {}
    for line in head[start:end].decode(errors="replace").splitlines():
        if "=" in line:
            k, v = line.split("=", 1)
            info[k] = v
    return info


def debuginfo(release, modules, fetch):
    """The cache of vmlinux and @modules' debug files for @release, filled once.

    Only those files are kept, in $NICMEM_CACHE/dbg-<release> (laid out as
    the package, usr/lib/debug/...); the package is deleted once they are
    out. A module the package lacks is recorded in dbg-<release>/absent.
    """
    try:
        return fetch_debuginfo(release, modules, fetch)
    except OSError as e:
        die(f"fetching {release}'s debuginfo: {e.filename or ''}: {e.strerror} (apt-get, dpkg-deb and "
            f"tar fetch Debian's -dbg package into $NICMEM_CACHE; elsewhere, e.g. RHEL with "
            f"kernel-debuginfo installed, give --debuginfo /usr/lib/debug)")


def fetch_debuginfo(release, modules, fetch):
    cache = os.environ.get("NICMEM_CACHE", "/var/cache/nicmem")
    dest = os.path.join(cache, f"dbg-{release}")
    dbg = os.path.join(dest, "usr/lib/debug")
    vmlinux = os.path.join(dbg, "boot", f"vmlinux-{release}")

    def missing():
        absent = os.path.join(dest, "absent")
        gone = set(open(absent).read().split()) if os.path.exists(absent) else set()
        have = {os.path.basename(p)[:-3] for p in
                glob.glob(os.path.join(dbg, "lib/modules", "*", "**", "*.ko"), recursive=True)}
        return [m for m in modules if m not in have and m not in gone]

    if os.path.exists(vmlinux) and not missing():
        return dest
    if not fetch:
        if os.path.exists(vmlinux):
            return dest         # the layouts of the missing say why
        die(f"no debuginfo for {release} in {dest} (and --no-fetch)")
    os.makedirs(cache, exist_ok=True)
    with open(os.path.join(cache, f"dbg-{release}.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        want = missing()
        if os.path.exists(vmlinux) and not want:
            return dest
        dl = os.path.join(cache, f"dl-{release}")
        os.makedirs(dl, exist_ok=True)
        pkg = f"linux-image-{release}-dbg"
        debs = glob.glob(os.path.join(dl, f"{pkg}_*.deb"))
        if not debs:
            print(f"nicmem-vmcore: fetching {pkg} (once; only vmlinux and "
                  f"{', '.join(modules)} are kept in {dest})", file=sys.stderr)
            # apt's progress is not the report: stdout carries only that
            r = subprocess.run(["apt-get", "-q", "download", pkg], cwd=dl,
                               stdout=sys.stderr, stdin=subprocess.DEVNULL)
            debs = glob.glob(os.path.join(dl, f"{pkg}_*.deb"))
            if r.returncode or not debs:
                die(f"apt-get download {pkg} failed (not a Debian kernel? give --debuginfo with its "
                    f"debuginfo, e.g. /usr/lib/debug from RHEL's kernel-debuginfo)")
        tmp = tempfile.mkdtemp(prefix=f"dbg-{release}.", dir=cache)
        # sid's (7.x) boot/vmlinux-<release> is a link to lib/modules/<release>/vmlinux
        pats = [] if os.path.exists(vmlinux) else [f"./usr/lib/debug/boot/vmlinux-{release}",
                                                   f"./usr/lib/debug/lib/modules/{release}/vmlinux"]
        pats += [f"./usr/lib/debug/lib/modules/{release}/*/{m}.ko" for m in want]
        deb = subprocess.Popen(["dpkg-deb", "--fsys-tarfile", debs[0]], stdout=subprocess.PIPE)
        # tar exits 2 when a pattern matches nothing: a module the package lacks
        tar = subprocess.run(["tar", "-x", "--wildcards", "-C", tmp] + pats, stdin=deb.stdout,
                             stderr=subprocess.DEVNULL)
        deb.stdout.close()
        if deb.wait() or tar.returncode not in (0, 2) or not os.path.exists(
                os.path.join(tmp, "usr/lib/debug/boot", f"vmlinux-{release}")) and \
                not os.path.exists(vmlinux):
            shutil.rmtree(tmp, ignore_errors=True)
            die(f"extracting {debs[0]} failed")
        for root, _, files in os.walk(tmp):
            for f in files:
                src = os.path.join(root, f)
                os.renames(src, os.path.join(dest, os.path.relpath(src, tmp)))
        shutil.rmtree(tmp, ignore_errors=True)
        with open(os.path.join(dest, "absent"), "a") as ab:
            for m in missing():
                ab.write(m + "\n")
        shutil.rmtree(dl, ignore_errors=True)
    return dest


def elf_build_id(path):
    """The GNU build id of an ELF file (its .note.gnu.build-id), hex, or None."""
    import struct
    try:
        with open(path, "rb") as f:
            eh = f.read(64)
            if eh[:4] != b"\x7fELF" or eh[4] != 2 or eh[5] != 1:
                return None
            shoff, = struct.unpack_from("<Q", eh, 40)
            shentsize, shnum = struct.unpack_from("<HH", eh, 58)
            f.seek(shoff)
            sh = f.read(shentsize * shnum)
            for i in range(shnum):
                stype, = struct.unpack_from("<I", sh, i * shentsize + 4)
                off, size = struct.unpack_from("<QQ", sh, i * shentsize + 24)
                if stype != 7 or size > 1 << 16:        # SHT_NOTE
                    continue
                f.seek(off)
                bid = note_build_id(f.read(size))
                if bid:
                    return bid
    except (OSError, struct.error):
        return None
    return None


def note_build_id(data):
    """NT_GNU_BUILD_ID's descriptor in a run of ELF notes, hex, or None."""
    import struct
    pos = 0
    while pos + 12 <= len(data):
        namesz, descsz, ntype = struct.unpack_from("<III", data, pos)
        name = data[pos + 12:pos + 12 + namesz]
        dpos = pos + 12 + (namesz + 3) // 4 * 4
        if ntype == 3 and name == b"GNU\0":
            return data[dpos:dpos + descsz].hex()
        pos = dpos + (descsz + 3) // 4 * 4
    return None


def first_of_build(cands, build_id):
    """The first (path, how) of @cands that exists and, with @build_id
    known, carries it: (path, how, []), else (None, None, the files of
    another build, each with its build id)."""
    wrong = []
    for path, how in cands:
        if not os.path.exists(path):
            continue
        got = elf_build_id(path)
        if build_id and got != build_id:
            wrong.append(f"{path} (build id {got})")
            continue
        return path, how, wrong
    return None, None, wrong


def find_vmlinux(dbg, release, build_id):
    """vmlinux for the dump in a /usr/lib/debug-like tree: by the dump's
    build id (vmcoreinfo BUILD-ID, 5.10+) in .build-id/, then Debian's and
    Ubuntu's boot/vmlinux-<release>, then RHEL's and Fedora's
    lib/modules/<release>/vmlinux. A file whose build id is not the dump's
    is refused: its offsets would be another kernel's."""
    cands = []
    if build_id:
        cands.append((os.path.join(dbg, ".build-id", build_id[:2], build_id[2:] + ".debug"), "by build id"))
    cands += [(os.path.join(dbg, "boot", f"vmlinux-{release}"), "Debian's layout"),
              (os.path.join(dbg, "lib/modules", release, "vmlinux"), "RHEL's layout")]
    path, how, wrong = first_of_build(cands, build_id)
    if path:
        return path, how + (", build id matches the dump's" if build_id else
                            ", the dump records no build id")
    if wrong:
        die(f"no vmlinux with the dump's build id {build_id}: {'; '.join(wrong)}")
    die(f"no vmlinux for {release} in {dbg} (tried {', '.join(p for p, _ in cands)})")


def module_build_ids(prog):
    """{module name: build id} of the dump's loaded modules, from their ELF
    notes in memory (module.notes_attrs, with CONFIG_SYSFS and KALLSYMS)."""
    from drgn.helpers.linux.list import list_for_each_entry
    import drgn
    ids = {}
    for m in list_for_each_entry("struct module", prog["modules"].address_of_(), "list"):
        try:
            name = m.name.string_().decode()
            na = m.notes_attrs
            if not na:
                continue
            for i in range(min(na.notes.value_(), 16)):
                a = na.attrs[i]
                size = a.size.value_()
                if 0 < size <= 4096:
                    bid = note_build_id(prog.read(a.private.value_(), size))
                    if bid:
                        ids[name] = bid
                        break
        except (AttributeError, LookupError, drgn.FaultError):
            continue
    return ids


def find_module(dbg, release, name, build_id):
    """@name's debuginfo in the tree: Debian's <name>.ko or RHEL's
    <name>.ko.debug under lib/modules/<release>/, else by build id; with
    the loaded module's build id known, only a file that has it. Returns
    (path or None, what was found)."""
    base = os.path.join(dbg, "lib/modules", release)
    cands = sorted(glob.glob(os.path.join(base, "**", f"{name}.ko"), recursive=True) +
                   glob.glob(os.path.join(base, "**", f"{name}.ko.debug"), recursive=True))
    if build_id:
        cands.append(os.path.join(dbg, ".build-id", build_id[:2], build_id[2:] + ".debug"))
    path, _, wrong = first_of_build([(c, "") for c in cands], build_id)
    if path:
        return path, "build id matches the dump's" if build_id else "the dump's module shows no build id"
    if wrong:
        return None, f"not used, the dump's {name} has build id {build_id}: {'; '.join(wrong)}"
    return None, "none found"


def module_params(prog, name):
    """The loaded module @name's parameters (uint ones), or None if not loaded."""
    from drgn.helpers.linux.list import list_for_each_entry
    for mod in list_for_each_entry("struct module", prog["modules"].address_of_(), "list"):
        if mod.name.string_().decode() != name:
            continue
        params = {}
        for i in range(mod.num_kp.value_()):
            kp = mod.kp[i]
            try:
                params[kp.name.string_().decode()] = prog.read_u32(kp.arg.value_())
            except Exception:
                pass
        return params
    return None


def severity_pct(prog, name):
    """The loaded module's severity_pct (struct nicmem_severity: warn, crit), or None."""
    from drgn.helpers.linux.list import list_for_each_entry
    for mod in list_for_each_entry("struct module", prog["modules"].address_of_(), "list"):
        if mod.name.string_().decode() != name:
            continue
        for i in range(mod.num_kp.value_()):
            kp = mod.kp[i]
            if kp.name.string_().decode() == "severity_pct":
                return prog.read_u32(kp.arg.value_()), prog.read_u32(kp.arg.value_() + 4)
    return None


def loaded_modules(prog):
    from drgn.helpers.linux.list import list_for_each_entry
    return {m.name.string_().decode() for m in
            list_for_each_entry("struct module", prog["modules"].address_of_(), "list")}
