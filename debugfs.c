// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/nicmem/: summary, census, interfaces, histogram and
 * metrics. Every file is 0400, read-only, with no ioctl or mmap, so it
 * opens under lockdown. The walk runs (or the cached snapshot is taken)
 * in open(), which also renders the file's whole text: read() copies it.
 */
#define pr_fmt(fmt) "nicmem: " fmt

#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/fs.h>
#include <linux/dcache.h>
#include <linux/kmemleak.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include "nicmem.h"
#include "compat.h"
#include "drivers/adaptor.h"

static struct dentry *nicmem_dir;

static const char * const nicmem_source_names[] = {
	[NICMEM_RX_NONE]	= "none",
	[NICMEM_RX_ESTIMATE]	= "estimate",
	[NICMEM_RX_EXACT]	= "exact",
	[NICMEM_RX_PAGE_POOL]	= "page_pool",
};

/* as net/core/net-sysfs.c's operstates[] */
static const char * const nicmem_operstates[] = {
	"unknown", "notpresent", "down", "lowerlayerdown", "testing",
	"dormant", "up"
};

static const char *nicmem_operstate(const struct nicmem_iface *ifi)
{
	if (ifi->operstate < ARRAY_SIZE(nicmem_operstates))
		return nicmem_operstates[ifi->operstate];
	return "unknown";
}

/* page_pool figures of one pool, one interface's or no interface's */
struct nicmem_pool_sum {
	u64 pools, pages, remote, inflight, cached;
};

static void nicmem_header(struct seq_file *m)
{
	seq_printf(m, "nicmem - version: %d\n", NICMEM_FORMAT_VERSION);
}

/* "12.34%" of @part in @whole */
static void nicmem_pct(struct seq_file *m, u64 part, u64 whole)
{
	u64 bp = whole ? div64_u64(part * 10000, whole) : 0;

	seq_printf(m, "%llu.%02llu%%", div_u64(bp, 100), bp % 100);
}

/* "16.9MiB": one decimal, IEC units, for the human-facing lines */
static void nicmem_iec(struct seq_file *m, u64 bytes)
{
	static const char * const units[] = {
		"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"
	};
	unsigned int u = 0;
	u64 tenths = bytes * 10;

	if (bytes < 1024) {
		seq_printf(m, "%lluB", bytes);
		return;
	}
	while (bytes >= 1024 && u < ARRAY_SIZE(units) - 1) {
		tenths = div_u64(bytes * 10, 1024);
		bytes >>= 10;
		u++;
	}
	seq_printf(m, "%llu.%llu%s", div_u64(tenths, 10), tenths % 10, units[u]);
}

static u64 nicmem_class_pages(const struct nicmem_census *c,
			      enum nicmem_class cls)
{
	u64 pages = 0;
	unsigned int i;

	for (i = 0; i < c->nr_nodes; i++)
		pages += c->node[i].cls[cls].pages;
	return pages;
}

static u64 nicmem_counted_pages(const struct nicmem_census *c)
{
	u64 pages = 0;
	int cls;

	for (cls = 0; cls < NICMEM_NR_CLASSES; cls++)
		pages += nicmem_class_pages(c, cls);
	return pages;
}

struct nicmem_rx_sum {
	u64 bytes;
	unsigned int exact, estimate, page_pool;
	u64 claimed;		/* ring pages with the pinned signature */
};

static void nicmem_rx_totals(const struct nicmem_snapshot *snap,
			     struct nicmem_rx_sum *sum)
{
	unsigned int i, q;

	memset(sum, 0, sizeof(*sum));
	for (i = 0; i < snap->ifaces.nr; i++) {
		const struct nicmem_iface *ifi = &snap->ifaces.if_[i];

		if (ifi->source == NICMEM_RX_NONE)
			continue;
		sum->bytes += ifi->rx_bytes;
		if (ifi->source == NICMEM_RX_EXACT)
			sum->exact++;
		else if (ifi->source == NICMEM_RX_PAGE_POOL)
			sum->page_pool++;
		else
			sum->estimate++;
		for (q = 0; q < ifi->nr_rxq; q++)
			sum->claimed += ifi->rxq[q].pinned;
	}
}

static void nicmem_print_verdict(struct seq_file *m,
				 const struct nicmem_snapshot *snap,
				 const struct nicmem_rx_sum *rx)
{
	const struct nicmem_census *c = &snap->census;
	u64 total = c->mem_total * snap->page_size;
	u64 pinned = nicmem_class_pages(c, NICMEM_PINNED);

	seq_printf(m, "verdict: NIC RX rings hold %llu bytes (", rx->bytes);
	nicmem_iec(m, rx->bytes);
	seq_puts(m, ", ");
	nicmem_pct(m, rx->bytes, total);
	seq_printf(m, " of MemTotal; exact on %u, page_pool on %u and estimate on %u of %u interfaces); pinned-signature pages hold %llu bytes (",
		   rx->exact, rx->page_pool, rx->estimate, snap->ifaces.nr,
		   pinned * snap->page_size);
	nicmem_iec(m, pinned * snap->page_size);
	seq_puts(m, ", ");
	nicmem_pct(m, pinned * snap->page_size, total);
	seq_printf(m, " of MemTotal; %llu pages, refcount >= %u; %llu in walked rings, %llu unattributed)\n",
		   pinned, c->threshold, min(rx->claimed, pinned),
		   pinned - min(rx->claimed, pinned));
}

/* Interfaces the summary's top lines name, at most */
#define NICMEM_TOP_IFACES	3

static const char * const nicmem_severity_names[] = { "OK", "WARN", "CRIT" };

/*
 * The severity line: the NIC RX rings' share of the memory outside
 * hugepages (MemTotal minus the hugetlb pages the census counted), and
 * the severity_pct thresholds it is judged by. What an operator acts on:
 * the seeds' hosts had 93% of that memory in their rings, 7.9% of
 * MemTotal.
 */
static void nicmem_print_severity(struct seq_file *m,
				  const struct nicmem_snapshot *snap,
				  const struct nicmem_rx_sum *rx)
{
	const struct nicmem_census *c = &snap->census;
	u64 hugetlb = nicmem_class_pages(c, NICMEM_HUGETLB);
	u64 outside = c->mem_total > hugetlb ?
		      (c->mem_total - hugetlb) * snap->page_size : 0;
	unsigned int sev = 0;

	/* share above pct of outside, without dividing: bytes x 100 vs pct x outside */
	if (rx->bytes * 100 > (u64)nicmem_severity.crit_pct * outside)
		sev = 2;
	else if (rx->bytes * 100 > (u64)nicmem_severity.warn_pct * outside)
		sev = 1;
	seq_printf(m, "severity: %s (NIC RX rings hold ", nicmem_severity_names[sev]);
	nicmem_pct(m, rx->bytes, outside);
	seq_puts(m, " of the ");
	nicmem_iec(m, outside);
	seq_printf(m, " outside hugepages; WARN above %u%%, CRIT above %u%%)\n",
		   nicmem_severity.warn_pct, nicmem_severity.crit_pct);
}

