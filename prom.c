// SPDX-License-Identifier: GPL-2.0
/*
 * The metrics file: Prometheus text exposition of one snapshot, names and
 * labels stable across versions (README, tests/tools/fixtures).
 */
#include <linux/seq_file.h>
#include <linux/string.h>
#include "nicmem.h"
#include "compat.h"
#include "figures.h"

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

	static const char * const help[] = {
		"Pages held by the interface's RX rings (how counted: rx_source of nicmem_interface_info).",
		"Bytes held by the interface's RX rings (how counted: rx_source of nicmem_interface_info).",
	};

	nicmem_prom_head(m, name, help[bytes]);
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

int nicmem_metrics_show(struct seq_file *m, void *v)
{
	const struct nicmem_snapshot *snap = m->private;
	const struct nicmem_census *c = &snap->census;
	struct nicmem_rx_sum sum;
	unsigned int b;

	nicmem_rx_totals(snap, &sum);	/* once: every figure below */
	seq_printf(m, "# nicmem - version: %d\n", NICMEM_FORMAT_VERSION);
	nicmem_prom_head(m, "nicmem_info", "nicmem output format version.");
	seq_printf(m, "nicmem_info{version=\"%d\"} 1\n", NICMEM_FORMAT_VERSION);
	nicmem_prom_head(m, "nicmem_page_size_bytes", "PAGE_SIZE of the running kernel.");
	seq_printf(m, "nicmem_page_size_bytes %u\n", snap->page_size);
	nicmem_prom_head(m, "nicmem_scan_duration_seconds", "Wall time of the page census.");
	seq_printf(m, "nicmem_scan_duration_seconds %llu.%09llu\n",
		   div_u64(c->duration_ns, NSEC_PER_SEC),
		   c->duration_ns % NSEC_PER_SEC);
	nicmem_prom_head(m, "nicmem_scan_timestamp_seconds",
			 "When the snapshot was taken (Unix time).");
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
	seq_printf(m, "nicmem_pinned_signature_pages %llu\n", sum.pinned);
	nicmem_prom_head(m, "nicmem_pinned_signature_bytes",
			 "Bytes of unmapped non-LRU kernel pages with refcount at or above the threshold.");
	seq_printf(m, "nicmem_pinned_signature_bytes %llu\n",
		   sum.pinned * snap->page_size);
	nicmem_prom_head(m, "nicmem_refcount_pages",
			 "Unmapped non-LRU kernel pages by refcount range (log2 buckets).");
	for (b = 0; b < NICMEM_HIST_BUCKETS; b++) {
		seq_puts(m, "nicmem_refcount_pages{");
		nicmem_prom_bucket(m, b, "refcount", true);
		seq_printf(m, "} %llu\n", c->hist[b]);
	}
	nicmem_prom_head(m, "nicmem_nic_rx_bytes",
			 "Bytes held by NIC RX rings over all interfaces with a figure.");
	seq_printf(m, "nicmem_nic_rx_bytes %llu\n", sum.bytes);
	nicmem_prom_head(m, "nicmem_pinned_signature_unattributed_pages",
			 "Pinned-signature pages that no walked ring and no page_frag cache holds.");
	seq_printf(m, "nicmem_pinned_signature_unattributed_pages %llu\n",
		   sum.unattributed);
	nicmem_prom_head(m, "nicmem_pinned_signature_page_frag_pages",
			 "Pinned-signature pages that the networking core's per-CPU page_frag caches hold.");
	seq_printf(m, "nicmem_pinned_signature_page_frag_pages %llu\n",
		   sum.in_frag);
	nicmem_prom_head(m, "nicmem_page_frag_caches",
			 "Per-CPU page_frag caches read (netdev_alloc_cache, napi_alloc_cache); 0 when the kernel's BTF cannot place them.");
	seq_printf(m, "nicmem_page_frag_caches %u\n", snap->frag.caches);
	nicmem_prom_head(m, "nicmem_page_frag_pages",
			 "Base pages of the page_frag caches' current pages.");
	seq_printf(m, "nicmem_page_frag_pages %llu\n", snap->frag.pages);
	/* read once: a write to the parameter mid-render changes no family */
	nicmem_prom_ifaces(m, snap, READ_ONCE(nicmem_metrics_queues));
	return 0;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_metrics_show);
