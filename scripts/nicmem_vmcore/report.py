# SPDX-License-Identifier: GPL-2.0
"""The output, as text.c and prom.c print it."""

from . import common
from .ifaces import NONE, EXACT, OPERSTATES, PAGE_POOL


# ---------------------------------------------------------------------------
# Output, as text.c prints it
# ---------------------------------------------------------------------------

def iec(n):
    units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    if n < 1024:
        return f"{n}B"
    u, tenths = 0, n * 10
    while n >= 1024 and u < len(units) - 1:
        tenths = n * 10 // 1024
        n >>= 10
        u += 1
    return f"{tenths // 10}.{tenths % 10}{units[u]}"


def pct(part, whole):
    bp = part * 10000 // whole if whole else 0
    return f"{bp // 100}.{bp % 100:02d}%"


def dash(v):
    return "-" if v is None else v


class Report:
    def __init__(self, version, rules, snap):
        self.v, self.r, self.s = version, rules, snap
        self.out = []

    def p(self, text=""):
        self.out.append(text)

    def cls_pages(self, cls):
        return sum(n["pages"][cls] for n in self.s.census.nodes)

    def counted(self):
        return sum(sum(n["pages"]) for n in self.s.census.nodes)

    def ranked(self):
        """The interfaces by rx_bytes, largest first, ties in walk order (nicmem_ifaces_rank())."""
        return sorted(self.s.ifs, key=lambda i: -(0 if i.source == NONE else i.rx_bytes))

    def severity(self, b):
        c, ps = self.s.census, self.s.page_size
        hugetlb = self.cls_pages(self.r.index["NICMEM_HUGETLB"])
        outside = (c.mem_total - hugetlb) * ps if c.mem_total > hugetlb else 0
        warn, crit = self.s.severity
        sev = "CRIT" if b * 100 > crit * outside else "WARN" if b * 100 > warn * outside else "OK"
        self.p(f"severity: {sev} (NIC RX rings hold {pct(b, outside)} of the {iec(outside)} outside hugepages; "
               f"WARN above {warn}%, CRIT above {crit}%)")
        for k, i in enumerate(self.ranked()[:common.D["NICMEM_TOP_IFACES"]]):
            if i.source == NONE or not i.rx_bytes:
                break
            self.p(f"top: {k + 1} {i.name} {i.rx_bytes} bytes ({iec(i.rx_bytes)}) source {i.source} "
                   f"driver {i.driver} rxq {i.rx_queues} ring {dash(i.ring_cur)} order {i.page_order} "
                   f"numa {i.numa_node} netns {i.netns}")

    def rx_sum(self):
        b = ex = es = pp = claimed = 0
        for ifi in self.s.ifs:
            if ifi.source == NONE:
                continue
            b += ifi.rx_bytes
            if ifi.source == EXACT:
                ex += 1
            elif ifi.source == PAGE_POOL:
                pp += 1
            else:
                es += 1
            claimed += sum(q.pinned for q in ifi.rxq)
        return b, ex, es, pp, claimed

    def pinned_split(self, claimed):
        """nicmem_rx_totals()'s split of the pinned-signature pages: rings, page_frag caches, the rest"""
        pinned = self.cls_pages(self.r.index["NICMEM_PINNED"])
        rings = min(claimed, pinned)
        frag = min(self.s.frag.pinned, pinned - rings)
        return rings, frag, pinned - rings - frag

    def summary(self):
        s, c, ps = self.s, self.s.census, self.s.page_size
        pinned_i = self.r.index["NICMEM_PINNED"]
        pinned = self.cls_pages(pinned_i)
        total = c.mem_total * ps
        b, ex, es, pp, claimed = self.rx_sum()
        rings, in_frag, unattributed = self.pinned_split(claimed)
        self.p(f"nicmem - version: {self.v}")
        self.p(f"verdict: NIC RX rings hold {b} bytes ({iec(b)}, {pct(b, total)} of MemTotal; "
               f"exact on {ex}, page_pool on {pp} and estimate on {es} of {len(s.ifs)} interfaces); "
               f"pinned-signature pages hold {pinned * ps} bytes ({iec(pinned * ps)}, "
               f"{pct(pinned * ps, total)} of MemTotal; {pinned} pages, refcount >= {c.threshold}; "
               f"{rings} in walked rings, {unattributed} unattributed, {in_frag} in page_frag caches)")
        self.severity(b)
        self.p(f"scan: taken {s.taken} age_ms 0 duration_ns {c.duration_ns} page_size {ps} "
               f"nodes {len(c.nodes)} pfns {c.pfns_walked} pages {self.counted()} threshold {c.threshold} "
               f"cache_ms {dash(s.cache_ms)} interfaces {len(s.ifs)} of {s.total}")
        f = s.frag
        self.p(f"page_frag: caches {f.caches} unreadable {f.unreadable} with_page {f.with_page} "
               f"pages {f.pages} pinned {f.pinned} source {f.why or 'btf_percpu'}")
        self.p("")
        self.p("# interfaces: every namespace, by rx_bytes; rx_pages/rx_bytes by source (estimate = rxq x ring x page_size << order; page_pool = pages of the interface's pools)")
        self.ifaces()
        self.p("")
        self.p("# census: pages by class and NUMA node; bytes = pages x page_size; objects count a compound page once")
        self.census()
        self.p("")
        self.p("# meminfo: the census against /proc/meminfo's source (si_meminfo)")
        self.p("#item           census      meminfo         diff  census_is (pages)")
        counted = self.counted()
        reserved = self.cls_pages(self.r.index["NICMEM_RESERVED"])
        free = self.cls_pages(self.r.index["NICMEM_FREE"])
        for item, a, m, what in (("MemTotal", counted - reserved, c.mem_total, "all_counted_pages_minus_reserved"),
                                 ("MemFree", free, c.mem_free, "buddy_free_pages")):
            self.p(f"{item:<9} {a:12d} {m:12d} {a - m:+12d}  {what}")
        self.p("")
        self.p("# per descriptor: descs = rxq x ring; a pagecnt_bias ring (exact) keeps one page << order on every descriptor; a page_pool interface holds what its pools hold: fragments share a page and recycled pages wait in the pool")
        self.per_desc()
        self.p("")
        self.p("# page_pool: pages with pp_magic by page->pp, per interface (per pool: the pools file); inflight = hold - release (allocations out of the page allocator), cached = in the pools' caches and rings")
        self.pool_ifaces()

    def row(self, node, cls, pages, objects):
        self.p(f"{node:<5} {cls:<10} {pages:12d} {pages * self.s.page_size:16d} {objects:12d}")

    def census(self):
        c, n = self.s.census, len(self.r.names)
        self.p("#node class             pages            bytes      objects")
        allp, allo = [0] * n, [0] * n
        for nc in c.nodes:
            for i, name in enumerate(self.r.names):
                self.row(str(nc["nid"]), name, nc["pages"][i], nc["objects"][i])
                allp[i] += nc["pages"][i]
                allo[i] += nc["objects"][i]
            self.row(str(nc["nid"]), "total", sum(nc["pages"]), sum(nc["objects"]))
            self.row(str(nc["nid"]), "present", nc["present"], 0)
            self.row(str(nc["nid"]), "managed", nc["managed"], 0)
        for i, name in enumerate(self.r.names):
            self.row("all", name, allp[i], allo[i])
        self.row("all", "total", sum(allp), sum(allo))

    def ifaces(self):
        self.p("#netns      ifindex name             driver       bus            numa   mtu state   rxq channels  ring ring_max order  rx_pages         rx_bytes source   note")
        for i in self.ranked():
            line = (f"{i.netns:<11d} {i.ifindex:7d} {i.name:<16} {i.driver:<12} {i.bus:<14} {i.numa_node:4d} "
                    f"{i.mtu:5d} {state(i):<7} {i.rx_queues:3d} {dash(i.channels):>8} {dash(i.ring_cur):>5} "
                    f"{dash(i.ring_max):>8} ")
            if i.source == NONE:
                line += f"{'-':>5} {'-':>9} {'-':>16}"
            else:
                line += f"{i.page_order:5d} {i.rx_pages:9d} {i.rx_bytes:16d}"
            self.p(line + f" {i.source:<8} {i.note or '-'}")

    def per_desc(self):
        self.p("#name             driver       source     descs         pages            bytes pages_per_1000_descs  bytes_per_desc")
        for i in self.s.ifs:
            if i.source not in (EXACT, PAGE_POOL):
                continue
            descs = i.rx_queues * (i.ring_cur or 0)
            line = f"{i.name:<16} {i.driver:<12} {i.source:<9} {dash(i.ring_cur and descs):>6} " \
                   f"{i.rx_pages:13d} {i.rx_bytes:16d} "
            if descs:
                line += f"{i.rx_pages * 1000 // descs:20d} {i.rx_bytes // descs:15d}"
            else:
                line += f"{'-':>20} {'-':>15}"
            self.p(line)

    def pools_unclaimed(self):
        """The pools no interface claims and the unlisted pools' pages, as one row (pools, pages,
        remote, inflight, cached); an unreadable pool adds no in-flight or cached figure."""
        ps = self.s.census.pools
        n = pages = remote = inflight = cached = 0
        for p in ps.pool:
            if p.iface >= 0:
                continue
            n += 1
            pages += p.pages
            remote += p.remote
            if not p.err:
                inflight += (p.hold - p.release) & 0xffffffff
                cached += p.cached
        return n, pages + ps.unlisted_pages, remote, inflight, cached

    def pool_ifaces(self):
        pgs = self.s.page_size
        self.p("#netns      ifindex name             driver       pools        pages            bytes   remote inflight   cached")
        for i in self.s.ifs:
            if not i.pp_pools:
                continue
            self.p(f"{i.netns:<11d} {i.ifindex:7d} {i.name:<16} {i.driver:<12} {i.pp_pools:5d} {i.pp_pages:12d} "
                   f"{i.pp_pages * pgs:16d} {i.pp_remote:8d} {i.pp_inflight:8d} {i.pp_cached:8d}")
        n, pages, remote, inflight, cached = self.pools_unclaimed()
        if n or pages:
            self.p(f"{'-':<11} {'-':>7} {'(unattributed)':<16} {'-':<12} {n:5d} {pages:12d} {pages * pgs:16d} "
                   f"{remote:8d} {inflight:8d} {cached:8d}")

    # ---- metrics ----
    def head(self, name, help_):
        self.p(f"# HELP {name} {help_}")
        self.p(f"# TYPE {name} gauge")

    def gauge(self, name, help_, value):
        """One unlabelled series with its HELP and TYPE lines."""
        self.head(name, help_)
        self.p(f"{name} {value}")

    def iface_labels(self, i):
        return f'netns="{i.netns}",device="{esc(i.name)}",driver="{esc(i.driver)}"'

    def metrics(self):
        s, c, ps = self.s, self.s.census, self.s.page_size
        pinned = self.cls_pages(self.r.index["NICMEM_PINNED"])
        self.p(f"# nicmem - version: {self.v}")
        self.head("nicmem_info", "nicmem output format version.")
        self.p(f'nicmem_info{{version="{self.v}"}} 1')
        self.gauge("nicmem_page_size_bytes", "PAGE_SIZE of the running kernel.", ps)
        self.gauge("nicmem_scan_duration_seconds", "Wall time of the page census.",
                   f"{c.duration_ns // 10**9}.{c.duration_ns % 10**9:09d}")
        self.gauge("nicmem_scan_timestamp_seconds", "When the snapshot was taken (Unix time).", s.taken)
        self.gauge("nicmem_memtotal_bytes", "MemTotal as /proc/meminfo reports it.", c.mem_total * ps)
        self.gauge("nicmem_memfree_bytes", "MemFree as /proc/meminfo reports it.", c.mem_free * ps)
        for by in (False, True):
            name = "nicmem_census_bytes" if by else "nicmem_census_pages"
            self.head(name, "Bytes by census class and NUMA node." if by else "Pages by census class and NUMA node.")
            for nc in c.nodes:
                for i, cls in enumerate(self.r.names):
                    v = nc["pages"][i]
                    self.p(f'{name}{{node="{nc["nid"]}",class="{cls}"}} {v * ps if by else v}')
        self.gauge("nicmem_pinned_signature_pages",
                   "Unmapped non-LRU kernel pages with refcount at or above the threshold.", pinned)
        self.gauge("nicmem_pinned_signature_bytes",
                   "Bytes of unmapped non-LRU kernel pages with refcount at or above the threshold.", pinned * ps)
        self.head("nicmem_refcount_pages", "Unmapped non-LRU kernel pages by refcount range (log2 buckets).")
        for b in range(self.r.buckets):
            lo, hi = self.r.bucket_range(b)
            self.p(f'nicmem_refcount_pages{{refcount_min="{lo}",refcount_max="{"+Inf" if hi is None else hi}"}} {c.hist[b]}')
        rb, _, _, _, claimed = self.rx_sum()
        _, in_frag, unattributed = self.pinned_split(claimed)
        self.gauge("nicmem_nic_rx_bytes", "Bytes held by NIC RX rings over all interfaces with a figure.", rb)
        self.gauge("nicmem_pinned_signature_unattributed_pages",
                   "Pinned-signature pages that no walked ring and no page_frag cache holds.", unattributed)
        self.gauge("nicmem_pinned_signature_page_frag_pages",
                   "Pinned-signature pages that the networking core's per-CPU page_frag caches hold.", in_frag)
        self.gauge("nicmem_page_frag_caches", "Per-CPU page_frag caches read (netdev_alloc_cache, napi_alloc_cache); "
                   "0 when the kernel's BTF cannot place them.", s.frag.caches)
        self.gauge("nicmem_page_frag_pages", "Base pages of the page_frag caches' current pages.", s.frag.pages)
        self.prom_ifaces()

    def prom_ifaces(self):
        ifs = self.s.ifs
        self.head("nicmem_interface_info", "One series per interface of every network namespace: its ifindex, "
                  "bus, NUMA node (-1: none), operstate and how its RX figure is counted (rx_source).")
        for i in ifs:
            self.p(f'nicmem_interface_info{{{self.iface_labels(i)},ifindex="{i.ifindex}",bus="{esc(i.bus)}",'
                   f'node="{i.numa_node}",operstate="{state(i)}",rx_source="{i.source}"}} 1')
        self.head("nicmem_rx_queues", "Active RX queues (real_num_rx_queues).")
        for i in ifs:
            self.p(f"nicmem_rx_queues{{{self.iface_labels(i)}}} {i.rx_queues}")
        self.head("nicmem_rx_ring_descriptors", "RX ring size per queue (ethtool -g current), 0 if unknown.")
        for i in ifs:
            if i.ring_cur is not None:      # a vmcore has no ethtool: omitted
                self.p(f"nicmem_rx_ring_descriptors{{{self.iface_labels(i)}}} {i.ring_cur}")
        for by in (False, True):
            name = "nicmem_rx_pinned_bytes" if by else "nicmem_rx_pinned_pages"
            self.head(name, ("Bytes" if by else "Pages") +
                      " held by the interface's RX rings (how counted: rx_source of nicmem_interface_info).")
            for i in ifs:
                if i.source == NONE:
                    continue
                self.p(f'{name}{{{self.iface_labels(i)}}} {i.rx_bytes if by else i.rx_pages}')
        self.head("nicmem_rx_ring_refs_pages",
                  "Walked ring pages (base pages) by pagecnt_bias (kind bias), by refcount - bias (kind outside) "
                  "and by refill value - bias (kind drained); page_pool pages by fragment count (kind pp_frag); "
                  "log2 buckets.")
        for i in ifs:
            for kind, h in (("bias", i.bias_hist), ("outside", i.refs_hist), ("drained", i.drain_hist),
                            ("pp_frag", i.pp_frag_hist)):
                if (kind != "pp_frag" and not (i.source == EXACT and i.biased)) or \
                        (kind == "pp_frag" and not i.pp_pools):
                    continue
                for b in range(self.r.buckets):
                    lo, hi = self.r.bucket_range(b)
                    self.p(f'nicmem_rx_ring_refs_pages{{{self.iface_labels(i)},kind="{kind}",'
                           f'refcount_min="{lo}",refcount_max="{"+Inf" if hi is None else hi}"}} {h[b]}')
        if self.s.metrics_queues:
            self.prom_queues()
        self.prom_pools()

    def prom_queues(self):
        """metrics_queues=1: per RX queue pages and drained histograms."""
        ifs = self.s.ifs
        self.head("nicmem_rx_queue_pages", "Pages held by one RX queue's ring, walked.")
        for i in ifs:
            for q, r in enumerate(i.rxq):
                self.p(f'nicmem_rx_queue_pages{{{self.iface_labels(i)},queue="{q}"}} {r.pages}')
        self.head("nicmem_rx_queue_drained_pages",
                  "Walked ring pages of one RX queue by what the driver consumed of their bias "
                  "(refill value - pagecnt_bias); log2 buckets.")
        for i in ifs:
            if i.source != EXACT:
                continue
            for q, r in enumerate(i.rxq):
                if r.drain_hist is None or r.kind or r.zerocopy:
                    continue
                for b in range(self.r.buckets):
                    lo, hi = self.r.bucket_range(b)
                    self.p(f'nicmem_rx_queue_drained_pages{{{self.iface_labels(i)},queue="{q}",'
                           f'drained_min="{lo}",drained_max="{"+Inf" if hi is None else hi}"}} {r.drain_hist[b]}')

    def prom_pools(self):
        """Per interface and "-" for the pools of none; per pool with metrics_queues=1."""
        ifs, ps = self.s.ifs, self.s.page_size
        pools = self.s.census.pools.pool
        nobody = 'netns="-",device="-",driver="-"'
        names = ["nicmem_page_pool_pages", "nicmem_page_pool_bytes",
                 "nicmem_page_pool_inflight_pages", "nicmem_page_pool_cached_pages"]
        helps = ["Pages with pp_magic whose page->pp is a pool of this interface (census).",
                 "Bytes of those pages.",
                 "Allocations out of the page allocator (hold - release, as page_pool_inflight()).",
                 "Allocations waiting in the pools' caches and rings (a sample)."]
        for k, name in enumerate(names):
            self.head(name, helps[k])
            if self.s.metrics_queues:
                for idx, p in enumerate(pools):
                    if k >= 2 and p.err:
                        continue
                    lab = self.iface_labels(ifs[p.iface]) if p.iface >= 0 else nobody
                    q = str(p.queue) if p.queue >= 0 else "-"
                    v = [p.pages, p.pages * ps, (p.hold - p.release) & 0xffffffff, p.cached][k]
                    self.p(f'{name}{{{lab},queue="{q}",pool="{p.id or idx}"}} {v}')
                continue
            for i in ifs:
                if i.pp_pools:
                    v = [i.pp_pages, i.pp_pages * ps, i.pp_inflight, i.pp_cached][k]
                    self.p(f"{name}{{{self.iface_labels(i)}}} {v}")
            n, pages, _, inflight, cached = self.pools_unclaimed()
            if n or pages:
                self.p(f"{name}{{{nobody}}} {[pages, pages * ps, inflight, cached][k]}")


def esc(v):
    return v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def state(i):
    return OPERSTATES[i.operstate] if i.operstate < len(OPERSTATES) else "unknown"
