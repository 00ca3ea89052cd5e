// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit benchmark: the census over all of memory against a bare loop that
 * only reads each page's refcount, in the same run. It prints figures and
 * asserts only that both saw the same pages, never anything about time.
 */
#include <kunit/test.h>
#include <linux/ktime.h>
#include <linux/memory_hotplug.h>
#include <linux/mm.h>
#include <linux/sched.h>
#include <linux/vmalloc.h>
#include "nicmem.h"

#define RUNS 3

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

static void bench_run(struct kunit *test, const char *what)
{
	u64 census_ns = U64_MAX, bare_ns = U64_MAX, counted = 0, pages = 0;
	struct nicmem_census c;
	unsigned int i, n;
	long sink;
	int cls;

	for (i = 0; i < RUNS; i++) {
		KUNIT_ASSERT_EQ(test, nicmem_census_init(&c), 0);
		KUNIT_ASSERT_EQ(test, nicmem_census_walk(&c, 1024), 0);
		census_ns = min(census_ns, c.duration_ns);
		counted = 0;
		for (n = 0; n < c.nr_nodes; n++)
			for (cls = 0; cls < NICMEM_NR_CLASSES; cls++)
				counted += c.node[n].cls[cls].pages;
		nicmem_census_free(&c);
		bare_ns = min(bare_ns, bare_loop(&pages, &sink));
	}
	KUNIT_EXPECT_EQ(test, counted, pages);
	kunit_info(test, "bench (%s): census %llu pages in %llu us = %llu M pages/s (%llu.%02llu ns/page); bare refcount loop %llu us = %llu M pages/s; census speed %llu.%02llux the bare loop\n",
		   what, counted, census_ns / 1000, counted * 1000 / max(census_ns, 1ULL),
		   census_ns / max(counted, 1ULL),
		   census_ns * 100 / max(counted, 1ULL) % 100,
		   bare_ns / 1000, pages * 1000 / max(bare_ns, 1ULL),
		   bare_ns / max(census_ns, 1ULL),
		   bare_ns * 100 / max(census_ns, 1ULL) % 100);
}

/* The census skips free buddy blocks whole, which flatters it on an idle
 * machine: the comparison that matters is on memory in use.
 */
static void bench_census_idle(struct kunit *test)
{
	bench_run(test, "idle memory");
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
	bench_run(test, "half of memory in single pages");
	for (i = 0; i < got; i++)
		__free_page(pages[i]);
	vfree(pages);
}

static struct kunit_case bench_cases[] = {
	KUNIT_CASE(bench_census_idle),
	KUNIT_CASE(bench_census_busy),
	{}
};

static struct kunit_suite bench_suite = {
	.name = "nicmem_bench",
	.test_cases = bench_cases,
};

kunit_test_suites(&bench_suite);
