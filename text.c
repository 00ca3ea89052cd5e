// SPDX-License-Identifier: GPL-2.0
/*
 * The text files of /sys/kernel/debug/nicmem/ (summary, census,
 * interfaces, histogram, queues, pools, layouts): fixed-width tables with
 * a version line and "#" headers, from one snapshot.
 */
#include <linux/seq_file.h>
#include <linux/string.h>
#include <linux/math64.h>
#include "nicmem.h"
#include "compat.h"
#include "figures.h"
#include "drivers/adaptor.h"

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

static void nicmem_print_verdict(struct seq_file *m,
				 const struct nicmem_snapshot *snap,
				 const struct nicmem_rx_sum *rx)
{
	const struct nicmem_census *c = &snap->census;
	u64 total = c->mem_total * snap->page_size;
	u64 pinned = rx->pinned;

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
	/* appended after "unattributed", so the older reading still parses */
	seq_printf(m, " of MemTotal; %llu pages, refcount >= %u; %llu in walked rings, %llu unattributed, %llu in page_frag caches)\n",
		   pinned, c->threshold, rx->in_rings, rx->unattributed,
		   rx->in_frag);
}

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

/* The networking core's page_frag caches (frag.c): read, or why not */
static void nicmem_print_frag(struct seq_file *m,
			      const struct nicmem_snapshot *snap)
{
	const struct nicmem_frag *f = &snap->frag;

	seq_printf(m, "page_frag: caches %u unreadable %u with_page %u pages %llu pinned %llu source %s\n",
		   f->caches, f->unreadable, f->with_page, f->pages, f->pinned,
		   f->err ? f->why : "btf_percpu");
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
			if (!nicmem_rxq_counted(r))
				seq_printf(m, "%9s %7s ", "-", "-");
			else
				seq_printf(m, "%9u %7u ", r->with_page,
					   r->descs - r->with_page);
			seq_printf(m, "%5u %8llu %16llu %8llu ", r->order,
				   r->pages, r->pages * snap->page_size,
				   r->remote);
			if (!nicmem_rxq_counted(r))
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

int nicmem_summary_show(struct seq_file *m, void *v)
{
	const struct nicmem_snapshot *snap = m->private;
	struct nicmem_rx_sum rx;

	nicmem_rx_totals(snap, &rx);	/* once, for both lines */
	nicmem_header(m);
	nicmem_print_verdict(m, snap, &rx);
	nicmem_print_severity(m, snap, &rx);
	nicmem_print_top(m, snap);
	nicmem_print_scan(m, snap);
	nicmem_print_frag(m, snap);
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
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_summary_show);

int nicmem_census_show(struct seq_file *m, void *v)
{
	nicmem_header(m);
	nicmem_print_census(m, m->private);
	return 0;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_census_show);

int nicmem_interfaces_show(struct seq_file *m, void *v)
{
	nicmem_header(m);
	nicmem_print_ifaces(m, m->private);
	return 0;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_interfaces_show);

int nicmem_histogram_show(struct seq_file *m, void *v)
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
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_histogram_show);

int nicmem_queues_show(struct seq_file *m, void *v)
{
	nicmem_header(m);
	seq_puts(m, "# every RX queue of every interface whose rings were walked; page_pool queues (state striding/cyclic): pages are the queue's pool's, desc_pages the pages one WQE spans, stride its bytes per stride\n");
	nicmem_print_queues(m, m->private);
	return 0;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_queues_show);

int nicmem_pools_show(struct seq_file *m, void *v)
{
	nicmem_header(m);
	seq_puts(m, "# every page_pool the census met: pages with pp_magic by page->pp; its interface and how it was found (device: the pool's DMA device); inflight = hold - release (allocations out of the page allocator), cached = in the pool's cache and ring\n");
	nicmem_print_pools(m, m->private);
	return 0;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_pools_show);

int nicmem_layouts_show(struct seq_file *m, void *v)
{
	const struct nicmem_snapshot *snap = m->private;
	unsigned int i, j;

	nicmem_header(m);
	seq_puts(m, "# driver private-struct members, resolved by name at run time; source says from what\n");
	seq_puts(m, "#driver    struct                 member                  offset   size source\n");
	for (i = 0; i < snap->nr_layouts; i++) {
		const struct nicmem_layout *l = &snap->layouts[i];
		const struct nicmem_adaptor *ad = l->ad;
		bool part = l->usable && l->err;	/* nicmem.h */

		for (j = 0; j < ad->nr_fields; j++) {
			const struct nicmem_field *f = &ad->fields[j];

			seq_printf(m, "%-10s %-22s %-22s ", ad->driver, f->sname,
				   f->path ?: "-");
			/* a BTF layout that lacks members: each says whether
			 * this kernel's driver has it
			 */
			if (part && l->f[j].err)
				seq_printf(m, "%7s %6s none:no_member(%d)\n", "-", "-",
					   l->f[j].err);
			else if (l->f[j].err || !l->usable)
				seq_printf(m, "%7s %6s %s\n", "-", "-", l->source);
			else
				seq_printf(m, "%7u %6u %s\n",
					   f->path ? l->f[j].offset : 0,
					   l->f[j].size, part ? "btf" : l->source);
		}
	}
	return 0;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_layouts_show);
