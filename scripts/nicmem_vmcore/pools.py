# SPDX-License-Identifier: GPL-2.0
"""page_pools (pool.c): pages by pool, pools tied to interfaces."""

from . import common
from .ifaces import EXACT, PAGE_POOL
from .common import U64


# ---------------------------------------------------------------------------
# page_pools (pool.c)
# ---------------------------------------------------------------------------

GOLDEN_RATIO_64 = 0x61C8864680B583EB


class Pool:
    def __init__(self, key, rules):
        self.key = key
        self.err = 0
        self.id = 0
        self.order = self.pool_size = 0
        self.dev_node = -1
        self.frag = False
        self.dev_key = self.netdev_key = 0
        self.pages = self.objects = self.remote = 0
        self.hold = self.release = self.cached = 0
        self.frag_hist = [0] * rules.buckets
        self.iface = self.queue = self.dev_iface = -1
        self.how = None


class Pools:
    reader = None           # set to a function(Pool) that reads the pool

    def __init__(self, rules):
        self.rules = rules
        self.slot = [None] * common.D["NICMEM_POOL_SLOTS"]
        self.last = 0
        self.nr = 0
        self.unlisted_pages = 0
        self.pool = []

    def find(self, key):
        if self.slot[self.last] is not None and self.slot[self.last].key == key:
            return self.last
        slots = common.D["NICMEM_POOL_SLOTS"]
        i = ((key * GOLDEN_RATIO_64) & U64) >> (64 - (slots.bit_length() - 1))    # hash_long()
        for _ in range(slots):
            p = self.slot[i]
            if p is None or p.key == key:
                self.last = i
                return i
            i = (i + 1) & (slots - 1)
        return None

    def count(self, s, nid, pages, new):
        if not s.pp:
            self.unlisted_pages += pages
            return
        i = self.find(s.pp)
        if i is None or (self.slot[i] is None and self.nr >= common.D["NICMEM_MAX_POOLS"]):
            self.unlisted_pages += pages
            return
        p = self.slot[i]
        if p is None:
            p = self.slot[i] = Pool(s.pp, self.rules)
            self.nr += 1
            self.reader(p)
        p.pages += pages
        if new:
            p.objects += 1
        if p.dev_node != -1 and nid != p.dev_node:
            p.remote += pages
        if p.frag:
            self.frag_bucket(p, s, pages)

    def frag_bucket(self, p, s, pages):
        p.frag_hist[self.rules.bucket(min(s.pp_frag, 0x7fffffff))] += pages


def pool_reader(prog, drgn):
    """nicmem_pool_read(): what the pool says, read from the dump."""
    ptype = prog.type("struct page_pool")
    max_order = prog.type("struct zone").member("free_area").type.length - 1
    PP_FLAG_PAGE_FRAG = 4           # BIT(2), <net/page_pool.h> 5.15 .. 6.6
    cache_size = ptype.member("alloc").type.member("cache").type.length
    # compat.h's nicmem_pp_frag(), nicmem_pp_netdev(), nicmem_pp_id(): 6.8
    # split the params (slow.netdev) and numbered the pools (user.id), after
    # 6.7 had removed PP_FLAG_PAGE_FRAG (every pool's pages then count
    # fragments). 6.7 itself, flag gone but params whole, is among the
    # kernels census.py refuses (6.6 to 6.11)
    split = ptype.has_member("slow") and ptype.has_member("user")

    def read(p):
        p.err = -14         # -EFAULT
        p.dev_node = -1
        if p.key % 8:
            return
        try:
            pool = drgn.Object(prog, ptype, address=p.key)
            pool.read_()
            order = pool.p.order.value_()
            size = pool.p.pool_size.value_()
            if order > max_order or size > common.D["NICMEM_PP_MAX_SIZE"]:
                return
            p.order, p.pool_size = order, size
            p.dev_key = pool.p.dev.value_()
            p.frag = True if split else bool(pool.p.flags.value_() & PP_FLAG_PAGE_FRAG)
            if split:
                p.netdev_key = pool.slow.netdev.value_()
                p.id = pool.user.id.value_() & 0xffffffff
            p.hold = pool.pages_state_hold_cnt.value_() & 0xffffffff
            p.release = pool.pages_state_release_cnt.counter.value_() & 0xffffffff
            p.cached = min(pool.alloc.count.value_(), cache_size) + ring_entries(pool.ring)
            p.err = 0
        except drgn.FaultError:
            p.err = -14
            return
        p.dev_node = -1
        if p.dev_key:
            try:
                nid = drgn.Object(prog, "struct device", address=p.dev_key).numa_node.value_()
                if 0 <= nid < prog["node_data"].type_.length:
                    p.dev_node = nid
            except drgn.FaultError:
                pass
        nid = pool.p.nid.value_()
        if p.dev_node == -1 and 0 <= nid < prog["node_data"].type_.length:
            p.dev_node = nid

    def ring_entries(r):
        size, prod, cons = r.size.value_(), r.producer.value_(), r.consumer_head.value_()
        if size <= 0 or size > common.D["NICMEM_PP_MAX_SIZE"] or not 0 <= prod < size or not 0 <= cons < size:
            return 0
        n = prod - cons
        if n < 0:
            n += size
        if n:
            return n
        try:
            return size if prog.read_u64(r.queue.value_() + 8 * prod) else 0
        except drgn.FaultError:
            return 0
    return read


