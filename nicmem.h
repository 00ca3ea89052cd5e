/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nicmem: how much memory do the NIC drivers hold, where, and in what state.
 *
 * Shared declarations of the module: the census (census.c), the interface
 * inventory (walk.c, drivers/), the snapshot cache (nicmem.c), the files
 * (debugfs.c) and their text (text.c, prom.c).
 */
#ifndef _NICMEM_H
#define _NICMEM_H

#include <linux/types.h>
#include <linux/kref.h>
#include <linux/if.h>
#include <linux/netdevice.h>

#include "consts.h"
#include "snap.h"

/**
 * struct nicmem_pool - one page_pool, as the census found its pages
 * @key: the pool's address; identity only, never printed
 * @err: 0, or why the pool's struct could not be read (-EFAULT)
 * @id: the pool's netlink id (user.id, 6.8+), 0 when the kernel has none
 * @order: page order of the pool's pages (p.order)
 * @pool_size: its ptr_ring's size (p.pool_size)
 * @dev_node: NUMA node of the pool's device, NUMA_NO_NODE if unknown
 * @frag: the pages carry a fragment count (PP_FLAG_PAGE_FRAG, or 6.7+)
 * @dev_key: the pool's DMA device (p.dev); identity only
 * @netdev_key: its net_device (slow.netdev, 6.8+), 0 before; identity only
 * @pages: base pages with pp_magic whose page->pp is this pool
 * @objects: of those, allocations (a compound page counts once)
 * @remote: of @pages, those on another node than @dev_node
 * @inflight: the pool's pages_state_hold_cnt - pages_state_release_cnt,
 *	what page_pool_inflight() computes (not exported): allocations out
 *	of the page allocator
 * @cached: of those, in the pool's alloc cache and ptr_ring (a sample)
 * @frag_hist: with @frag, base pages by fragment count (bucketed as the
 *	refcount histogram): the page_pool family's pagecnt_bias
 * @iface: index of the interface in the snapshot, -1 when none
 * @queue: RX queue, -1 when the kernel and adaptor cannot tell
 * @how: how @iface was found, or why not
 * @dev_iface: an interface whose parent is the pool's device (the one
 *	of @iface, or one of several when ambiguous), -1 when none
 */
struct nicmem_pool {
	unsigned long key;
	int err;
	u32 id;
	unsigned int order;
	unsigned int pool_size;
	int dev_node;
	bool frag;
	unsigned long dev_key;
	unsigned long netdev_key;
	u64 pages;
	u64 objects;
	u64 remote;
	u32 inflight;
	u32 cached;
	u64 frag_hist[NICMEM_HIST_BUCKETS];
	int iface;
	int queue;
	const char *how;
	int dev_iface;
};

struct nicmem_pools {
	unsigned int nr;		/* listed; @pool[0 .. nr) once attributed */
	unsigned int last;		/* slot of the last pool met: pages come in runs */
	u64 unlisted_pages;		/* pages of pools beyond the table */
	struct nicmem_pool *pool;	/* NICMEM_POOL_SLOTS slots */
};

struct nicmem_class_count {
	u64 pages;	/* base pages */
	u64 objects;	/* allocations: a compound page counts once */
};

struct nicmem_node_census {
	int nid;
	u64 spanned;			/* node_spanned_pages() */
	u64 present;			/* node_present_pages() */
	u64 managed;			/* sum of zone_managed_pages() */
	u64 scanned;			/* pfns with an online struct page */
	struct nicmem_class_count cls[NICMEM_NR_CLASSES];
};

struct nicmem_census {
	unsigned int nr_nodes;
	struct nicmem_node_census *node;	/* nr_nodes entries */
	u64 hist[NICMEM_HIST_BUCKETS];		/* pages */
	u64 pfns_walked;			/* pfns visited, incl. skipped */
	u64 duration_ns;
	unsigned int threshold;
	bool interrupted;			/* a fatal signal stopped it */
	struct nicmem_pools pools;		/* page_pool pages by pool */
	/* si_meminfo() taken right after the walk, in pages */
	u64 mem_total;
	u64 mem_free;
};

