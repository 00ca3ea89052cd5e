# SPDX-License-Identifier: GPL-2.0
"""Interfaces (walk.c) and the adaptors' exact ring walks (drivers/)."""

from . import common


# ---------------------------------------------------------------------------
# Interfaces and the exact ring walks
# ---------------------------------------------------------------------------

NONE, ESTIMATE, EXACT, PAGE_POOL = "none", "estimate", "exact", "page_pool"
OPERSTATES = ["unknown", "notpresent", "down", "lowerlayerdown", "testing", "dormant", "up"]


class RxQ:
    def __init__(self):
        self.descs = self.with_page = self.order = 0
        self.pages = self.remote = self.pinned = 0
        self.zerocopy = False
        self.pool_key = 0
        self.kind = None
        self.desc_pages = self.stride = 0
        self.drain_hist = None      # a walked bias ring's: refill - bias


class Iface:
    def __init__(self, rules):
        self.rxq = []
        self.bias_hist = [0] * rules.buckets
        self.refs_hist = [0] * rules.buckets
        self.drain_hist = [0] * rules.buckets
        self.pp_frag_hist = [0] * rules.buckets
        self.biased = False         # a bias ring's walk: bias histograms
        self.pp_pools = self.pp_pages = self.pp_inflight = self.pp_cached = self.pp_remote = 0
        self.source = NONE
        self.page_order = 0
        self.rx_pages = self.rx_bytes = 0
        self.note = ""
        self.ring_cur = None        # None: not readable from a vmcore
        self.ring_max = None
        self.channels = None


class Decline(Exception):
    pass


class Layout:
    """The members of one adaptor, resolved by name from the driver's DWARF.

    As layout.c does from BTF: f[i] = (offset, size, missing); a member
    that is not there makes the layout incomplete (source dwarf:incomplete);
    without the driver loaded or its debuginfo, source says none:<why>.
    """

    def __init__(self, prog, ad, loaded):
        from drgn import sizeof
        self.ad = ad
        self.f = []
        self.source = "dwarf"
        self.err = None
        if ad.module not in loaded:
            self.err = self.source = "none:module_not_loaded"
            return
        for sname, path in ad.fields:
            try:
                t = prog.type(f"struct {sname}")
            except LookupError:
                self.err = self.source = f"none:no_debuginfo_for_{ad.module}"
                self.f = []
                return
            if path is None:
                self.f.append((0, sizeof(t), False))
                continue
            off, tt = 0, t
            try:
                for part in path.split("."):
                    while tt.kind.name == "TYPEDEF":
                        tt = tt.type
                    m = tt.member(part)
                    off += m.offset
                    tt = m.type
                self.f.append((off, sizeof(tt), False))
            except (LookupError, ValueError, TypeError):
                self.f.append((0, 0, True))
                self.err = self.source = "dwarf:incomplete"


def list_ifaces(prog, rules, drgn):
    from drgn.helpers.linux.net import for_each_net
    from drgn.helpers.linux.list import list_for_each_entry
    registered = prog["NETREG_REGISTERED"].value_()
    start_bit = prog["__LINK_STATE_START"].value_()
    pci_bus = prog["pci_bus_type"].address_of_().value_()
    ifs = []
    total = 0
    for net in for_each_net(prog):
        for dev in list_for_each_entry("struct net_device", net.dev_base_head.address_of_(), "dev_list"):
            if dev.reg_state.value_() != registered:
                continue
            total += 1
            if len(ifs) >= common.D["NICMEM_MAX_IFACES"]:
                continue
            ifi = Iface(rules)
            ifi.dev = dev
            ifi.dev_key = dev.value_()
            parent = dev.dev.parent
            ifi.parent_key = parent.value_()
            ifi.netns = net.ns.inum.value_()
            ifi.ifindex = dev.ifindex.value_()
            ifi.name = dev.name.string_().decode(errors="replace")
            ifi.numa_node = -1
            if parent:
                ifi.driver = driver_string(parent)
                d = parent
                ifi.bus = None
                while d:
                    if d.bus.value_() == pci_bus:
                        ifi.bus = dev_name(d)
                        break
                    d = d.parent
                if ifi.bus is None:
                    ifi.bus = dev_name(parent)
                ifi.numa_node = parent.numa_node.value_()
            else:
                ifi.driver, ifi.bus = "virtual", "-"
            ifi.driver = ifi.driver[:31] or "-"
            ifi.bus = ifi.bus[:31]
            ifi.mtu = dev.mtu.value_()
            running = (dev.state.value_() >> start_bit) & 1
            ifi.operstate = dev.operstate.value_() if running else 2   # IF_OPER_DOWN
            ifi.rx_queues = dev.real_num_rx_queues.value_()
            ifs.append(ifi)
    return ifs, total