/* The interfaces holding the most, one line each: what ethtool changes */
static void nicmem_print_top(struct seq_file *m,
			     const struct nicmem_snapshot *snap)
{
	const struct nicmem_ifaces *ifs = &snap->ifaces;
	unsigned int k;

	for (k = 0; k < min_t(unsigned int, ifs->nr, NICMEM_TOP_IFACES); k++) {
		const struct nicmem_iface *ifi = nicmem_iface_ranked(ifs, k);

		if (ifi->source == NICMEM_RX_NONE || !ifi->rx_bytes)
			break;
		seq_printf(m, "top: %u %s %llu bytes (", k + 1, ifi->name,
			   ifi->rx_bytes);
		nicmem_iec(m, ifi->rx_bytes);
		seq_printf(m, ") source %s driver %s rxq %u ring %u order %u numa %d netns %u\n",
			   nicmem_source_names[ifi->source], ifi->driver,
			   ifi->rx_queues, ifi->ring_cur, ifi->page_order,
			   ifi->numa_node, ifi->netns);
	}
}

static void nicmem_print_scan(struct seq_file *m,
			      const struct nicmem_snapshot *snap)
{
	const struct nicmem_census *c = &snap->census;

	seq_printf(m, "scan: taken %lld age_ms %llu duration_ns %llu page_size %u nodes %u pfns %llu pages %llu threshold %u cache_ms %u interfaces %u of %u\n",
		   (long long)snap->taken_real,
		   div_u64(ktime_get_ns() - snap->taken_ns, NSEC_PER_MSEC),
		   c->duration_ns, snap->page_size, c->nr_nodes, c->pfns_walked,
		   nicmem_counted_pages(c), c->threshold, nicmem_cache_ms,
		   snap->ifaces.nr, snap->ifaces.total);
}

static void nicmem_census_row(struct seq_file *m, const char *node,
			      const char *cls, u64 pages, u64 objects,
			      unsigned int page_size)
{
	seq_printf(m, "%-5s %-10s %12llu %16llu %12llu\n", node, cls, pages,
		   pages * page_size, objects);
}

static void nicmem_print_census(struct seq_file *m,
				const struct nicmem_snapshot *snap)
{
	const struct nicmem_census *c = &snap->census;
	u64 all_pages[NICMEM_NR_CLASSES] = {}, all_obj[NICMEM_NR_CLASSES] = {};
	u64 tp = 0, to = 0;
	unsigned int i;
	char node[12];
	int cls;

	seq_puts(m, "#node class             pages            bytes      objects\n");
	for (i = 0; i < c->nr_nodes; i++) {
		const struct nicmem_node_census *nc = &c->node[i];
		u64 np = 0, no = 0;

		snprintf(node, sizeof(node), "%d", nc->nid);
		for (cls = 0; cls < NICMEM_NR_CLASSES; cls++) {
			nicmem_census_row(m, node, nicmem_class_names[cls],
					  nc->cls[cls].pages,
					  nc->cls[cls].objects, snap->page_size);
			np += nc->cls[cls].pages;
			no += nc->cls[cls].objects;
			all_pages[cls] += nc->cls[cls].pages;
			all_obj[cls] += nc->cls[cls].objects;
		}
		nicmem_census_row(m, node, "total", np, no, snap->page_size);
		nicmem_census_row(m, node, "present", nc->present, 0,
				  snap->page_size);
		nicmem_census_row(m, node, "managed", nc->managed, 0,
				  snap->page_size);
	}
	for (cls = 0; cls < NICMEM_NR_CLASSES; cls++) {
		nicmem_census_row(m, "all", nicmem_class_names[cls],
				  all_pages[cls], all_obj[cls], snap->page_size);
		tp += all_pages[cls];
		to += all_obj[cls];
	}
	nicmem_census_row(m, "all", "total", tp, to, snap->page_size);
}

static void nicmem_meminfo_row(struct seq_file *m, const char *item,
			       u64 census, u64 meminfo, const char *what)
{
	seq_printf(m, "%-9s %12llu %12llu %+12lld  %s\n", item, census,
		   meminfo, (long long)(census - meminfo), what);
}

static void nicmem_print_meminfo(struct seq_file *m,
				 const struct nicmem_snapshot *snap)
{
	const struct nicmem_census *c = &snap->census;
	u64 counted = nicmem_counted_pages(c);
	u64 reserved = nicmem_class_pages(c, NICMEM_RESERVED);

	seq_puts(m, "#item           census      meminfo         diff  census_is (pages)\n");
	nicmem_meminfo_row(m, "MemTotal", counted - reserved, c->mem_total,
			   "all_counted_pages_minus_reserved");
	nicmem_meminfo_row(m, "MemFree", nicmem_class_pages(c, NICMEM_FREE),
			   c->mem_free, "buddy_free_pages");
}

static void nicmem_print_ifaces(struct seq_file *m,
				const struct nicmem_snapshot *snap)
{
	unsigned int i;

	seq_puts(m, "#netns      ifindex name             driver       bus            numa   mtu state   rxq channels  ring ring_max order  rx_pages         rx_bytes source   note\n");
	for (i = 0; i < snap->ifaces.nr; i++) {
		const struct nicmem_iface *ifi = nicmem_iface_ranked(&snap->ifaces, i);

		seq_printf(m, "%-11u %7d %-16s %-12s %-14s %4d %5u %-7s %3u %8u %5u %8u ",
			   ifi->netns, ifi->ifindex, ifi->name, ifi->driver,
			   ifi->bus, ifi->numa_node, ifi->mtu,
			   nicmem_operstate(ifi), ifi->rx_queues,
			   ifi->channels, ifi->ring_cur, ifi->ring_max);
		if (ifi->source == NICMEM_RX_NONE)
			seq_printf(m, "%5s %9s %16s", "-", "-", "-");
		else
			seq_printf(m, "%5u %9llu %16llu", ifi->page_order,
				   ifi->rx_pages, ifi->rx_bytes);
		seq_printf(m, " %-8s %s\n", nicmem_source_names[ifi->source],
			   ifi->note[0] ? ifi->note : "-");
	}
}