#define NICMEM_BUS_LEN	32
#define NICMEM_DRV_LEN	32

/* Sources of an interface's RX pinned-memory figure. */
enum nicmem_rx_source {
	NICMEM_RX_NONE,		/* no adaptor knows this driver */
	NICMEM_RX_ESTIMATE,	/* queues x ring size x page size << order */
	NICMEM_RX_EXACT,	/* walked from the driver's rings */
	NICMEM_RX_PAGE_POOL,	/* its page_pools' pages, from the census */
	NICMEM_RX_NR_SOURCES
};

/* A driver's private-struct layout, as resolved at run time (layout.c). */
#define NICMEM_MAX_FIELDS	32
#define NICMEM_MAX_LAYOUTS	8

struct nicmem_layout {
	const struct nicmem_adaptor *ad;
	/* 0: every field resolved; non-zero in a usable layout: a BTF one
	 * lacking members ("btf:incomplete", each one's f[].err says which)
	 */
	int err;
	char source[NICMEM_NOTE_LEN];	/* "btf", or why there is no layout */
	bool usable;			/* btf, compiled or recognised */
	bool search;			/* recognised: rings found on the device */
	struct {
		u32 offset;
		u32 size;
		int err;		/* this field: 0 or -ENOENT/-EINVAL */
	} f[NICMEM_MAX_FIELDS];
};

/**
 * struct nicmem_rxq - one RX queue's ring, as walked
 * @descs: descriptors (the ring's count)
 * @with_page: descriptors holding a page
 * @order: page order of the ring's buffers
 * @pages: base pages held (with_page << order)
 * @remote: of those, pages on another NUMA node than the device
 * @pinned: of those, pages the census counts as pinned signature
 * @zerocopy: an AF_XDP zero-copy ring, not walked
 * @pool_key: the queue's page_pool (an adaptor of a page_pool driver
 *	says so), an identity for pool.c, never dereferenced; 0 if none
 * @kind: what the queue is, when not a walked bias ring ("striding",
 *	"cyclic" for mlx5, whose pages then come from its pool; "virtqueue"
 *	for virtio_net, whose buffers are counted: @counted)
 * @counted: with @kind, @with_page and @pinned were counted from the
 *	queue's own buffers (a pool's queue knows only its pool's pages)
 * @desc_pages: pages one descriptor (WQE) spans, 0 if not known
 * @stride: bytes per stride (striding RQ) or per fragment, 0 if not known
 * @drain_hist: base pages by what the driver consumed of their bias (its
 *	refill value - pagecnt_bias), log2 buckets; walked bias rings only
 */
struct nicmem_rxq {
	u32 descs;
	u32 with_page;
	u32 order;
	u64 pages;
	u64 remote;
	u64 pinned;
	bool zerocopy;
	unsigned long pool_key;
	const char *kind;
	bool counted;
	u32 desc_pages;
	u32 stride;
	u64 drain_hist[NICMEM_HIST_BUCKETS];
};

/**
 * struct nicmem_iface - one network interface of one namespace
 * All counts are samples taken without stopping the datapath.
 */
