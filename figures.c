// SPDX-License-Identifier: GPL-2.0
/*
 * The figures every output derives from a snapshot (figures.h): computed
 * here once, printed by text.c and prom.c.
 */
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/string.h>
#include "figures.h"

const char * const nicmem_source_names[NICMEM_RX_NR_SOURCES] = {
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

const char *nicmem_operstate(const struct nicmem_iface *ifi)
{
	if (ifi->operstate < ARRAY_SIZE(nicmem_operstates))
		return nicmem_operstates[ifi->operstate];
	return "unknown";
}

u64 nicmem_class_pages(const struct nicmem_census *c,
		       enum nicmem_class cls)
{
	u64 pages = 0;
	unsigned int i;

	for (i = 0; i < c->nr_nodes; i++)
		pages += c->node[i].cls[cls].pages;
	return pages;
}

u64 nicmem_counted_pages(const struct nicmem_census *c)
{
	u64 pages = 0;
	int cls;

	for (cls = 0; cls < NICMEM_NR_CLASSES; cls++)
		pages += nicmem_class_pages(c, cls);
	return pages;
}

void nicmem_rx_totals(const struct nicmem_snapshot *snap,
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
	sum->pinned = nicmem_class_pages(&snap->census, NICMEM_PINNED);
	sum->in_rings = min(sum->claimed, sum->pinned);
	sum->in_frag = min(snap->frag.pinned, sum->pinned - sum->in_rings);
	sum->unattributed = sum->pinned - sum->in_rings - sum->in_frag;
}

/* one pool's figures as a row of its own */
void nicmem_pool_sum_of(const struct nicmem_pool *p,
			struct nicmem_pool_sum *sum)
{
	*sum = (struct nicmem_pool_sum){
		.pools = 1, .pages = p->pages, .remote = p->remote,
		.inflight = p->inflight, .cached = p->cached,
	};
}

/* an interface's pools, as pool.c summed them */
void nicmem_iface_pool_sum(const struct nicmem_iface *ifi,
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
void nicmem_pools_unclaimed(const struct nicmem_pools *ps,
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

/* The per-interface histograms, by kind: bias, outside and drained of
 * walked bias rings, pp_frag of interfaces with page_pools. Every one
 * counts base pages (PAGE_SIZE).
 */
const char * const nicmem_iface_hist_kinds[NICMEM_IFACE_HIST_KINDS] = {
	"bias", "outside", "drained", "pp_frag"
};

/* A walked bias ring's interface: it has bias histograms */
static bool nicmem_iface_biased(const struct nicmem_iface *ifi)
{
	return ifi->source == NICMEM_RX_EXACT && ifi->biased;
}

/* @ifi's histogram of kind @k, or NULL when it has none of that kind */
const u64 *nicmem_iface_hist(const struct nicmem_iface *ifi,
			     unsigned int k)
{
	switch (k) {
	case 0:
		return nicmem_iface_biased(ifi) ? ifi->bias_hist : NULL;
	case 1:
		return nicmem_iface_biased(ifi) ? ifi->refs_hist : NULL;
	case 2:
		return nicmem_iface_biased(ifi) ? ifi->drain_hist : NULL;
	default:
		return ifi->pp_pools ? ifi->pp_frag_hist : NULL;
	}
}

/* A walked bias ring's queue: it has a drain histogram */
bool nicmem_rxq_drains(const struct nicmem_iface *ifi,
		       const struct nicmem_rxq *q)
{
	return nicmem_iface_biased(ifi) && !q->kind && !q->zerocopy;
}

/* A queue whose own buffers were counted (with_page, pinned): a bias
 * ring's or a virtqueue's, not a pool's queue
 */
bool nicmem_rxq_counted(const struct nicmem_rxq *q)
{
	return !q->kind || q->counted;
}

/* [lo, hi] of a histogram bucket; hi is U64_MAX for the last one */
void nicmem_bucket_range(unsigned int b, u64 *lo, u64 *hi)
{
	*lo = b ? 1ULL << (b - 1) : 0;
	*hi = b == NICMEM_HIST_BUCKETS - 1 ? U64_MAX : b ? (1ULL << b) - 1 : 0;
}