def dev_name(d):
    if d.init_name:
        return d.init_name.string_().decode(errors="replace")
    return d.kobj.name.string_().decode(errors="replace") if d.kobj.name else ""


def driver_string(d):
    """dev_driver_string()"""
    if d.driver:
        return d.driver.name.string_().decode(errors="replace")
    if d.bus:
        return d.bus.name.string_().decode(errors="replace")
    if d.member_("class"):
        return d.member_("class").name.string_().decode(errors="replace")
    return ""


def bias_ring_walk(prog, mm, rules, ifi, lay, threshold, drgn):
    """nicmem_bias_ring_walk() on the dump; raises Decline(note)."""
    br = lay.ad.ring
    fo = lambda f: lay.f[f][0]
    fs = lambda f: lay.f[f][1]

    def rd(addr, size):
        try:
            return int.from_bytes(prog.read(addr, size), "little")
        except drgn.FaultError:
            raise Decline(None)

    def uint(base, f):
        if not fs(f) or fs(f) > 8:
            raise Decline(None)
        return rd(base + fo(f), fs(f))

    def ptr(addr):
        return rd(addr, 8)

    stride = fs(br["buf_size"])
    if not stride or stride > common.D["NICMEM_MAX_STRIDE"] or fs(br["buf_page"]) != 8 or fs(br["buf_bias"]) != 2 or \
            fo(br["buf_page"]) + 8 > stride or fo(br["buf_bias"]) + 2 > stride:
        raise Decline("implausible_buffer_layout")
    dev = ifi.dev_key
    root = netdev_priv(prog, dev)
    try:
        if br["priv_root"] >= 0:
            root = ptr(root + fo(br["priv_root"]))
            if not root:
                raise Decline("no_root_object")
    except Decline as e:
        raise Decline(e.args[0] or "no_root_object")
    try:
        if ptr(root + fo(br["root_netdev"])) != dev:
            raise Decline("root_netdev_mismatch")
    except Decline as e:
        raise Decline(e.args[0] or "root_netdev_mismatch")
    try:
        nq = uint(root, br["nq"])
    except Decline:
        raise Decline("unreadable_queue_count")
    if br["rings_indirect"]:
        cap = common.D["NICMEM_MAX_RXQ"]
        try:
            base = ptr(root + fo(br["rings"]))
            if not base:
                raise Decline(None)
            if br["rings_max"] >= 0:
                cap = uint(root, br["rings_max"])
        except Decline:
            raise Decline("no_ring_array")
    else:
        base = root + fo(br["rings"])
        cap = fs(br["rings"]) // 8
    if not nq or nq > cap or nq > common.D["NICMEM_MAX_RXQ"]:
        raise Decline(f"queues_{nq}_out_of_range")
    # the ring size ethtool would report: the rings' own count (queue 0)
    try:
        r0 = ptr(base)
        ifi.ring_cur = uint(r0, br["ring_count"]) if r0 else None
    except Decline:
        ifi.ring_cur = None
    ifi.rxq = [RxQ() for _ in range(nq)]
    for q in ifi.rxq:
        q.drain_hist = [0] * rules.buckets
    for qi in range(nq):
        try:
            ring = ptr(base + qi * 8)
        except Decline:
            raise Decline("unreadable_ring_array")
        walk_ring(prog, mm, rules, ifi, lay, qi, ring, threshold, fo, fs, uint, ptr, rd, stride)
    ifi.rx_pages = sum(q.pages for q in ifi.rxq)
    ifi.page_order = max(q.order for q in ifi.rxq)
    ifi.rx_bytes = ifi.rx_pages * mm.page_size
    ifi.biased = True
    ifi.note = f"walked_{lay.source}_layout"