static void nicmem_print_queues(struct seq_file *m,
				const struct nicmem_snapshot *snap)
{
	unsigned int i, q;

	seq_puts(m, "#netns      ifindex name             driver       queue  descs with_page no_page order    pages            bytes   remote   pinned state    desc_pages  stride\n");
	for (i = 0; i < snap->ifaces.nr; i++) {
		const struct nicmem_iface *ifi = &snap->ifaces.if_[i];

		for (q = 0; q < ifi->nr_rxq; q++) {
			const struct nicmem_rxq *r = &ifi->rxq[q];

			seq_printf(m, "%-11u %7d %-16s %-12s %5u %6u ",
				   ifi->netns, ifi->ifindex, ifi->name,
				   ifi->driver, q, r->descs);
			/* a pool's queue: pages are the pool's, per WQE unknown */
			if (r->kind)
				seq_printf(m, "%9s %7s ", "-", "-");
			else
				seq_printf(m, "%9u %7u ", r->with_page,
					   r->descs - r->with_page);
			seq_printf(m, "%5u %8llu %16llu %8llu ", r->order,
				   r->pages, r->pages * snap->page_size,
				   r->remote);
			if (r->kind)
				seq_printf(m, "%8s ", "-");
			else
				seq_printf(m, "%8llu ", r->pinned);
			seq_printf(m, "%-8s %10u %7u\n", r->zerocopy ? "zerocopy" :
				   r->kind ?: "walked", r->desc_pages, r->stride);
		}
	}
}

/* the census's page_pools, attributed ones first */
static void nicmem_print_pools(struct seq_file *m,
			       const struct nicmem_snapshot *snap)
{
	const struct nicmem_pools *ps = &snap->census.pools;
	unsigned int i;

	seq_puts(m, "#netns      ifindex name             driver       queue device         id order  size node        pages            bytes   remote  objects inflight   cached frag attributed_by\n");
	for (i = 0; i < ps->nr; i++) {
		const struct nicmem_pool *p = &ps->pool[i];
		const struct nicmem_iface *ifi = p->iface >= 0 ?
			&snap->ifaces.if_[p->iface] : NULL;

		if (ifi)
			seq_printf(m, "%-11u %7d %-16s %-12s ", ifi->netns,
				   ifi->ifindex, ifi->name, ifi->driver);
		else
			seq_printf(m, "%-11s %7s %-16s %-12s ", "-", "-", "-", "-");
		if (p->queue >= 0)
			seq_printf(m, "%5d", p->queue);
		else
			seq_printf(m, "%5s", "-");
		seq_printf(m, " %-14s", p->dev_iface >= 0 ?
			   snap->ifaces.if_[p->dev_iface].bus : "-");
		if (p->err)
			seq_printf(m, " %10u %5s %5s %4s", p->id, "-", "-", "-");
		else
			seq_printf(m, " %10u %5u %5u %4d", p->id, p->order,
				   p->pool_size, p->dev_node);
		seq_printf(m, " %12llu %16llu %8llu %8llu", p->pages,
			   p->pages * snap->page_size, p->remote, p->objects);
		if (p->err)
			seq_printf(m, " %8s %8s %4s", "-", "-", "-");
		else
			seq_printf(m, " %8u %8u %4s", p->inflight,
				   p->cached, p->frag ? "yes" : "no");
		seq_printf(m, " %s\n", p->how ?: "-");
	}
	if (ps->unlisted_pages)
		seq_printf(m, "# %llu page_pool pages of pools beyond the first %u are not listed\n",
			   ps->unlisted_pages, NICMEM_MAX_POOLS);
}

/* one pool's figures as a row of its own */
static void nicmem_pool_sum_of(const struct nicmem_pool *p,
			       struct nicmem_pool_sum *sum)
{
	*sum = (struct nicmem_pool_sum){
		.pools = 1, .pages = p->pages, .remote = p->remote,
		.inflight = p->inflight, .cached = p->cached,
	};
}

/* an interface's pools, as pool.c summed them */
static void nicmem_iface_pool_sum(const struct nicmem_iface *ifi,
				  struct nicmem_pool_sum *sum)
{
	*sum = (struct nicmem_pool_sum){
		.pools = ifi->pp_pools, .pages = ifi->pp_pages,
		.remote = ifi->pp_remote, .inflight = ifi->pp_inflight,
		.cached = ifi->pp_cached,
	};
}

/*
 * The pools no interface claims, and the pages of pools beyond the list,
 * as one row; an unreadable pool adds no in-flight or cached figure.
 */
static void nicmem_pools_unclaimed(const struct nicmem_pools *ps,
				   struct nicmem_pool_sum *sum)
{
	unsigned int i;

	memset(sum, 0, sizeof(*sum));
	for (i = 0; i < ps->nr; i++) {
		const struct nicmem_pool *p = &ps->pool[i];

		if (p->iface >= 0)
			continue;
		sum->pools++;
		sum->pages += p->pages;
		sum->remote += p->remote;
		if (!p->err) {
			sum->inflight += p->inflight;
			sum->cached += p->cached;
		}
	}
	sum->pages += ps->unlisted_pages;
}

static void nicmem_print_pool_row(struct seq_file *m, const char *netns,
				  const char *ifindex, const char *name,
				  const char *driver,
				  const struct nicmem_pool_sum *sum,
				  unsigned int page_size)
{
	seq_printf(m, "%-11s %7s %-16s %-12s %5llu %12llu %16llu %8llu %8llu %8llu\n",
		   netns, ifindex, name, driver, sum->pools, sum->pages,
		   sum->pages * page_size, sum->remote, sum->inflight,
		   sum->cached);
}

/* page_pool pages per interface, then the pools no interface claims */
static void nicmem_print_pool_ifaces(struct seq_file *m,
				     const struct nicmem_snapshot *snap)
{
	struct nicmem_pool_sum sum;
	char ns[12], idx[12];
	unsigned int i;

	seq_puts(m, "#netns      ifindex name             driver       pools        pages            bytes   remote inflight   cached\n");
	for (i = 0; i < snap->ifaces.nr; i++) {
		const struct nicmem_iface *ifi = &snap->ifaces.if_[i];

		if (!ifi->pp_pools)
			continue;
		snprintf(ns, sizeof(ns), "%u", ifi->netns);
		snprintf(idx, sizeof(idx), "%d", ifi->ifindex);
		nicmem_iface_pool_sum(ifi, &sum);
		nicmem_print_pool_row(m, ns, idx, ifi->name, ifi->driver, &sum,
				      snap->page_size);
	}
	nicmem_pools_unclaimed(&snap->census.pools, &sum);
	if (sum.pools || sum.pages)
		nicmem_print_pool_row(m, "-", "-", "(unattributed)", "-", &sum,
				      snap->page_size);
}

/*
 * Why a page_pool interface holds less than a pagecnt_bias ring of the
 * same size: pages per descriptor, side by side.
 */