struct nicmem_iface {
	struct net_device *dev;		/* held only while the walk runs */
	unsigned long dev_key;		/* dev and its parent device: */
	unsigned long parent_key;	/* identities, never dereferenced */
	u32 netns;			/* net->ns.inum, as in /proc/PID/ns/net */
	int ifindex;
	char name[IFNAMSIZ];
	char driver[NICMEM_DRV_LEN];	/* "virtual" when there is no parent */
	char bus[NICMEM_BUS_LEN];	/* PCI address or parent device name */
	int numa_node;			/* NUMA_NO_NODE when unknown */
	unsigned int mtu;
	u8 operstate;			/* IF_OPER_*, as sysfs operstate */
	unsigned int rx_queues;		/* real_num_rx_queues */
	unsigned int channels;		/* ethtool combined + rx, 0 = unsupported */
	unsigned int ring_cur;		/* ethtool rx_pending, 0 = unknown */
	unsigned int ring_max;		/* ethtool rx_max_pending */
	enum nicmem_rx_source source;
	unsigned int page_order;	/* of the RX buffers, when known */
	u64 rx_pages;			/* pinned RX pages (source says how) */
	u64 rx_bytes;
	char note[NICMEM_NOTE_LEN];	/* why no figure, or how it was made */
	/* exact walks only (source NICMEM_RX_EXACT) */
	const struct nicmem_layout *layout;	/* during the walk */
	unsigned int threshold;			/* the census's, for @rxq pinned */
	unsigned int nr_rxq;
	struct nicmem_rxq *rxq;			/* nr_rxq entries, kvmalloc'd */
	bool biased;		/* the walk read a bias per page (bias rings) */
	/* base pages (PAGE_SIZE) by: */
	u64 bias_hist[NICMEM_HIST_BUCKETS];	/* pagecnt_bias */
	u64 refs_hist[NICMEM_HIST_BUCKETS];	/* refcount - bias: refs outside */
	u64 drain_hist[NICMEM_HIST_BUCKETS];	/* refill - bias: the queues' sum */
	/* page_pools attributed to this interface (pool.c) */
	unsigned int pp_pools;
	u64 pp_pages;
	u64 pp_inflight;			/* hold - release, allocations */
	u64 pp_cached;
	u64 pp_remote;
	u64 pp_frag_hist[NICMEM_HIST_BUCKETS];	/* fragment count, per page */
};

/*
 * The one place an interface's RX figure is set, whoever counted it (the
 * adaptor's walk, the page_pool attribution, the estimate): its pages of
 * @page_size bytes (the estimate's may be another kernel's) and their
 * order; bytes follow from them. How it was counted is the caller's
 * source.
 */
static inline void nicmem_iface_set_rx(struct nicmem_iface *ifi, u64 pages,
				       unsigned int order,
				       unsigned int page_size)
{
	ifi->rx_pages = pages;
	ifi->page_order = order;
	ifi->rx_bytes = pages * page_size;
}

struct nicmem_ifaces {
	unsigned int nr;		/* listed */
	unsigned int total;		/* registered; more than nr if capped */
	struct nicmem_iface *if_;
	/* indices of if_ by rx_bytes, largest first, ties in walk order
	 * (nicmem_ifaces_rank()); NULL: walk order
	 */
	unsigned int *by_bytes;
};

/* the networking core's page_frag caches per CPU (frag.c) */
#define NICMEM_FRAG_CACHES	2	/* frag_caches.h's */

/**
 * struct nicmem_frag - the page_frag caches' current pages, by name
 * @err: 0, or why they were not read (@why: no_vmlinux_btf, ...)
 * @caches: caches read (NICMEM_FRAG_CACHES per possible CPU)
 * @unreadable: of those, whose page could not be read or validated
 * @with_page: of those, holding a page
 * @pages: base pages of those pages
 * @pinned: of those, with the pinned signature (the census's threshold)
 */
struct nicmem_frag {
	int err;
	const char *why;
	unsigned int caches;
	unsigned int unreadable;
	unsigned int with_page;
	u64 pages;
	u64 pinned;
};

/* One reading of everything, shared by the readers that use it. */
struct nicmem_snapshot {
	struct kref ref;
	u64 taken_ns;			/* ktime_get_ns() at the start */
	time64_t taken_real;		/* wall clock, seconds */
	unsigned int page_size;
	struct nicmem_census census;
	struct nicmem_ifaces ifaces;
	struct nicmem_frag frag;
	unsigned int nr_layouts;
	struct nicmem_layout layouts[NICMEM_MAX_LAYOUTS];
};

/* module parameters (nicmem.c) */
struct kernel_param;
struct nicmem_range {
	unsigned int min, max;
};