def walk_ring(prog, mm, rules, ifi, lay, qi, ring, threshold, fo, fs, uint, ptr, rd, stride):
    br = lay.ad.ring
    q = ifi.rxq[qi]
    if not ring:
        raise Decline(f"no_ring_q{qi}")
    try:
        back = ptr(ring + fo(br["ring_netdev"]))
    except Decline:
        raise Decline(f"ring_not_in_ram_q{qi}")
    if back != ifi.dev_key:
        raise Decline(f"ring_netdev_mismatch_q{qi}")
    try:
        count = uint(ring, br["ring_count"])
    except Decline:
        raise Decline(f"ring_count_out_of_range_q{qi}")
    if count < common.D["NICMEM_RING_MIN"] or count > common.D["NICMEM_RING_MAX"]:
        raise Decline(f"ring_count_out_of_range_q{qi}")
    if ifi.ring_cur and count != ifi.ring_cur:
        raise Decline(f"ring_count_{count}_not_ethtool_{ifi.ring_cur}_q{qi}")
    q.descs = count
    xsk = 0
    if br["ring_xsk_pool"] >= 0:
        try:
            xsk = ptr(ring + fo(br["ring_xsk_pool"]))
        except Decline:
            raise Decline(f"unreadable_ring_q{qi}")
    if xsk:
        q.zerocopy = True
        return
    try:
        ordv = uint(ring, br["order"])
    except Decline:
        raise Decline(f"unreadable_ring_q{qi}")
    if mm.page_size < 8192:
        q.order = ordv & 1 if br["order_how"] == common.D["NICMEM_ORDER_BIT0"] else int(ordv > mm.page_size // 2)
    try:
        buffers = ptr(ring + fo(br["ring_buffers"]))
    except Decline:
        buffers = 0
    if not buffers:
        raise Decline(f"no_buffers_q{qi}")
    try:
        raw = prog.read(buffers, count * stride)
    except Exception:
        raise Decline(f"unreadable_buffers_q{qi}")
    op, ob = fo(br["buf_page"]), fo(br["buf_bias"])
    npages = 1 << q.order
    for i in range(count):
        e = i * stride
        p = int.from_bytes(raw[e + op:e + op + 8], "little")
        if not p:
            continue
        pfn = mm.pfn_of(p)
        if pfn is None:
            raise Decline(f"bad_page_q{qi}_d{i}")
        bias = int.from_bytes(raw[e + ob:e + ob + 2], "little")
        b = mm.page(pfn)
        s = mm.snap(pfn, b)
        q.with_page += 1
        q.pages += npages
        if ifi.numa_node != -1 and mm.nid(b) != ifi.numa_node:
            q.remote += npages
        if rules.classify(s, threshold) == rules.index["NICMEM_PINNED"]:
            q.pinned += npages
        # every histogram counts base pages, as the queues do
        ifi.bias_hist[rules.bucket(bias)] += npages
        ifi.refs_hist[rules.bucket(s.refcount - bias)] += npages
        d = rules.bucket(br["refill"] - bias)     # nicmem_drain_bucket()
        q.drain_hist[d] += npages
        ifi.drain_hist[d] += npages


def mlx5_walk_rx(prog, mm, rules, ifi, lay, threshold, drgn):
    """drivers/mlx5/adaptor.c's mlx5_walk_rx() on the dump; raises Decline(note)."""
    ad = lay.ad
    F = {i[len("NICMEM_F_"):]: k for k, i in enumerate(ad.ids)}
    dev = ifi.dev_key

    def uint(base, name):
        off, size, miss = lay.f[F[name]]
        if miss or not size or size > 8:
            return None
        try:
            return int.from_bytes(prog.read(base + off, size), "little")
        except drgn.FaultError:
            return None

    def has(name):
        return not lay.f[F[name]][2] and lay.f[F[name]][1]

    if lay.source.startswith("none"):
        raise Decline(lay.source)
    for name in ("mlx5e_priv_netdev", "mlx5e_priv_channels_c", "mlx5e_priv_channels_num",
                 "mlx5e_channel_rq", "mlx5e_channel_netdev", "mlx5e_rq_netdev",
                 "mlx5e_rq_wq_type", "mlx5e_rq_page_pool", "mlx5e_rq_wqe_sz",
                 "mlx5e_rq_mpwqe_sz_m1", "sizeof_mlx5e_channel"):
        if lay.f[F[name]][2]:
            s, p = ad.fields[F[name]]
            raise Decline(f"layout_lacks_{s}.{p or 'size'}")
    csize = lay.f[F["sizeof_mlx5e_channel"]][1]
    priv = netdev_priv(prog, dev)
    if uint(priv, "mlx5e_priv_netdev") != dev:
        raise Decline("priv_netdev_mismatch")
    num, arr = uint(priv, "mlx5e_priv_channels_num"), uint(priv, "mlx5e_priv_channels_c")
    if num is None or arr is None or num > common.D["MLX5_MAX_CHANNELS"] or num > ifi.dev.num_rx_queues.value_():
        raise Decline("channels_out_of_range")
    if not num:
        ifi.note = "no_open_channels"
        return
    if not readable(prog, arr, num * 8, drgn):
        raise Decline("channels_not_in_ram")
    ifi.rxq = [RxQ() for _ in range(num)]
    for i in range(num):
        c = prog.read_u64(arr + 8 * i)
        if not readable(prog, c, csize, drgn):
            raise Decline(f"channel_not_in_ram_ch{i}")
        if uint(c, "mlx5e_channel_netdev") != dev:
            raise Decline(f"channel_netdev_mismatch_ch{i}")
        rq = c + lay.f[F["mlx5e_channel_rq"]][0]
        q = ifi.rxq[i]
        if uint(rq, "mlx5e_rq_netdev") != dev:
            raise Decline(f"rq_netdev_mismatch_ch{i}")
        rtype, pool = uint(rq, "mlx5e_rq_wq_type"), uint(rq, "mlx5e_rq_page_pool")
        if rtype is None or pool is None:
            raise Decline(f"rq_unreadable_ch{i}")
        if has("mlx5e_rq_xsk_pool") and uint(rq, "mlx5e_rq_xsk_pool"):
            q.zerocopy = True
        if rtype == common.D["NICMEM_MLX5_WQ_STRIDING"]:
            q.kind = "striding"
            n = uint(rq, "mlx5e_rq_mpwqe_sz_m1")
            if n is None:
                raise Decline(f"rq_unreadable_ch{i}")
            n += 1
            v = uint(rq, "mlx5e_rq_mpwqe_pages_per_wqe")
            if v is not None:
                q.desc_pages = v & 0xffffffff
            v = uint(rq, "mlx5e_rq_mpwqe_log_stride_sz")
            if v is not None and v < 20:
                q.stride = 1 << v
        elif rtype == common.D["NICMEM_MLX5_WQ_CYCLIC"]:
            q.kind = "cyclic"
            n = uint(rq, "mlx5e_rq_wqe_sz")
            if n is None:
                raise Decline(f"rq_unreadable_ch{i}")
        else:
            raise Decline(f"rq_type_unknown_ch{i}")
        if not n or n > common.D["MLX5_MAX_WQES"]:
            raise Decline(f"rq_size_out_of_range_ch{i}")
        if pool and not readable(prog, pool, 8, drgn):
            raise Decline(f"rq_page_pool_not_in_ram_ch{i}")
        q.descs = n & 0xffffffff
        q.pool_key = pool
    ifi.page_order = 0
    ifi.note = f"mlx5_{ifi.rxq[0].kind}_rq_{num}_channels"[:common.D["NICMEM_NOTE_LEN"] - 1]


def virtio_net_walk_rx(prog, mm, rules, ifi, lay, threshold, drgn):
    """drivers/virtio_net/adaptor.c's virtio_net_walk_rx() on the dump: per
    receive queue, the distinct head pages its posted buffers (the vring's
    desc_state[].data) and its page_frag lie in; raises Decline(note)."""
    ad = lay.ad if lay else None
    if lay is None or lay.source.startswith("none"):
        raise Decline(lay.source if lay else "no_layout")
    F = {i[len("NICMEM_F_"):]: k for k, i in enumerate(ad.ids)}
    fo = lambda n: lay.f[F[n]][0]
    fs = lambda n: lay.f[F[n]][1]
    for name, (s, p) in ((i[len("NICMEM_F_"):], f) for i, f in zip(ad.ids, ad.fields)):
        if lay.f[F[name]][2]:
            raise Decline(f"layout_lacks_{s}.{p or 'size'}")
    ptrs = ("virtnet_info_vdev", "virtnet_info_dev", "virtnet_info_rq", "receive_queue_vq",
            "receive_queue_alloc_frag_page", "vring_virtqueue_split_desc_state",
            "vring_virtqueue_packed_desc_state", "vring_desc_state_split_data",
            "vring_desc_state_packed_data")
    if any(fs(n) != 8 for n in ptrs) or \
            fo("vring_desc_state_split_data") + 8 > fs("sizeof_vring_desc_state_split") or \
            fo("vring_desc_state_packed_data") + 8 > fs("sizeof_vring_desc_state_packed") or \
            fs("sizeof_vring_desc_state_split") > common.D["NICMEM_MAX_STRIDE"] or \
            fs("sizeof_vring_desc_state_packed") > common.D["NICMEM_MAX_STRIDE"] or \
            not fs("sizeof_receive_queue"):
        raise Decline("implausible_layout")

    def rd(addr, size, why):
        try:
            return int.from_bytes(prog.read(addr, size), "little")
        except (drgn.FaultError, ValueError, OverflowError):
            raise Decline(why)

    def uint(base, n, why):
        return rd(base + fo(n), fs(n), why)

    from drgn.helpers.linux.mm import virt_to_page
    vi = netdev_priv(prog, ifi.dev_key)
    if uint(vi, "virtnet_info_dev", "root_netdev_mismatch") != ifi.dev_key:
        raise Decline("root_netdev_mismatch")
    why = "unreadable_virtnet_info"
    mergeable, big = uint(vi, "virtnet_info_mergeable_rx_bufs", why), uint(vi, "virtnet_info_big_packets", why)
    nq, rqs = uint(vi, "virtnet_info_max_queue_pairs", why), uint(vi, "virtnet_info_rq", why)
    vdev = uint(vi, "virtnet_info_vdev", why)
    if not mergeable and big:
        raise Decline("big_packets_buffers_not_walked")
    if not nq or nq > ifi.dev.num_rx_queues.value_() or nq > common.D["NICMEM_MAX_RXQ"]:
        raise Decline(f"queues_{nq}_out_of_range")
    rqsize = fs("sizeof_receive_queue")
    if not vdev or not rqs or not readable(prog, rqs, nq * rqsize, drgn):
        raise Decline("no_queue_array")
    vq_t = prog.type("struct virtqueue")       # public: <linux/virtio.h>
    o_vdev, o_free = drgn.offsetof(vq_t, "vdev"), drgn.offsetof(vq_t, "num_free")
    pinned = rules.index["NICMEM_PINNED"]
    ifi.rxq = [RxQ() for _ in range(nq)]
    for qi in range(nq):
        q, rq = ifi.rxq[qi], rqs + qi * rqsize
        vq = uint(rq, "receive_queue_vq", f"no_virtqueue_q{qi}")
        if not vq:
            raise Decline(f"no_virtqueue_q{qi}")
        if rd(vq + o_vdev, 8, f"virtqueue_vdev_mismatch_q{qi}") != vdev:
            raise Decline(f"virtqueue_vdev_mismatch_q{qi}")
        why = f"unreadable_virtqueue_q{qi}"
        num_free = rd(vq + o_free, 4, why)
        vvq = vq - fo("vring_virtqueue_vq")
        packed = uint(vvq, "vring_virtqueue_packed_ring", why)
        kind = "packed" if packed else "split"
        num = uint(vvq, f"vring_virtqueue_{kind}_num", why)
        ds = uint(vvq, f"vring_virtqueue_{kind}_desc_state", why)
        if packed > 1 or not num or num > 32768 or num_free > num or not ds:
            raise Decline(f"vring_out_of_range_q{qi}")
        if qi == 0:
            ifi.ring_cur = num      # what ethtool reports: queue 0's vring size
        if ifi.ring_cur and num != ifi.ring_cur:
            raise Decline(f"vring_{num}_not_ethtool_{ifi.ring_cur}_q{qi}")
        q.descs = num
        stride, od = fs(f"sizeof_vring_desc_state_{kind}"), fo(f"vring_desc_state_{kind}_data")
        try:
            raw = prog.read(ds, num * stride)
        except (drgn.FaultError, ValueError, OverflowError):
            raise Decline(f"unreadable_desc_state_q{qi}")
        heads = []
        for i in range(num):
            data = int.from_bytes(raw[i * stride + od:i * stride + od + 8], "little")
            if not data:
                continue
            try:
                h = head_pfn(mm, virt_to_page(prog, data).value_())
            except (drgn.FaultError, ValueError, OverflowError):
                h = None
            if h is None:
                raise Decline(f"bad_buffer_q{qi}_d{i}")
            heads.append(h)
        q.with_page = len(heads)
        q.kind = "virtqueue"
        p = uint(rq, "receive_queue_alloc_frag_page", f"unreadable_queue_q{qi}")
        if p:
            h = head_pfn(mm, p)
            if h is None:
                raise Decline(f"bad_alloc_frag_page_q{qi}")
            heads.append(h)
        for h in sorted(set(heads)):
            b = mm.page(h)
            s = mm.snap(h, b)
            n = 1 << s.order
            q.order = max(q.order, s.order)
            q.pages += n
            if ifi.numa_node != -1 and mm.nid(b) != ifi.numa_node:
                q.remote += n
            if rules.classify(s, threshold) == pinned:
                q.pinned += n
    ifi.rx_pages = sum(q.pages for q in ifi.rxq)
    ifi.page_order = max(q.order for q in ifi.rxq)
    ifi.rx_bytes = ifi.rx_pages * mm.page_size
    ifi.note = f"walked_{lay.source}_layout"


def head_pfn(mm, ptr):
    """the valid head page's pfn of the struct page at @ptr (compound_head()), or None"""
    pfn = mm.pfn_of(ptr)
    if pfn is None:
        return None
    head = mm.u64(mm.page(pfn), mm.o_head)
    if head & 1:                       # PageTail()
        pfn = mm.pfn_of(mm.head_of(pfn, head))
    return pfn


def bias_ring_walk_rx(prog, mm, rules, ifi, lay, threshold, drgn):
    """drivers/bias_ring.c's nicmem_bias_ring_walk_rx(): the walk of the
    layout's adaptor's bias_ring table; raises Decline(note)."""
    if lay is None or lay.err:
        raise Decline(lay.err if lay else "no_layout")
    bias_ring_walk(prog, mm, rules, ifi, lay, threshold, drgn)


# the adaptors' own walks (.walk_rx but nicmem_bias_ring_walk_rx), by
# adaptor: the same walk on a dump. tests/vmcore/rules-drift checks this
# against drivers/*/adaptor.c
WALKERS = {"mlx5": mlx5_walk_rx, "virtio_net": virtio_net_walk_rx}


def walker(ad):
    """The adaptor's walk on a dump: the bias-ring walk where its spec has
    a bias_ring table (as the module requires of .walk_rx then), else its own."""
    return bias_ring_walk_rx if ad.ring else WALKERS.get(ad.name)


def readable(prog, addr, size, drgn):
    """nicmem_ram() on a dump: the bytes are there to read."""
    try:
        prog.read(addr, size)
        return True
    except (drgn.FaultError, ValueError, OverflowError):
        return False


def netdev_priv(prog, dev):
    align = 32                                  # NETDEV_ALIGN
    return dev + ((prog.type("struct net_device").size + align - 1) & ~(align - 1))


def rx_estimate(ad, ifi, page_size):
    """nicmem_rx_estimate()"""
    if not ad or not ad.page_per_desc:
        ifi.source = NONE
        ifi.note = "no_page_per_descriptor" if ad else "no_adaptor"
        return
    if not ifi.ring_cur:
        ifi.source = NONE
        ifi.note = "ring_size_unknown"
        return
    ifi.page_order = 0 if page_size >= 8192 else int(ifi.mtu > ad.order0_max_mtu)
    ifi.rx_pages = ifi.rx_queues * ifi.ring_cur << ifi.page_order
    ifi.rx_bytes = ifi.rx_pages * page_size
    ifi.source = ESTIMATE
    if page_size >= 8192:
        ifi.note = f"order{ifi.page_order}_page_per_desc"
    else:
        ifi.note = f"order{ifi.page_order}_page_per_desc(order1_if_mtu>{ad.order0_max_mtu})"


def ifaces_walk(prog, mm, rules, ads, layouts, threshold, drgn):
    ifs, total = list_ifaces(prog, rules, drgn)
    for ifi in ifs:
        ad = next((a for a in ads if a.driver == ifi.driver), None)
        lay = layouts.get(ad.name) if ad else None
        walk = walker(ad) if ad else None
        if walk:
            try:
                walk(prog, mm, rules, ifi, lay, threshold, drgn)
                ifi.source = EXACT
            except Decline as e:
                ifi.note = (e.args[0] or "unreadable")[:common.D["NICMEM_NOTE_LEN"] - 1]
                ifi.rxq = []
                ifi.bias_hist = [0] * rules.buckets
                ifi.refs_hist = [0] * rules.buckets
                ifi.drain_hist = [0] * rules.buckets
        if ifi.source != EXACT:
            why = ifi.note
            rx_estimate(ad, ifi, mm.page_size)
            # as the module: a declined walk's reason stays on its estimate,
            # or where there is none (no ethtool in a dump, no estimate rule)
            if why:
                ifi.note = why
    return ifs, total