static void nicmem_print_per_desc(struct seq_file *m,
				  const struct nicmem_snapshot *snap)
{
	unsigned int i;

	seq_puts(m, "#name             driver       source     descs         pages            bytes pages_per_1000_descs  bytes_per_desc\n");
	for (i = 0; i < snap->ifaces.nr; i++) {
		const struct nicmem_iface *ifi = &snap->ifaces.if_[i];
		u64 descs = (u64)ifi->rx_queues * ifi->ring_cur;

		if (ifi->source != NICMEM_RX_EXACT &&
		    ifi->source != NICMEM_RX_PAGE_POOL)
			continue;
		seq_printf(m, "%-16s %-12s %-9s %6llu %13llu %16llu ", ifi->name,
			   ifi->driver, nicmem_source_names[ifi->source],
			   descs, ifi->rx_pages, ifi->rx_bytes);
		if (descs)
			seq_printf(m, "%20llu %15llu\n",
				   div64_u64(ifi->rx_pages * 1000, descs),
				   div64_u64(ifi->rx_bytes, descs));
		else
			seq_printf(m, "%20s %15s\n", "-", "-");
	}
}

/* The per-interface histograms, by kind: bias, outside and drained of
 * walked bias rings, pp_frag of interfaces with page_pools. Every one
 * counts base pages (PAGE_SIZE).
 */
static const char * const nicmem_iface_hist_kinds[] = {
	"bias", "outside", "drained", "pp_frag"
};

/* @ifi's histogram of kind @k, or NULL when it has none of that kind */
static const u64 *nicmem_iface_hist(const struct nicmem_iface *ifi,
				    unsigned int k)
{
	switch (k) {
	case 0:
		return ifi->source == NICMEM_RX_EXACT ? ifi->bias_hist : NULL;
	case 1:
		return ifi->source == NICMEM_RX_EXACT ? ifi->refs_hist : NULL;
	case 2:
		return ifi->source == NICMEM_RX_EXACT ? ifi->drain_hist : NULL;
	default:
		return ifi->pp_pools ? ifi->pp_frag_hist : NULL;
	}
}

/* A walked bias ring's queue: it has a drain histogram */
static bool nicmem_rxq_drains(const struct nicmem_iface *ifi,
			      const struct nicmem_rxq *q)
{
	return ifi->source == NICMEM_RX_EXACT && !q->kind && !q->zerocopy;
}

/* [lo, hi] of a histogram bucket; hi is U64_MAX for the last one */
static void nicmem_bucket_range(unsigned int b, u64 *lo, u64 *hi)
{
	*lo = b ? 1ULL << (b - 1) : 0;
	*hi = b == NICMEM_HIST_BUCKETS - 1 ? U64_MAX : b ? (1ULL << b) - 1 : 0;
}

/* " <kind> <lo> <hi> <pages>\n" for every bucket of @h, after @prefix */
static void nicmem_print_hist_rows(struct seq_file *m, const char *prefix,
				   const char *kind, const u64 *h)
{
	unsigned int b;
	u64 lo, hi;

	for (b = 0; b < NICMEM_HIST_BUCKETS; b++) {
		nicmem_bucket_range(b, &lo, &hi);
		seq_printf(m, "%s %-7s %12llu ", prefix, kind, lo);
		if (hi == U64_MAX)
			seq_printf(m, "%12s", "inf");
		else
			seq_printf(m, "%12llu", hi);
		seq_printf(m, " %12llu\n", h[b]);
	}
}

/* each walked interface's histograms, then each walked queue's drain */
static void nicmem_print_ring_hists(struct seq_file *m,
				    const struct nicmem_snapshot *snap)
{
	char prefix[128];	/* the widest row prefix: ~85 bytes */
	unsigned int i, k, q;

	seq_puts(m, "#netns      ifindex name             driver       kind       value_min    value_max        pages\n");
	for (i = 0; i < snap->ifaces.nr; i++) {
		const struct nicmem_iface *ifi = &snap->ifaces.if_[i];

		snprintf(prefix, sizeof(prefix), "%-11u %7d %-16s %-12s",
			 ifi->netns, ifi->ifindex, ifi->name, ifi->driver);
		for (k = 0; k < ARRAY_SIZE(nicmem_iface_hist_kinds); k++) {
			const u64 *h = nicmem_iface_hist(ifi, k);

			if (h)
				nicmem_print_hist_rows(m, prefix,
						       nicmem_iface_hist_kinds[k], h);
		}
	}
	seq_puts(m, "\n# per walked queue: drained = the driver's refill value - pagecnt_bias (what it has consumed of the bias), in base pages; an interface's drained rows are the sum of its queues'\n");
	seq_puts(m, "#netns      ifindex name             driver       queue kind       value_min    value_max        pages\n");
	for (i = 0; i < snap->ifaces.nr; i++) {
		const struct nicmem_iface *ifi = &snap->ifaces.if_[i];

		for (q = 0; q < ifi->nr_rxq; q++) {
			if (!nicmem_rxq_drains(ifi, &ifi->rxq[q]))
				continue;
			snprintf(prefix, sizeof(prefix), "%-11u %7d %-16s %-12s %5u",
				 ifi->netns, ifi->ifindex, ifi->name,
				 ifi->driver, q);
			nicmem_print_hist_rows(m, prefix, "drained",
					       ifi->rxq[q].drain_hist);
		}
	}
}

static void nicmem_print_hist(struct seq_file *m,
			      const struct nicmem_snapshot *snap)
{
	unsigned int b;
	u64 lo, hi;

	seq_puts(m, "#refcount_min refcount_max        pages            bytes\n");
	for (b = 0; b < NICMEM_HIST_BUCKETS; b++) {
		nicmem_bucket_range(b, &lo, &hi);
		seq_printf(m, "%13llu ", lo);
		if (hi == U64_MAX)
			seq_printf(m, "%12s", "inf");
		else
			seq_printf(m, "%12llu", hi);
		seq_printf(m, " %12llu %16llu\n", snap->census.hist[b],
			   snap->census.hist[b] * snap->page_size);
	}
}

NICMEM_VISIBLE_IF_KUNIT int nicmem_summary_show(struct seq_file *m, void *v)
{
	const struct nicmem_snapshot *snap = m->private;
	struct nicmem_rx_sum rx;

	nicmem_rx_totals(snap, &rx);	/* once, for both lines */
	nicmem_header(m);
	nicmem_print_verdict(m, snap, &rx);
	nicmem_print_severity(m, snap, &rx);
	nicmem_print_top(m, snap);
	nicmem_print_scan(m, snap);
	seq_puts(m, "\n# interfaces: every namespace, by rx_bytes; rx_pages/rx_bytes by source (estimate = rxq x ring x page_size << order; page_pool = pages of the interface's pools)\n");
	nicmem_print_ifaces(m, snap);
	seq_puts(m, "\n# census: pages by class and NUMA node; bytes = pages x page_size; objects count a compound page once\n");
	nicmem_print_census(m, snap);
	seq_puts(m, "\n# meminfo: the census against /proc/meminfo's source (si_meminfo)\n");
	nicmem_print_meminfo(m, snap);
	seq_puts(m, "\n# per descriptor: descs = rxq x ring; a pagecnt_bias ring (exact) keeps one page << order on every descriptor; a page_pool interface holds what its pools hold: fragments share a page and recycled pages wait in the pool\n");
	nicmem_print_per_desc(m, snap);
	seq_puts(m, "\n# page_pool: pages with pp_magic by page->pp, per interface (per pool: the pools file); inflight = hold - release (allocations out of the page allocator), cached = in the pools' caches and rings\n");
	nicmem_print_pool_ifaces(m, snap);
	return 0;
}
NICMEM_EXPORT_IF_KUNIT(nicmem_summary_show);