int nicmem_param_set_range(const char *val, const struct kernel_param *kp,
			   const struct nicmem_range *r);
extern unsigned int nicmem_threshold;
extern unsigned int nicmem_cache_ms;
extern unsigned int nicmem_metrics_queues;

/* severity_pct: the summary's WARN and CRIT shares (rules.h) */
struct nicmem_severity {
	unsigned int warn_pct, crit_pct;
};

extern struct nicmem_severity nicmem_severity;
int nicmem_severity_parse(const char *val, struct nicmem_severity *sev);

/* census.c */
#if IS_ENABLED(CONFIG_KUNIT)
int nicmem_census_range(struct nicmem_census *c,
			struct nicmem_node_census *nc,
			unsigned long pfn, unsigned long end);
#endif
int nicmem_census_init(struct nicmem_census *c);
void nicmem_census_free(struct nicmem_census *c);
int nicmem_census_walk(struct nicmem_census *c, unsigned int threshold);
void nicmem_snap_page(struct page *page, struct nicmem_page_snap *s);
unsigned int nicmem_snap_span_order(struct page *page, unsigned int order);
enum nicmem_class nicmem_page_class(struct page *page, unsigned int threshold,
				    int *refcount);
void nicmem_census_table_init(void);
int nicmem_census_hotplug_init(void);
void nicmem_census_hotplug_exit(void);

/* walk.c */
int nicmem_ifaces_walk(struct nicmem_ifaces *ifs,
		       const struct nicmem_layout *layouts, unsigned int nr,
		       unsigned int threshold);
void nicmem_ifaces_free(struct nicmem_ifaces *ifs);
int nicmem_ifaces_rank(struct nicmem_ifaces *ifs);

/* the @k-th interface by rx_bytes, largest first */
static inline const struct nicmem_iface *
nicmem_iface_ranked(const struct nicmem_ifaces *ifs, unsigned int k)
{
	return &ifs->if_[ifs->by_bytes ? ifs->by_bytes[k] : k];
}

/* pool.c */
int nicmem_pools_init(struct nicmem_pools *ps);
void nicmem_pools_free(struct nicmem_pools *ps);
void nicmem_pool_count(struct nicmem_pools *ps,
		       const struct nicmem_page_snap *s, int nid, u64 pages,
		       bool new_object);
void nicmem_pools_attribute(struct nicmem_pools *ps,
			    struct nicmem_ifaces *ifs);

/* frag.c */
void nicmem_frag_init(void);
void nicmem_frag_read(struct nicmem_frag *f, unsigned int threshold);
#if IS_ENABLED(CONFIG_KUNIT)
int nicmem_frag_page(int cpu, unsigned int k, struct page **headp);
#endif

/* layout.c */
#if IS_ENABLED(CONFIG_KUNIT)
bool nicmem_layout_recognised(struct nicmem_layout *l);
#endif
unsigned int nicmem_layouts_get(struct nicmem_layout *out, unsigned int max);
int nicmem_layouts_init(void);
void nicmem_layouts_exit(void);

/* nicmem.c */
int nicmem_walk_stopped(void);
struct nicmem_snapshot *nicmem_snapshot_get(void);
void nicmem_snapshot_put(struct nicmem_snapshot *snap);

/* text.c and prom.c: one file's text from the snapshot in m->private */
struct seq_file;
int nicmem_summary_show(struct seq_file *m, void *v);
int nicmem_census_show(struct seq_file *m, void *v);
int nicmem_interfaces_show(struct seq_file *m, void *v);
int nicmem_histogram_show(struct seq_file *m, void *v);
int nicmem_metrics_show(struct seq_file *m, void *v);
int nicmem_layouts_show(struct seq_file *m, void *v);
int nicmem_queues_show(struct seq_file *m, void *v);
int nicmem_pools_show(struct seq_file *m, void *v);

/* debugfs.c */
void nicmem_debugfs_init(void);
void nicmem_debugfs_exit(void);

#endif /* _NICMEM_H */