def kernel_sort(a, cmp):
    """lib/sort.c's heapsort, step for step: the kernel's order of equal keys."""
    num = len(a)
    n, i = num, num // 2
    if not i:
        return
    while True:
        if i:
            i -= 1
        else:
            n -= 1
            if not n:
                break
            a[0], a[n] = a[n], a[0]
        b = i
        while True:
            c = 2 * b + 1
            d = c + 1
            if not d < n:
                break
            b = c if cmp(a[c], a[d]) >= 0 else d
        if d == n:
            b = c
        while b != i and cmp(a[i], a[b]) >= 0:
            b = (b - 1) // 2
        c = b
        while b != i:
            b = (b - 1) // 2
            a[b], a[c] = a[c], a[b]


def pool_cmp(x, y):
    xi = x.iface if x.iface >= 0 else 1 << 32
    yi = y.iface if y.iface >= 0 else 1 << 32
    if xi != yi:
        return -1 if xi < yi else 1
    if x.queue != y.queue:
        return -1 if x.queue < y.queue else 1
    if x.id != y.id:
        return -1 if x.id < y.id else 1
    if x.pages != y.pages:
        return -1 if x.pages > y.pages else 1
    return 0


def pool_by_adaptor(ifs, p):
    """Hook: an adaptor's own queue -> pool table (mlx5's rq->page_pool).

    The bias-ring adaptors have none; a page_pool adaptor fills
    Iface.rxq[q].pool_key during its walk, as in pool.c.
    """
    for i, ifi in enumerate(ifs):
        for q, r in enumerate(ifi.rxq):
            if r.pool_key and r.pool_key == p.key:
                p.iface = p.dev_iface = i
                p.queue = q
                p.how = "adaptor"
                return True
    return False


def pools_attribute(ps, ifs, page_size):
    """nicmem_pools_attribute()"""
    pools = [p for p in ps.slot if p is not None]
    for p in pools:
        if p.err:
            p.how = "pool_unreadable"
            continue
        if pool_by_adaptor(ifs, p):
            continue
        if p.netdev_key:
            for i, ifi in enumerate(ifs):
                if ifi.dev_key == p.netdev_key:
                    p.iface = p.dev_iface = i
                    p.how = "pool_netdev"
                    break
            else:
                p.how = "netdev_not_listed"
            continue
        if not p.dev_key:
            p.how = "no_device"
            continue
        n = 0
        for i, ifi in enumerate(ifs):
            if ifi.parent_key == p.dev_key:
                if not n:
                    p.iface = i
                n += 1
        p.dev_iface = p.iface if n else -1
        if n == 1:
            p.how = "parent_device"
        else:
            p.iface = -1
            p.how = "ambiguous_parent_device" if n else "no_interface"
    kernel_sort(pools, pool_cmp)
    ps.pool = pools
    ps.nr = len(pools)
    for p in pools:
        if p.iface < 0:
            continue
        ifi = ifs[p.iface]
        if 0 <= p.queue < len(ifi.rxq):
            # the adaptor's queue: its pages are its pool's
            r = ifi.rxq[p.queue]
            r.pages += p.pages
            r.remote += p.remote
            r.order = p.order
        ifi.pp_pools += 1
        ifi.pp_pages += p.pages
        ifi.pp_inflight += (p.hold - p.release) & 0xffffffff
        ifi.pp_cached += p.cached
        ifi.pp_remote += p.remote
        for b, v in enumerate(p.frag_hist):
            ifi.pp_frag_hist[b] += v
        # a bias ring's exact figure stands; pools it does not own are
        # shown beside it, not added
        if ifi.source == EXACT and p.queue < 0:
            continue
        ifi.page_order = p.order
        ifi.rx_pages = ifi.pp_pages
        ifi.rx_bytes = ifi.pp_pages * page_size
        if p.queue < 0:     # else the adaptor's note says more
            ifi.note = f"page_pool:{ifi.pp_pools}_pools_by_{p.how}"[:common.D["NICMEM_NOTE_LEN"] - 1]
        ifi.source = PAGE_POOL