NICMEM_VISIBLE_IF_KUNIT int nicmem_census_show(struct seq_file *m, void *v)
{
	nicmem_header(m);
	nicmem_print_census(m, m->private);
	return 0;
}
NICMEM_EXPORT_IF_KUNIT(nicmem_census_show);

NICMEM_VISIBLE_IF_KUNIT int nicmem_interfaces_show(struct seq_file *m, void *v)
{
	nicmem_header(m);
	nicmem_print_ifaces(m, m->private);
	return 0;
}
NICMEM_EXPORT_IF_KUNIT(nicmem_interfaces_show);

NICMEM_VISIBLE_IF_KUNIT int nicmem_histogram_show(struct seq_file *m, void *v)
{
	const struct nicmem_snapshot *snap = m->private;

	nicmem_header(m);
	seq_printf(m, "# refcount of unmapped, mapping-less, non-LRU, non-slab kernel pages (pinned signature from %u)\n",
		   snap->census.threshold);
	nicmem_print_hist(m, snap);
	seq_puts(m, "\n# per walked interface, by value, in base pages (page_size bytes each; an order-1 ring page counts 2): bias = the pagecnt_bias the ring holds, outside = refcount - bias (skbs in flight), drained = the driver's refill value - bias (what it has consumed of the bias); pp_frag = a page_pool page's fragment count (pp_frag_count/pp_ref_count), per page of the interface's pools\n");
	nicmem_print_ring_hists(m, snap);
	return 0;
}
NICMEM_EXPORT_IF_KUNIT(nicmem_histogram_show);

NICMEM_VISIBLE_IF_KUNIT int nicmem_queues_show(struct seq_file *m, void *v)
{
	nicmem_header(m);
	seq_puts(m, "# every RX queue of every interface whose rings were walked; page_pool queues (state striding/cyclic): pages are the queue's pool's, desc_pages the pages one WQE spans, stride its bytes per stride\n");
	nicmem_print_queues(m, m->private);
	return 0;
}
NICMEM_EXPORT_IF_KUNIT(nicmem_queues_show);

NICMEM_VISIBLE_IF_KUNIT int nicmem_pools_show(struct seq_file *m, void *v)
{
	nicmem_header(m);
	seq_puts(m, "# every page_pool the census met: pages with pp_magic by page->pp; its interface and how it was found (device: the pool's DMA device); inflight = hold - release (allocations out of the page allocator), cached = in the pool's cache and ring\n");
	nicmem_print_pools(m, m->private);
	return 0;
}
NICMEM_EXPORT_IF_KUNIT(nicmem_pools_show);

NICMEM_VISIBLE_IF_KUNIT int nicmem_layouts_show(struct seq_file *m, void *v)
{
	const struct nicmem_snapshot *snap = m->private;
	unsigned int i, j;

	nicmem_header(m);
	seq_puts(m, "# driver private-struct members, resolved by name at run time; source says from what\n");
	seq_puts(m, "#driver    struct                 member                  offset   size source\n");
	for (i = 0; i < snap->nr_layouts; i++) {
		const struct nicmem_layout *l = &snap->layouts[i];
		const struct nicmem_adaptor *ad = l->ad;

		for (j = 0; j < ad->nr_fields; j++) {
			const struct nicmem_field *f = &ad->fields[j];

			seq_printf(m, "%-10s %-22s %-22s ", ad->driver, f->sname,
				   f->path ?: "-");
			if (l->f[j].err || str_has_prefix(l->source, "none"))
				seq_printf(m, "%7s %6s %s\n", "-", "-", l->source);
			else
				seq_printf(m, "%7u %6u %s\n",
					   f->path ? l->f[j].offset : 0,
					   l->f[j].size, l->source);
		}
	}
	return 0;
}
NICMEM_EXPORT_IF_KUNIT(nicmem_layouts_show);

/* ---- Prometheus text exposition ---- */

/* A label value with \, " and newline escaped. */
static void nicmem_prom_label(struct seq_file *m, const char *name,
			      const char *val, bool first)
{
	seq_printf(m, "%s%s=\"", first ? "" : ",", name);
	for (; *val; val++) {
		if (*val == '\\' || *val == '"')
			seq_printf(m, "\\%c", *val);
		else if (*val == '\n')
			seq_puts(m, "\\n");
		else
			seq_putc(m, *val);
	}
	seq_putc(m, '"');
}

static void nicmem_prom_head(struct seq_file *m, const char *name,
			     const char *help)
{
	seq_printf(m, "# HELP %s %s\n# TYPE %s gauge\n", name, help, name);
}

/* the labels <what>_min and <what>_max of histogram bucket @b */
static void nicmem_prom_bucket(struct seq_file *m, unsigned int b,
			       const char *what, bool first)
{
	char name[32], val[24];
	u64 lo, hi;

	nicmem_bucket_range(b, &lo, &hi);
	snprintf(name, sizeof(name), "%s_min", what);
	snprintf(val, sizeof(val), "%llu", lo);
	nicmem_prom_label(m, name, val, first);
	snprintf(name, sizeof(name), "%s_max", what);
	if (hi == U64_MAX)
		strscpy(val, "+Inf", sizeof(val));
	else
		snprintf(val, sizeof(val), "%llu", hi);
	nicmem_prom_label(m, name, val, false);
}

/* name{netns="…",device="…",driver="…" */
static void nicmem_prom_iface(struct seq_file *m, const char *name,
			      const struct nicmem_iface *ifi)
{
	char ns[12];

	snprintf(ns, sizeof(ns), "%u", ifi->netns);
	seq_printf(m, "%s{", name);
	nicmem_prom_label(m, "netns", ns, true);
	nicmem_prom_label(m, "device", ifi->name, false);
	nicmem_prom_label(m, "driver", ifi->driver, false);
}

/* RX pages or bytes of every interface that has a figure */
static void nicmem_prom_rx(struct seq_file *m, const struct nicmem_ifaces *ifs,
			   bool bytes)
{
	const char *name = bytes ? "nicmem_rx_pinned_bytes" :
				   "nicmem_rx_pinned_pages";
	unsigned int i;

	nicmem_prom_head(m, name, bytes ?
			 "Bytes held by the interface's RX rings (how counted: rx_source of nicmem_interface_info)." :
			 "Pages held by the interface's RX rings (how counted: rx_source of nicmem_interface_info).");
	for (i = 0; i < ifs->nr; i++) {
		const struct nicmem_iface *ifi = &ifs->if_[i];

		if (ifi->source == NICMEM_RX_NONE)
			continue;
		nicmem_prom_iface(m, name, ifi);
		seq_printf(m, "} %llu\n", bytes ? ifi->rx_bytes : ifi->rx_pages);
	}
}

