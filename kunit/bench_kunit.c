// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit benchmark: the census over all of memory against a bare loop that
 * only reads each page's refcount, in the same run, on idle and on busy
 * memory; the seed's ring walk (ring_fixture.c); and from those, one line
 *
 *	bench: key=value ...
 *
 * with the ratios, the cost per descriptor, a projection to the seeds'
 * host and the census's own memory per GiB of RAM. Figures only: it
 * asserts that the census and the loop saw the same pages, never anything
 * about time (under a debug kernel the times mean nothing).
 */
#include <kunit/test.h>
#include <linux/ktime.h>
#include <linux/memory_hotplug.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/sort.h>
#include <linux/vmalloc.h>
#include "nicmem.h"
#include "kunit_walk.h"

#define RUNS 21	/* best of: the host may be busy too */

/* The seeds' host: 512 GiB in 64 KiB pages, 2 ports x 119 queues x 4096 */
#define SEED_PFNS	(512ULL << 30 >> 16)
#define SEED_DESCS	(2ULL * 119 * 4096)

enum { IDLE, BUSY, NR_KINDS };

/* What the cases measured, for the summary case (-1: not measured) */
static struct {
	u64 census_ns[NR_KINDS], bare_ns[NR_KINDS];
	u64 speed[NR_KINDS];	/* median of bare / census, x100, run by run */
	u64 in_use[NR_KINDS];	/* pages the census looked at one by one */
	u64 ring_ns, ring_bare_ns, descs;
	size_t census_bytes;
	bool done[NR_KINDS];
} fig;

static u64 bare_loop(u64 *pages, long *sink)
{
	u64 start = ktime_get_ns();
	unsigned long pfn;
	long sum = 0;
	int nid;

	*pages = 0;
	for_each_online_node(nid) {
		for (pfn = node_start_pfn(nid); pfn < node_end_pfn(nid); pfn++) {
			struct page *page = pfn_to_online_page(pfn);

			if (!(pfn & 4095))
				cond_resched();
			if (!page || page_to_nid(page) != nid)
				continue;
			sum += page_ref_count(page);
			(*pages)++;
		}
	}
	*sink = sum;
	return ktime_get_ns() - start;
}

