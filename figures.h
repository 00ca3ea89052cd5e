/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The figures every output derives from a snapshot (sums over nodes,
 * interfaces and pools, the names of sources and histogram kinds), so the
 * text tables (text.c) and the Prometheus metrics (prom.c) print the same
 * numbers from one definition.
 */
#ifndef _NICMEM_FIGURES_H
#define _NICMEM_FIGURES_H

#include "nicmem.h"

extern const char * const nicmem_source_names[NICMEM_RX_NR_SOURCES];
const char *nicmem_operstate(const struct nicmem_iface *ifi);

u64 nicmem_class_pages(const struct nicmem_census *c, enum nicmem_class cls);
u64 nicmem_counted_pages(const struct nicmem_census *c);

/* page_pool figures of one pool, one interface's or no interface's */
struct nicmem_pool_sum {
	u64 pools, pages, remote, inflight, cached;
};

/*
 * The RX figure over all interfaces, and the census's pinned-signature
 * pages split by who holds them: the walked rings, the page_frag caches
 * (frag.c), nobody known. Pages the rings or caches claim beyond the
 * census's count (each is a sample of its own) are capped, rings first.
 */
struct nicmem_rx_sum {
	u64 bytes;
	unsigned int exact, estimate, page_pool;
	u64 claimed;		/* ring pages with the pinned signature */
	u64 pinned;		/* the census's pinned-signature pages */
	u64 in_rings;		/* of those, in walked rings */
	u64 in_frag;		/* then, in the page_frag caches */
	u64 unattributed;	/* the rest */
};

void nicmem_rx_totals(const struct nicmem_snapshot *snap,
		      struct nicmem_rx_sum *sum);
void nicmem_pool_sum_of(const struct nicmem_pool *p,
			struct nicmem_pool_sum *sum);
void nicmem_iface_pool_sum(const struct nicmem_iface *ifi,
			   struct nicmem_pool_sum *sum);
void nicmem_pools_unclaimed(const struct nicmem_pools *ps,
			    struct nicmem_pool_sum *sum);

/* the per-interface histograms: bias, outside, drained, pp_frag */
#define NICMEM_IFACE_HIST_KINDS	4
extern const char * const nicmem_iface_hist_kinds[NICMEM_IFACE_HIST_KINDS];
const u64 *nicmem_iface_hist(const struct nicmem_iface *ifi, unsigned int k);
bool nicmem_rxq_drains(const struct nicmem_iface *ifi,
		       const struct nicmem_rxq *q);
bool nicmem_rxq_counted(const struct nicmem_rxq *q);
void nicmem_bucket_range(unsigned int b, u64 *lo, u64 *hi);

#endif /* _NICMEM_FIGURES_H */