/* per queue pages and drained histograms (metrics_queues=1) */
static void nicmem_prom_queues(struct seq_file *m,
			       const struct nicmem_ifaces *ifs)
{
	char num[24];
	unsigned int i, q, b;

	nicmem_prom_head(m, "nicmem_rx_queue_pages",
			 "Pages held by one RX queue's ring, walked.");
	for (i = 0; i < ifs->nr; i++) {
		for (q = 0; q < ifs->if_[i].nr_rxq; q++) {
			snprintf(num, sizeof(num), "%u", q);
			nicmem_prom_iface(m, "nicmem_rx_queue_pages", &ifs->if_[i]);
			nicmem_prom_label(m, "queue", num, false);
			seq_printf(m, "} %llu\n", ifs->if_[i].rxq[q].pages);
		}
	}
	nicmem_prom_head(m, "nicmem_rx_queue_drained_pages",
			 "Walked ring pages of one RX queue by what the driver consumed of their bias (refill value - pagecnt_bias); log2 buckets.");
	for (i = 0; i < ifs->nr; i++) {
		const struct nicmem_iface *ifi = &ifs->if_[i];

		for (q = 0; q < ifi->nr_rxq; q++) {
			if (!nicmem_rxq_drains(ifi, &ifi->rxq[q]))
				continue;
			snprintf(num, sizeof(num), "%u", q);
			for (b = 0; b < NICMEM_HIST_BUCKETS; b++) {
				nicmem_prom_iface(m, "nicmem_rx_queue_drained_pages", ifi);
				nicmem_prom_label(m, "queue", num, false);
				nicmem_prom_bucket(m, b, "drained", false);
				seq_printf(m, "} %llu\n", ifi->rxq[q].drain_hist[b]);
			}
		}
	}
}

/* the bias/outside/drained/pp_frag histograms of each interface */
static void nicmem_prom_rings(struct seq_file *m, const struct nicmem_ifaces *ifs)
{
	unsigned int i, b, k;

	nicmem_prom_head(m, "nicmem_rx_ring_refs_pages",
			 "Walked ring pages (base pages) by pagecnt_bias (kind bias), by refcount - bias (kind outside) and by refill value - bias (kind drained); page_pool pages by fragment count (kind pp_frag); log2 buckets.");
	for (i = 0; i < ifs->nr; i++) {
		for (k = 0; k < ARRAY_SIZE(nicmem_iface_hist_kinds); k++) {
			const u64 *h = nicmem_iface_hist(&ifs->if_[i], k);

			if (!h)
				continue;
			for (b = 0; b < NICMEM_HIST_BUCKETS; b++) {
				nicmem_prom_iface(m, "nicmem_rx_ring_refs_pages",
						  &ifs->if_[i]);
				nicmem_prom_label(m, "kind",
						  nicmem_iface_hist_kinds[k], false);
				nicmem_prom_bucket(m, b, "refcount", false);
				seq_printf(m, "} %llu\n", h[b]);
			}
		}
	}
}

/* name{netns="-",device="-",driver="-": pools of no interface */
static void nicmem_prom_nobody(struct seq_file *m, const char *name)
{
	seq_printf(m, "%s{", name);
	nicmem_prom_label(m, "netns", "-", true);
	nicmem_prom_label(m, "device", "-", false);
	nicmem_prom_label(m, "driver", "-", false);
}

/* one pool's labels: its interface (or "-") and queue, and its id */
static void nicmem_prom_pool(struct seq_file *m, const char *name,
			     const struct nicmem_snapshot *snap,
			     const struct nicmem_pool *p, unsigned int idx)
{
	char num[24];

	if (p->iface >= 0)
		nicmem_prom_iface(m, name, &snap->ifaces.if_[p->iface]);
	else
		nicmem_prom_nobody(m, name);
	if (p->queue >= 0)
		snprintf(num, sizeof(num), "%d", p->queue);
	else
		strscpy(num, "-", sizeof(num));
	nicmem_prom_label(m, "queue", num, false);
	/* the netlink id where the kernel has one, else the row's index */
	snprintf(num, sizeof(num), "%u", p->id ?: idx);
	nicmem_prom_label(m, "pool", num, false);
	seq_puts(m, "} ");
}

/* the k-th figure of the pool families: pages, bytes, in flight, cached */
static u64 nicmem_pool_figure(const struct nicmem_pool_sum *sum,
			      unsigned int k, unsigned int page_size)
{
	return k == 0 ? sum->pages : k == 1 ? sum->pages * page_size :
	       k == 2 ? sum->inflight : sum->cached;
}

/*
 * The page_pool families: per interface, and the pools of no interface
 * as "-" (the pools file's per-interface rows); with metrics_queues=1 per
 * pool instead, labelled with its queue and id. An unreadable pool has no
 * in-flight or cached figure of its own.
 */
static void nicmem_prom_pools(struct seq_file *m,
			      const struct nicmem_snapshot *snap, bool per_pool)
{
	static const char * const names[] = {
		"nicmem_page_pool_pages", "nicmem_page_pool_bytes",
		"nicmem_page_pool_inflight_pages",
		"nicmem_page_pool_cached_pages",
	};
	static const char * const helps[] = {
		"Pages with pp_magic whose page->pp is a pool of this interface (census).",
		"Bytes of those pages.",
		"Allocations out of the page allocator (hold - release, as page_pool_inflight()).",
		"Allocations waiting in the pools' caches and rings (a sample).",
	};
	const struct nicmem_pools *ps = &snap->census.pools;
	struct nicmem_pool_sum sum;
	unsigned int i, k;

	for (k = 0; k < ARRAY_SIZE(names); k++) {
		nicmem_prom_head(m, names[k], helps[k]);
		if (per_pool) {
			for (i = 0; i < ps->nr; i++) {
				const struct nicmem_pool *p = &ps->pool[i];

				if (k >= 2 && p->err)
					continue;
				nicmem_prom_pool(m, names[k], snap, p, i);
				nicmem_pool_sum_of(p, &sum);
				seq_printf(m, "%llu\n", nicmem_pool_figure(&sum, k,
								snap->page_size));
			}
			continue;
		}
		for (i = 0; i < snap->ifaces.nr; i++) {
			const struct nicmem_iface *ifi = &snap->ifaces.if_[i];

			if (!ifi->pp_pools)
				continue;
			nicmem_iface_pool_sum(ifi, &sum);
			nicmem_prom_iface(m, names[k], ifi);
			seq_printf(m, "} %llu\n", nicmem_pool_figure(&sum, k,
							snap->page_size));
		}
		nicmem_pools_unclaimed(ps, &sum);
		if (sum.pools || sum.pages) {
			nicmem_prom_nobody(m, names[k]);
			seq_printf(m, "} %llu\n", nicmem_pool_figure(&sum, k,
							snap->page_size));
		}
	}
}