/* @a / @b with two decimals, as "x.yy" */
static void ratio(char *buf, size_t len, u64 a, u64 b)
{
	u64 r = a * 100 / max(b, 1ULL);

	snprintf(buf, len, "%llu.%02llu", r / 100, r % 100);
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/*
 * The census and the bare loop, RUNS times one after the other. The speed
 * is the median of each run's bare / census: a host busy for a while
 * slows both of a pair alike, and a median ignores the odd disturbed one
 * (the times reported are the best of each).
 */
static void bench_run(struct kunit *test, int kind, const char *what)
{
	u64 census_ns = U64_MAX, bare_ns = U64_MAX, counted = 0, pages = 0;
	u64 free_pages = 0, speed[RUNS], b;
	struct nicmem_census c;
	unsigned int i, n;
	char r[24];
	long sink;
	int cls;

	for (i = 0; i < RUNS; i++) {
		KUNIT_ASSERT_EQ(test, nicmem_census_init(&c), 0);
		KUNIT_ASSERT_EQ(test, nicmem_census_walk(&c, 1024), 0);
		census_ns = min(census_ns, c.duration_ns);
		counted = 0;
		free_pages = 0;
		for (n = 0; n < c.nr_nodes; n++) {
			for (cls = 0; cls < NICMEM_NR_CLASSES; cls++)
				counted += c.node[n].cls[cls].pages;
			free_pages += c.node[n].cls[NICMEM_FREE].pages;
		}
		/* what the census holds while it counts, whatever the RAM */
		fig.census_bytes = sizeof(c) + c.nr_nodes * sizeof(*c.node) +
				   NICMEM_POOL_SLOTS * sizeof(*c.pools.pool);
		nicmem_census_free(&c);
		b = bare_loop(&pages, &sink);
		bare_ns = min(bare_ns, b);
		speed[i] = div64_u64(b * 100, max(c.duration_ns, 1ULL));
	}
	KUNIT_EXPECT_EQ(test, counted, pages);
	sort(speed, RUNS, sizeof(speed[0]), cmp_u64, NULL);
	fig.census_ns[kind] = census_ns;
	fig.bare_ns[kind] = bare_ns;
	fig.speed[kind] = speed[RUNS / 2];
	fig.in_use[kind] = counted - free_pages;
	fig.done[kind] = true;
	ratio(r, sizeof(r), fig.speed[kind], 100);
	kunit_info(test, "bench (%s): census %llu pages (%llu not in free blocks) in %llu us; bare refcount loop %llu us (best of %u each); census speed %sx the bare loop (median of the %u runs)\n",
		   what, counted, counted - free_pages, census_ns / 1000,
		   bare_ns / 1000, RUNS, r, RUNS);
}

/* The census skips free buddy blocks whole, which flatters it on an idle
 * machine: the comparison that matters is on memory in use.
 */
static void bench_census_idle(struct kunit *test)
{
	bench_run(test, IDLE, "idle memory");
}

/* Half of the free memory taken as single pages, as a busy host has it. */
static void bench_census_busy(struct kunit *test)
{
	unsigned long nr, i, got = 0;
	struct page **pages;
	struct sysinfo si;

	si_meminfo(&si);
	nr = si.freeram / 2;
	pages = vmalloc(array_size(nr, sizeof(*pages)));
	KUNIT_ASSERT_NOT_NULL(test, pages);
	for (i = 0; i < nr; i++) {
		pages[i] = alloc_page(GFP_KERNEL | __GFP_NOWARN);
		if (!pages[i])
			break;
		got++;
		if (!(i & 4095))
			cond_resched();
	}
	kunit_info(test, "bench: %lu pages (%lu MiB) taken as single pages\n",
		   got, got * PAGE_SIZE >> 20);
	bench_run(test, BUSY, "half of memory in single pages");
	for (i = 0; i < got; i++)
		__free_page(pages[i]);
	vfree(pages);
}

/* The seed's i40e port walked by the bias ring walk. */
static void bench_ring(struct kunit *test)
{
	nicmem_kunit_ring_bench(test, &fig.ring_ns, &fig.ring_bare_ns, &fig.descs);
}

/*
 * The one line. seed_host_scan_ms projects one full scan of the seeds'
 * host from this run's costs: every one of its pfns at the busy census's
 * cost per page in use (free blocks cost next to nothing, so this is an
 * upper bound) plus every descriptor at the ring walk's cost.
 * /proc/kpageflags cannot be read from inside the kernel (its read copies
 * to user space), so that ratio comes from the guest test, which reads it.
 */
static void bench_summary(struct kunit *test)
{
	char busy[24] = "na", idle[24] = "na", desc[24] = "na", seed[24] = "na";
	char ring[24] = "na";
	struct sysinfo si;
	u64 ram;

	if (!fig.done[BUSY] || !fig.done[IDLE] || !fig.descs)
		kunit_skip(test, "a benchmark case did not run");
	ratio(busy, sizeof(busy), fig.speed[BUSY], 100);
	ratio(idle, sizeof(idle), fig.speed[IDLE], 100);
	ratio(desc, sizeof(desc), fig.ring_ns, fig.descs);
	ratio(ring, sizeof(ring), fig.ring_bare_ns, fig.ring_ns);
	/* ns per page x pfns + ns per descriptor x descriptors, in ms */
	ratio(seed, sizeof(seed),
	      div64_u64(fig.census_ns[BUSY] * 100, max(fig.in_use[BUSY], 1ULL)) *
	      SEED_PFNS / 100 + div64_u64(fig.ring_ns * SEED_DESCS, fig.descs),
	      1000000);
	si_meminfo(&si);
	ram = (u64)si.totalram * si.mem_unit;
	kunit_info(test, "bench: census_vs_bare_busy=%s census_vs_bare_idle=%s ns_per_desc=%s census_vs_kpageflags=na(read_by_the_guest_test) seed_host_scan_ms=%s bytes_per_gib=%llu census_bytes=%zu ns_per_page_busy=%llu.%02llu page_size=%lu ring_vs_bare=%s\n",
		   busy, idle, desc, seed,
		   div64_u64((u64)fig.census_bytes << 30, max(ram, 1ULL)),
		   fig.census_bytes,
		   div64_u64(fig.census_ns[BUSY], max(fig.in_use[BUSY], 1ULL)),
		   div64_u64(fig.census_ns[BUSY] * 100,
			     max(fig.in_use[BUSY], 1ULL)) % 100,
		   PAGE_SIZE, ring);
}

static struct kunit_case bench_cases[] = {
	KUNIT_CASE(bench_census_idle),
	KUNIT_CASE(bench_census_busy),
	KUNIT_CASE(bench_ring),
	KUNIT_CASE(bench_summary),	/* last: prints what the others measured */
	{}
};

static struct kunit_suite bench_suite = {
	.name = "nicmem_bench",
	.test_cases = bench_cases,
};

kunit_test_suites(&bench_suite);
