# SPDX-License-Identifier: GPL-2.0
"""The census (census.c): every page of every online node once, by class."""
import time

from . import common
from .pools import Pools
from .common import die, U64


# ---------------------------------------------------------------------------
# The census
# ---------------------------------------------------------------------------

class Snap:
    __slots__ = ("refcount", "order", "buddy", "reserved", "hugetlb", "slab", "lru", "anon",
                 "page_pool", "typed", "mapped", "has_mapping", "pp", "pp_frag")


class Memmap:
    """struct page array access, a section at a time, and the sparse model."""

    def __init__(self, prog, info, drgn):
        try:
            self.decode_layout(prog, info, drgn)
        except (LookupError, ValueError) as e:
            # struct page's members, the page flags and the page types as
            # 5.14-6.5 or 6.12 and later name them (6.1's and 6.12's, which
            # tests/vmcore checks); 6.6-6.11 moved them in between
            die(f"{info.get('OSRELEASE')}: nicmem-vmcore's census decodes struct page as 5.14 to 6.5 "
                f"and 6.12 and later lay it out (checked on 6.1 and 6.12) and this kernel differs "
                f"({e}): not supported yet")

    def decode_layout(self, prog, info, drgn):
        from drgn.helpers.linux.mm import pfn_to_page
        self.prog, self.drgn = prog, drgn
        self.page_size = int(info["PAGESIZE"])
        self.page_shift = self.page_size.bit_length() - 1
        pt = prog.type("struct page")
        self.psize = pt.size
        off = lambda m: drgn.offsetof(pt, m)
        self.o_flags, self.o_magic = off("flags"), off("pp_magic")
        # a tail's head: compound_head - 1 (bit 0 marks a tail), or (7.x)
        # compound_info, which with the HugeTLB vmemmap optimization and a
        # power-of-two struct page is the mask from the tail's address to
        # its head's (_compound_head() in page-flags.h)
        self.head_mask = False
        if pt.has_member("compound_info"):
            self.o_head = off("compound_info")
            try:
                prog.symbol("hugetlb_optimize_vmemmap_key")
                self.head_mask = self.psize & (self.psize - 1) == 0
            except LookupError:
                pass
        else:
            self.o_head = off("compound_head")
        self.o_pp, self.o_mapping, self.o_private = off("pp"), off("mapping"), off("private")
        self.o_mapcount, self.o_ref = off("_mapcount"), off("_refcount")
        # the page_pool fragment count: pp_frag_count, pp_ref_count from 6.8
        self.o_frag = off("pp_ref_count" if pt.has_member("pp_ref_count") else "pp_frag_count")
        self.PG_head = 1 << prog["PG_head"].value_()
        self.PG_reserved = 1 << prog["PG_reserved"].value_()
        self.PG_lru = 1 << prog["PG_lru"].value_()
        try:
            prog.constant("PGTY_buddy")
            self.pgty = True
        except LookupError:
            self.pgty = False
        if self.pgty:
            # 6.12 (commit 4ffca5a96678 "mm: support only one page_type per
            # page"): the type in page_type's top byte, hugetlb (6.9) and
            # slab (6.10) among them; the folio's order in the low byte of
            # its second page's flags and its mapcount in _large_mapcount
            # (6.6, 6.10)
            pty = lambda n: prog.constant(n).value_()
            self.T_buddy, self.T_hugetlb, self.T_slab = pty("PGTY_buddy"), pty("PGTY_hugetlb"), pty("PGTY_slab")
            self.T_limit = pty("PGTY_mapcount_underflow") << 24
            ft = prog.type("struct folio")
            self.o_order = drgn.offsetof(ft, "_flags_1")
            self.o_lmap = drgn.offsetof(ft, "_large_mapcount")
        else:
            # 5.14-6.5: PG_slab, compound_dtor/order/mapcount in the first tail
            self.PG_slab = 1 << prog["PG_slab"].value_()
            self.hugetlb_dtor = prog["HUGETLB_PAGE_DTOR"].value_()
            self.o_dtor, self.o_corder = off("compound_dtor"), off("compound_order")
            self.o_cmap = off("compound_mapcount")
        # page_pool pages: pp_magic masked by PP_MAGIC_MASK where the kernel
        # keeps a DMA index in it (6.16, and 6.12.y: struct page_pool then
        # has dma_mapped), else by ~0x3 (mm.h's page_pool_page_is_pp())
        self.pp_mask = U64 & ~0x3
        if prog.type("struct page_pool").has_member("dma_mapped"):
            shift = (PP_SIGNATURE - POISON_POINTER_DELTA).bit_length()     # 1 + __fls()
            bits = min(32, (POISON_POINTER_DELTA & -POISON_POINTER_DELTA).bit_length() - 1 - shift)
            self.pp_mask &= ~(((1 << bits) - 1) << shift)
        # x86_64 keeps the (randomized) memmap base in vmemmap_base; drgn's
        # own "vmemmap" object is not always there (seen on 2-node dumps)
        try:
            self.vmemmap = prog["vmemmap_base"].value_()
        except KeyError:
            self.vmemmap = pfn_to_page(prog, 0).value_()
        self.max_buddy = prog.type("struct zone").member("free_area").type.length - 1
        # page_to_nid(): the node id sits in the top NODES_SHIFT bits
        # (SPARSEMEM_VMEMMAP: no section bits in page->flags)
        nmax = prog["node_data"].type_.length
        self.nodes_shift = (nmax - 1).bit_length()
        # sparse model
        self.sec_bits = int(info["NUMBER(SECTION_SIZE_BITS)"])
        self.pfn_sec_shift = self.sec_bits - self.page_shift
        self.pages_per_sec = 1 << self.pfn_sec_shift
        self.nr_sections = 1 << (int(info["NUMBER(MAX_PHYSMEM_BITS)"]) - self.sec_bits)
        mst = prog.type("struct mem_section")
        self.ms_size = mst.size
        self.per_root = self.page_size // mst.size
        self.o_usage = drgn.offsetof(mst, "usage")
        self.o_submap = drgn.offsetof(prog.type("struct mem_section_usage"), "subsection_map")
        self.SEC_ONLINE = 1 << prog["SECTION_IS_ONLINE_BIT"].value_()
        self.SEC_DEVICE = 1 << prog["SECTION_TAINT_ZONE_DEVICE_BIT"].value_()
        self.SEC_MAP = 1 << prog["SECTION_HAS_MEM_MAP_BIT"].value_()
        self.pfn_subsec_shift = 21 - self.page_shift      # SUBSECTION_SHIFT
        self.mem_section = prog["mem_section"].value_()
        self.sections = {}
        self.bufs = {}

    def u64(self, b, o):
        return int.from_bytes(b[o:o + 8], "little")

    def section(self, nr):
        """(section_mem_map, subsection bitmap) of section nr, or None."""
        if nr in self.sections:
            return self.sections[nr]
        res = None
        if nr < self.nr_sections:
            try:
                root = self.prog.read_u64(self.mem_section + 8 * (nr // self.per_root))
                if root:
                    ms = root + self.ms_size * (nr % self.per_root)
                    smm = self.prog.read_u64(ms)
                    usage = self.prog.read_u64(ms + self.o_usage)
                    sub = self.prog.read_u64(usage + self.o_submap) if usage else 0
                    res = (smm, sub)
            except self.drgn.FaultError:
                res = None
        self.sections[nr] = res
        return res

    def online(self, pfn):
        """pfn_to_online_page() != NULL"""
        s = self.section(pfn >> self.pfn_sec_shift)
        if not s or not s[0] & self.SEC_ONLINE:
            return False
        if not (s[1] >> ((pfn & (self.pages_per_sec - 1)) >> self.pfn_subsec_shift)) & 1:
            return False
        if s[0] & self.SEC_DEVICE:
            die(f"pfn {pfn}: ZONE_DEVICE in an online section: pfn_to_online_page() "
                "would ask get_dev_pagemap(), which a vmcore cannot")
        return True

    def valid(self, pfn):
        """pfn_valid()"""
        s = self.section(pfn >> self.pfn_sec_shift)
        return bool(s and s[0] & self.SEC_MAP and
                    (s[1] >> ((pfn & (self.pages_per_sec - 1)) >> self.pfn_subsec_shift)) & 1)

    def page(self, pfn):
        """the bytes of pfn's struct page (memmap read a section at a time)"""
        nr = pfn >> self.pfn_sec_shift
        buf = self.bufs.get(nr)
        if buf is None:
            if len(self.bufs) > 8:
                self.bufs.clear()
            base = nr << self.pfn_sec_shift
            buf = self.prog.read(self.vmemmap + base * self.psize, self.pages_per_sec * self.psize)
            self.bufs[nr] = buf
        o = (pfn & (self.pages_per_sec - 1)) * self.psize
        return buf[o:o + self.psize]

    def nid(self, b):
        return self.u64(b, self.o_flags) >> (64 - self.nodes_shift) if self.nodes_shift else 0

    def pfn_of(self, ptr):
        """nicmem_valid_page(): the online pfn of a struct page pointer, or None"""
        if ptr % 8 or ptr < self.vmemmap or (ptr - self.vmemmap) % self.psize:
            return None
        pfn = (ptr - self.vmemmap) // self.psize
        if pfn >> self.pfn_sec_shift >= self.nr_sections or not self.valid(pfn):
            return None
        return pfn if self.online(pfn) else None

    def snap(self, pfn, b=None):
        """__nicmem_snap_page() of the page at pfn (a head or single page)"""
        if b is None:
            b = self.page(pfn)
        s = Snap()
        flags = self.u64(b, self.o_flags)
        ptype = int.from_bytes(b[self.o_mapcount:self.o_mapcount + 4], "little")
        s.refcount = int.from_bytes(b[self.o_ref:self.o_ref + 4], "little", signed=True)
        s.order = 0
        s.hugetlb = s.reserved = s.slab = s.lru = s.anon = s.has_mapping = False
        s.page_pool = s.typed = s.mapped = False
        s.pp = s.pp_frag = 0
        ty = ptype >> 24 if self.pgty else None
        if self.pgty:
            s.buddy = ty == self.T_buddy                                    # PageBuddy()
        else:
            s.buddy = (ptype & 0xf0000080) == 0xf0000000
        if s.buddy:
            o = self.u64(b, self.o_private)
            s.order = 0 if o > self.max_buddy else o
            return s
        if flags & self.PG_head:
            if self.pgty:
                s.order = min(self.folio_byte(pfn, self.o_order), common.D["NICMEM_MAX_COMPOUND_ORDER"])
                s.hugetlb = ty == self.T_hugetlb                            # folio_test_hugetlb()
            else:
                t = self.page(pfn + 1)
                s.order = min(t[self.o_corder], common.D["NICMEM_MAX_COMPOUND_ORDER"])
                s.hugetlb = t[self.o_dtor] == self.hugetlb_dtor             # PageHuge()
        s.reserved = bool(flags & self.PG_reserved)
        s.slab = ty == self.T_slab if self.pgty else bool(flags & self.PG_slab)    # PageSlab()
        s.lru = bool(flags & self.PG_lru)
        if s.hugetlb or s.reserved or s.slab:
            return s
        mapping = self.u64(b, self.o_mapping)
        s.anon = bool(mapping & 1)                             # PAGE_MAPPING_ANON
        s.has_mapping = mapping != 0
        if s.lru:
            return s
        s.page_pool = (self.u64(b, self.o_magic) & self.pp_mask) == PP_SIGNATURE
        if s.page_pool:
            s.pp = self.u64(b, self.o_pp)
            s.pp_frag = int.from_bytes(b[self.o_frag:self.o_frag + 8], "little", signed=True)
            return s
        # page_has_type()
        if self.pgty:
            s.typed = s32((ptype - 1) & 0xffffffff) < s32(self.T_limit)
        else:
            s.typed = s32(ptype) < -128
        if s.typed:
            return s
        if s.order:
            s.mapped = self.folio_mapped(pfn, flags)
        else:
            s.mapped = self.mapcount(b) >= 0
        return s

    def head_of(self, pfn, info):
        """_compound_head() of a tail page at @pfn whose first word is @info"""
        if self.head_mask:
            return (self.vmemmap + pfn * self.psize) & info
        return info - 1

    def folio_byte(self, pfn, o):
        """the byte at offset @o of the folio whose head is @pfn"""
        return self.page(pfn + o // self.psize)[o % self.psize]

    def folio_int(self, pfn, o):
        p = self.page(pfn + o // self.psize)
        return int.from_bytes(p[o % self.psize:o % self.psize + 4], "little", signed=True)

    def mapcount(self, b):
        return int.from_bytes(b[self.o_mapcount:self.o_mapcount + 4], "little", signed=True)

    def folio_mapped(self, pfn, flags):
        if self.pgty:
            return self.folio_int(pfn, self.o_lmap) + 1 >= 1    # folio_large_mapcount()
        t = self.page(pfn + 1)
        if int.from_bytes(t[self.o_cmap:self.o_cmap + 4], "little", signed=True) >= 0:
            return True
        if t[self.o_dtor] == self.hugetlb_dtor:
            return False
        for i in range(1 << t[self.o_corder]):
            if self.mapcount(self.page(pfn + i)) >= 0:
                return True
        return False


# x86_64 and arm64: POISON_POINTER_DELTA = CONFIG_ILLEGAL_POINTER_VALUE
POISON_POINTER_DELTA = 0xdead000000000000
PP_SIGNATURE = 0x40 + POISON_POINTER_DELTA


def s32(v):
    return v - (1 << 32) if v >= 1 << 31 else v


class Census:
    def __init__(self, rules):
        self.nodes = []         # dicts: nid, spanned, present, managed, scanned, pages[], objects[]
        self.hist = [0] * rules.buckets
        self.pfns_walked = 0
        self.duration_ns = 0
        self.threshold = 0
        self.mem_total = self.mem_free = 0
        self.pools = Pools(rules)


def census_walk(prog, mm, rules, threshold, drgn):
    from drgn.helpers.linux.nodemask import for_each_online_node
    ncls = len(rules.names)
    c = Census(rules)
    c.threshold = threshold
    entry, bucket = rules.entry, rules.bucket
    t0 = time.monotonic_ns()
    for nid in for_each_online_node(prog):
        pgdat = prog["node_data"][nid]
        nc = {"nid": nid, "spanned": pgdat.node_spanned_pages.value_(),
              "present": pgdat.node_present_pages.value_(), "scanned": 0,
              "pages": [0] * ncls, "objects": [0] * ncls}
        nc["managed"] = sum(z.managed_pages.counter.value_() for z in pgdat.node_zones)
        c.nodes.append(nc)
        pages, objects = nc["pages"], nc["objects"]

        def count(s, n, new):
            cls, hist = entry(s, threshold)
            pages[cls] += n
            if new:
                objects[cls] += 1
            if hist:
                c.hist[bucket(s.refcount)] += n
            if s.page_pool:
                c.pools.count(s, nid, n, new)

        pfn = pgdat.node_start_pfn.value_()
        end = pfn + nc["spanned"]
        while pfn < end:
            if not mm.online(pfn):
                nr = ((pfn + 1 + mm.pages_per_sec - 1) & ~(mm.pages_per_sec - 1)) - pfn
                c.pfns_walked += min(nr, end - pfn)
                pfn += nr
                continue
            c.pfns_walked += 1
            b = mm.page(pfn)
            if mm.nid(b) != nid:
                pfn += 1
                continue
            head = mm.u64(b, mm.o_head)
            if head & 1:                       # PageTail()
                nc["scanned"] += 1
                hp = mm.pfn_of(mm.head_of(pfn, head))
                if hp is not None and hp != pfn:
                    count(mm.snap(hp), 1, False)
                else:
                    count(mm.snap(pfn, b), 1, True)
                pfn += 1
                continue
            s = mm.snap(pfn, b)
            nr = min(1 << s.order, end - pfn)
            nc["scanned"] += nr
            c.pfns_walked += nr - 1
            count(s, nr, True)
            pfn += nr
    c.duration_ns = time.monotonic_ns() - t0
    # si_meminfo(): totalram_pages(), global NR_FREE_PAGES
    c.mem_total = prog["_totalram_pages"].counter.value_()
    c.mem_free = prog["vm_zone_stat"][prog["NR_FREE_PAGES"]].counter.value_()
    return c