static void nicmem_prom_ifaces(struct seq_file *m,
			       const struct nicmem_snapshot *snap, bool queues)
{
	const struct nicmem_ifaces *ifs = &snap->ifaces;
	unsigned int i;
	char num[12];

	nicmem_prom_head(m, "nicmem_interface_info",
			 "One series per interface of every network namespace: its ifindex, bus, NUMA node (-1: none), operstate and how its RX figure is counted (rx_source).");
	for (i = 0; i < ifs->nr; i++) {
		const struct nicmem_iface *ifi = &ifs->if_[i];

		nicmem_prom_iface(m, "nicmem_interface_info", ifi);
		snprintf(num, sizeof(num), "%d", ifi->ifindex);
		nicmem_prom_label(m, "ifindex", num, false);
		nicmem_prom_label(m, "bus", ifi->bus, false);
		snprintf(num, sizeof(num), "%d", ifi->numa_node);
		nicmem_prom_label(m, "node", num, false);
		nicmem_prom_label(m, "operstate", nicmem_operstate(ifi), false);
		nicmem_prom_label(m, "rx_source",
				  nicmem_source_names[ifi->source], false);
		seq_puts(m, "} 1\n");
	}
	nicmem_prom_head(m, "nicmem_rx_queues", "Active RX queues (real_num_rx_queues).");
	for (i = 0; i < ifs->nr; i++) {
		nicmem_prom_iface(m, "nicmem_rx_queues", &ifs->if_[i]);
		seq_printf(m, "} %u\n", ifs->if_[i].rx_queues);
	}
	nicmem_prom_head(m, "nicmem_rx_ring_descriptors",
			 "RX ring size per queue (ethtool -g current), 0 if unknown.");
	for (i = 0; i < ifs->nr; i++) {
		nicmem_prom_iface(m, "nicmem_rx_ring_descriptors", &ifs->if_[i]);
		seq_printf(m, "} %u\n", ifs->if_[i].ring_cur);
	}
	nicmem_prom_rx(m, ifs, false);
	nicmem_prom_rx(m, ifs, true);
	nicmem_prom_rings(m, ifs);
	if (queues)
		nicmem_prom_queues(m, ifs);
	nicmem_prom_pools(m, snap, queues);
}

static void nicmem_prom_census(struct seq_file *m,
			       const struct nicmem_snapshot *snap, bool bytes)
{
	const struct nicmem_census *c = &snap->census;
	const char *name = bytes ? "nicmem_census_bytes" : "nicmem_census_pages";
	unsigned int i;
	char node[12];
	int cls;

	nicmem_prom_head(m, name, bytes ?
			 "Bytes by census class and NUMA node." :
			 "Pages by census class and NUMA node.");
	for (i = 0; i < c->nr_nodes; i++) {
		snprintf(node, sizeof(node), "%d", c->node[i].nid);
		for (cls = 0; cls < NICMEM_NR_CLASSES; cls++) {
			u64 pages = c->node[i].cls[cls].pages;

			seq_printf(m, "%s{", name);
			nicmem_prom_label(m, "node", node, true);
			nicmem_prom_label(m, "class", nicmem_class_names[cls],
					  false);
			seq_printf(m, "} %llu\n",
				   bytes ? pages * snap->page_size : pages);
		}
	}
}

NICMEM_VISIBLE_IF_KUNIT int nicmem_metrics_show(struct seq_file *m, void *v)
{
	const struct nicmem_snapshot *snap = m->private;
	const struct nicmem_census *c = &snap->census;
	u64 pinned = nicmem_class_pages(c, NICMEM_PINNED);
	struct nicmem_rx_sum sum;
	unsigned int b;

	seq_printf(m, "# nicmem - version: %d\n", NICMEM_FORMAT_VERSION);
	nicmem_prom_head(m, "nicmem_info", "nicmem output format version.");
	seq_printf(m, "nicmem_info{version=\"%d\"} 1\n", NICMEM_FORMAT_VERSION);
	nicmem_prom_head(m, "nicmem_page_size_bytes", "PAGE_SIZE of the running kernel.");
	seq_printf(m, "nicmem_page_size_bytes %u\n", snap->page_size);
	nicmem_prom_head(m, "nicmem_scan_duration_seconds", "Wall time of the page census.");
	seq_printf(m, "nicmem_scan_duration_seconds %llu.%09llu\n",
		   div_u64(c->duration_ns, NSEC_PER_SEC),
		   c->duration_ns % NSEC_PER_SEC);
	nicmem_prom_head(m, "nicmem_scan_timestamp_seconds", "When the snapshot was taken (Unix time).");
	seq_printf(m, "nicmem_scan_timestamp_seconds %lld\n",
		   (long long)snap->taken_real);
	nicmem_prom_head(m, "nicmem_memtotal_bytes", "MemTotal as /proc/meminfo reports it.");
	seq_printf(m, "nicmem_memtotal_bytes %llu\n", c->mem_total * snap->page_size);
	nicmem_prom_head(m, "nicmem_memfree_bytes", "MemFree as /proc/meminfo reports it.");
	seq_printf(m, "nicmem_memfree_bytes %llu\n", c->mem_free * snap->page_size);
	nicmem_prom_census(m, snap, false);
	nicmem_prom_census(m, snap, true);
	nicmem_prom_head(m, "nicmem_pinned_signature_pages",
			 "Unmapped non-LRU kernel pages with refcount at or above the threshold.");
	seq_printf(m, "nicmem_pinned_signature_pages %llu\n", pinned);
	nicmem_prom_head(m, "nicmem_pinned_signature_bytes",
			 "Bytes of unmapped non-LRU kernel pages with refcount at or above the threshold.");
	seq_printf(m, "nicmem_pinned_signature_bytes %llu\n",
		   pinned * snap->page_size);
	nicmem_prom_head(m, "nicmem_refcount_pages",
			 "Unmapped non-LRU kernel pages by refcount range (log2 buckets).");
	for (b = 0; b < NICMEM_HIST_BUCKETS; b++) {
		seq_puts(m, "nicmem_refcount_pages{");
		nicmem_prom_bucket(m, b, "refcount", true);
		seq_printf(m, "} %llu\n", c->hist[b]);
	}
	nicmem_rx_totals(snap, &sum);
	nicmem_prom_head(m, "nicmem_nic_rx_bytes",
			 "Bytes held by NIC RX rings over all interfaces with a figure.");
	seq_printf(m, "nicmem_nic_rx_bytes %llu\n", sum.bytes);
	nicmem_prom_head(m, "nicmem_pinned_signature_unattributed_pages",
			 "Pinned-signature pages that no walked ring holds.");
	seq_printf(m, "nicmem_pinned_signature_unattributed_pages %llu\n",
		   pinned - min(sum.claimed, pinned));
	/* read once: a write to the parameter mid-render changes no family */
	nicmem_prom_ifaces(m, snap, READ_ONCE(nicmem_metrics_queues));
	return 0;
}
NICMEM_EXPORT_IF_KUNIT(nicmem_metrics_show);

/* ---- file plumbing ---- */

struct nicmem_file {
	const char *name;
	int (*show)(struct seq_file *m, void *v);
};

static const struct nicmem_file nicmem_files[] = {
	{ "summary",	nicmem_summary_show },
	{ "census",	nicmem_census_show },
	{ "interfaces",	nicmem_interfaces_show },
	{ "histogram",	nicmem_histogram_show },
	{ "metrics",	nicmem_metrics_show },
	{ "queues",	nicmem_queues_show },
	{ "layouts",	nicmem_layouts_show },
	{ "pools",	nicmem_pools_show },
};

/*
 * Unload under readers. A file held open must neither keep the module
 * (an operator's rmmod would wait on a stuck cat or a scraper's open
 * file) nor call into it once it is gone. So the files have no .owner;
 * open() renders the whole text into the seq_file's buffer and drops the
 * snapshot there; read() and llseek() only copy from that buffer and run
 * through debugfs's proxy, which nicmem_debugfs_exit()'s removal waits
 * for and which answers -EIO after; release is single_release(), the
 * kernel's own. Debugfs still reads the file_operations at release, so
 * they are a kmalloc'd copy that outlives the module while a file is open.
 */

/* the largest text a file renders before open() gives up (-EFBIG) */
#define NICMEM_TEXT_MAX		(64 << 20)

/* @show over @snap into @m's buffer, growing it until the text fits */
static int nicmem_render(struct seq_file *m,
			 int (*show)(struct seq_file *m, void *v),
			 struct nicmem_snapshot *snap)
{
	int ret;

	m->private = snap;
	for (;;) {
		m->count = 0;
		ret = show(m, NULL);
		if (ret || !seq_has_overflowed(m))
			break;
		if (m->size >= NICMEM_TEXT_MAX) {
			ret = -EFBIG;
			break;
		}
		/* seq_release() kvfree()s the buffer, as seq_buf_alloc() */
		kvfree(m->buf);
		m->size <<= 1;
		m->buf = kvmalloc(m->size, GFP_KERNEL_ACCOUNT);
		if (!m->buf) {
			m->size = 0;
			ret = -ENOMEM;
			break;
		}
	}
	m->private = NULL;
	return ret;
}

static int nicmem_open(struct inode *inode, struct file *file)
{
	const struct nicmem_file *nf = inode->i_private;
	struct nicmem_snapshot *snap;
	size_t size;
	int ret;

	/*
	 * The files are 0400, but root's CAP_DAC_OVERRIDE opens them for
	 * writing all the same: refuse that here, before any census, rather
	 * than at the write (-EINVAL, as the files have no write op).
	 */
	if (file->f_mode & FMODE_WRITE)
		return -EACCES;
	snap = nicmem_snapshot_get();
	if (IS_ERR(snap))
		return PTR_ERR(snap);
	/* enough for the whole output, so show() usually runs once */
	size = 16384 + (size_t)snap->ifaces.nr * 1024 +
	       (size_t)snap->census.pools.nr * 256 +
	       (size_t)snap->census.nr_nodes * 4096;
	ret = single_open_size(file, nf->show, NULL, size);
	if (!ret) {
		ret = nicmem_render(file->private_data, nf->show, snap);
		if (ret)
			single_release(inode, file);
	}
	nicmem_snapshot_put(snap);
	return ret;
}

static ssize_t nicmem_read(struct file *file, char __user *buf, size_t len,
			   loff_t *ppos)
{
	const struct seq_file *m = file->private_data;

	return simple_read_from_buffer(buf, len, ppos, m->buf, m->count);
}

/* within the text only: a seek past its end is -EINVAL */
static loff_t nicmem_llseek(struct file *file, loff_t offset, int whence)
{
	const struct seq_file *m = file->private_data;

	return fixed_size_llseek(file, offset, whence, m->count);
}

static const struct file_operations nicmem_fops_template = {
	.open		= nicmem_open,
	.read		= nicmem_read,
	.llseek		= nicmem_llseek,
	.release	= single_release,
};

static const struct file_operations *nicmem_fops;
/* our own reference to each file, to count the opens left at exit */
static struct dentry *nicmem_dentries[ARRAY_SIZE(nicmem_files)];

void nicmem_debugfs_init(void)
{
	unsigned int i;

	nicmem_fops = kmemdup(&nicmem_fops_template, sizeof(*nicmem_fops),
			      GFP_KERNEL);
	if (!nicmem_fops)
		return;
	nicmem_dir = debugfs_create_dir("nicmem", NULL);
	/* NULL on failure before 5.0 (commit ff9fb72bc077), ERR_PTR since:
	 * never create the files at the debugfs root instead
	 */
	if (IS_ERR_OR_NULL(nicmem_dir))
		return;
	for (i = 0; i < ARRAY_SIZE(nicmem_files); i++) {
		struct dentry *d;

		d = debugfs_create_file(nicmem_files[i].name, 0400, nicmem_dir,
					(void *)&nicmem_files[i], nicmem_fops);
		if (!IS_ERR_OR_NULL(d))
			nicmem_dentries[i] = dget(d);
	}
}

/*
 * Removal waits for every open(), read() and llseek() in flight and
 * fails any later one; what is left of a file still open is its release.
 * Past the removal a dentry can gain no opener, and each open file holds
 * a reference to its dentry: a count above our own is a file still open
 * (or a passing lookup, counted the same: the copy is kept for nothing).
 */
void nicmem_debugfs_exit(void)
{
	unsigned int i, open = 0;

	debugfs_remove_recursive(nicmem_dir);
	nicmem_dir = NULL;
	for (i = 0; i < ARRAY_SIZE(nicmem_dentries); i++) {
		if (!nicmem_dentries[i])
			continue;
		if (d_count(nicmem_dentries[i]) > 1)
			open++;
		dput(nicmem_dentries[i]);
		nicmem_dentries[i] = NULL;
	}
	if (!open) {
		kfree(nicmem_fops);
	} else {
		kmemleak_not_leak(nicmem_fops);
		pr_info("unloaded with %u file(s) still open: their %zu-byte file_operations stay allocated for the close\n",
			open, sizeof(*nicmem_fops));
	}
	nicmem_fops = NULL;
}
