// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the exact ring walk of ixgbe, i40e and igb, on net_devices whose
 * private data is built from the real drivers' structs (6.1 headers) and
 * whose rings are filled as the drivers fill them (tests/rings/), with the
 * layout nicmem resolved at run time (compiled from the same headers: UML
 * has no BTF). Then thousands of corrupted variants: wrong back-pointers,
 * counts out of range, NULL and foreign pointers, garbage page pointers
 * (and, where faults are real, unmapped pointers) must make the walk
 * decline with a reason, never fault; so must thousands of garbage
 * layouts on intact rings. The fixture and the seed's ring timed for
 * the benchmark suite: ring_fixture.c.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/ktime.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/rtnetlink.h>
#include "compat.h"
#include "nicmem.h"
#include "census.h"
#include "drivers/adaptor.h"
#include "kunit_walk.h"
#include "ring_fixture.h"

struct ring_case {
	const char *driver;
	unsigned int order, queues, ring;
};

static const struct ring_case ring_cases[] = {
	{ "ixgbe", 0, 4, 512 }, { "ixgbe", 1, 3, 256 },
	{ "i40e", 0, 4, 512 }, { "i40e", 1, 2, 1024 },
	{ "igb", 0, 4, 256 }, { "igb", 1, 8, 64 },
};

static void ring_desc(const struct ring_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s order %u %ux%u", c->driver,
		 c->order, c->queues, c->ring);
}

KUNIT_ARRAY_PARAM(ring, ring_cases, ring_desc);

static void rings_exact(struct kunit *test)
{
	const struct ring_case *c = test->param_value;
	u64 bias_h[NICMEM_HIST_BUCKETS] = {}, out_h[NICMEM_HIST_BUCKETS] = {};
	u64 drain_h[NICMEM_HIST_BUCKETS] = {};
	struct ring_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	u64 total = 0, hsum;
	unsigned int q, b;

	KUNIT_ASSERT_NOT_NULL(test, f);
	KUNIT_ASSERT_EQ(test, ring_fixture_init(test, f, c->driver, c->order,
						c->queues, c->ring), 0);
	KUNIT_ASSERT_EQ_MSG(test, ring_fixture_walk(f), 0, "%s", f->ifi.note);
	KUNIT_EXPECT_EQ(test, f->ifi.nr_rxq, c->queues);
	for (q = 0; q < f->ifi.nr_rxq; q++) {
		const struct nicmem_rxq *r = &f->ifi.rxq[q];
		struct fakering_q e;

		fakering_expect(&f->fd, q, 1024, &e, bias_h, out_h, drain_h);
		KUNIT_EXPECT_EQ(test, r->descs, e.descs);
		KUNIT_EXPECT_EQ(test, r->with_page, e.with_page);
		KUNIT_EXPECT_EQ(test, r->order, f->fd.order);
		KUNIT_EXPECT_EQ(test, r->pages, e.pages);
		KUNIT_EXPECT_EQ(test, r->pinned, e.pinned);
		KUNIT_EXPECT_EQ(test, r->remote, 0ULL);
		KUNIT_EXPECT_FALSE(test, r->zerocopy);
		/* the drain the traffic left on this queue, in base pages */
		for (b = 0, hsum = 0; b < NICMEM_HIST_BUCKETS; b++) {
			KUNIT_EXPECT_EQ_MSG(test, r->drain_hist[b], e.drain_h[b],
					    "q%u drained bucket %u", q, b);
			hsum += r->drain_hist[b];
		}
		KUNIT_EXPECT_EQ(test, hsum, r->pages);
		total += e.pages;
	}
	for (b = 0; b < NICMEM_HIST_BUCKETS; b++) {
		KUNIT_EXPECT_EQ_MSG(test, f->ifi.bias_hist[b], bias_h[b], "bias bucket %u", b);
		KUNIT_EXPECT_EQ_MSG(test, f->ifi.refs_hist[b], out_h[b], "outside bucket %u", b);
		KUNIT_EXPECT_EQ_MSG(test, f->ifi.drain_hist[b], drain_h[b], "drained bucket %u", b);
	}
	/* every histogram counts base pages: each sums to the queues' pages */
	for (b = 0, hsum = 0; b < NICMEM_HIST_BUCKETS; b++)
		hsum += f->ifi.bias_hist[b];
	KUNIT_EXPECT_EQ(test, hsum, total);
	KUNIT_EXPECT_EQ(test, f->ifi.rx_pages, total);
	KUNIT_EXPECT_EQ(test, f->ifi.rx_bytes, total * PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, str_has_prefix(f->ifi.note, "walked_"));
	ring_fixture_exit(f);
}

/* Known drains: every descriptor of queue q has given up 300 << q of its
 * bias (the driver's refill value, USHRT_MAX, minus pagecnt_bias); the
 * walk must put each queue's pages, as base pages, in the one bucket
 * holding 300 << q (9, 10, 11, 12), and the interface's histogram must
 * be the queues' sum. The biases are put back before the rings go.
 */
static void rings_drain_known(struct kunit *test)
{
	const struct ring_case *c = test->param_value;
	struct ring_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	static const unsigned int want_bucket[] = { 9, 10, 11, 12 };
	u16 *saved;
	unsigned int q, i, b, nq = 4, ring = 128;
	u64 pages = 0;

	KUNIT_ASSERT_NOT_NULL(test, f);
	KUNIT_ASSERT_EQ(test, ring_fixture_init(test, f, c->driver, c->order, nq, ring), 0);
	KUNIT_EXPECT_EQ(test, f->ad->bias_ring->refill, (u32)USHRT_MAX);
	saved = kunit_kcalloc(test, nq * ring, sizeof(*saved), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, saved);
	for (q = 0; q < nq; q++) {
		for (i = 0; i < ring; i++) {
			u16 *bias = f->fd.ops->slot_bias(f->fd.dev, q, i);

			saved[q * ring + i] = *bias;
			*bias = USHRT_MAX - (300U << q);
		}
	}
	KUNIT_EXPECT_EQ_MSG(test, ring_fixture_walk(f), 0, "%s", f->ifi.note);
	for (q = 0; q < f->ifi.nr_rxq && q < nq; q++) {
		const struct nicmem_rxq *r = &f->ifi.rxq[q];

		KUNIT_EXPECT_EQ(test, nicmem_drain_bucket(USHRT_MAX,
							  USHRT_MAX - (300U << q)),
				want_bucket[q]);
		KUNIT_EXPECT_EQ(test, r->pages, (u64)r->with_page << f->fd.order);
		for (b = 0; b < NICMEM_HIST_BUCKETS; b++)
			KUNIT_EXPECT_EQ_MSG(test, r->drain_hist[b],
					    b == want_bucket[q] ? r->pages : 0,
					    "q%u bucket %u", q, b);
		pages += r->pages;
	}
	for (b = 0; b < NICMEM_HIST_BUCKETS; b++) {
		u64 want = 0;

		for (q = 0; q < f->ifi.nr_rxq && q < nq; q++)
			want += f->ifi.rxq[q].drain_hist[b];
		KUNIT_EXPECT_EQ_MSG(test, f->ifi.drain_hist[b], want, "bucket %u", b);
	}
	KUNIT_EXPECT_EQ(test, f->ifi.rx_pages, pages);
	for (q = 0; q < nq; q++)
		for (i = 0; i < ring; i++)
			*f->fd.ops->slot_bias(f->fd.dev, q, i) = saved[q * ring + i];
	ring_fixture_exit(f);
}

static const char * const recognised_drivers[] = { "ixgbe", "i40e", "igb" };

static void drv_desc(const char * const *d, char *desc)
{
	strscpy(desc, *d, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(recognised, recognised_drivers, drv_desc);

/* The recognised layout (stable ring prefix and rx buffer, the adapter
 * searched for its rx_ring[]) must find the same as the full one.
 */
static void rings_recognised(struct kunit *test)
{
	const char *driver = *(const char * const *)test->param_value;
	struct ring_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	struct nicmem_layout *rec = kunit_kzalloc(test, sizeof(*rec), GFP_KERNEL);
	u64 bias_h[NICMEM_HIST_BUCKETS] = {}, out_h[NICMEM_HIST_BUCKETS] = {};
	u64 drain_h[NICMEM_HIST_BUCKETS] = {};
	unsigned int order, q;

	KUNIT_ASSERT_NOT_NULL(test, f);
	KUNIT_ASSERT_NOT_NULL(test, rec);
	for (order = 0; order <= 1; order++) {
		KUNIT_ASSERT_EQ(test, ring_fixture_init(test, f, driver, order, 5, 256), 0);
		rec->ad = f->ad;
		KUNIT_ASSERT_TRUE(test, nicmem_layout_recognised(rec));
		f->l = rec;
		KUNIT_ASSERT_EQ_MSG(test, ring_fixture_walk(f), 0, "%s", f->ifi.note);
		KUNIT_EXPECT_STREQ(test, f->ifi.note, "walked_recognised_layout");
		KUNIT_ASSERT_EQ(test, f->ifi.nr_rxq, 5U);
		for (q = 0; q < 5; q++) {
			struct fakering_q e;

			fakering_expect(&f->fd, q, 1024, &e, bias_h, out_h,
					drain_h);
			KUNIT_EXPECT_EQ(test, f->ifi.rxq[q].pages, e.pages);
			KUNIT_EXPECT_EQ(test, f->ifi.rxq[q].with_page, e.with_page);
			KUNIT_EXPECT_EQ(test, f->ifi.rxq[q].order, f->fd.order);
		}
		/* a queue count the adapter does not have: no array is found */
		f->queues = 6;
		KUNIT_EXPECT_EQ(test, ring_fixture_walk(f), -ENOENT);
		KUNIT_EXPECT_STREQ(test, f->ifi.note, "recognised_no_ring_array_found");
		f->l = NULL;
		ring_fixture_exit(f);
	}
}

/* ---- corruption ---- */

static unsigned long root_of(const struct ring_fixture *f)
{
	const struct nicmem_bias_ring *br = f->ad->bias_ring;
	unsigned long root = (unsigned long)netdev_priv(f->fd.dev);

	if (br->priv_root >= 0)
		root = *(unsigned long *)(root + f->l->f[br->priv_root].offset);
	return root;
}

static unsigned long ring_slot(const struct ring_fixture *f, unsigned int q)
{
	const struct nicmem_bias_ring *br = f->ad->bias_ring;
	unsigned long base = root_of(f) + f->l->f[br->rings].offset;

	if (br->rings_indirect)
		base = *(unsigned long *)base;
	return base + q * sizeof(void *);
}

static unsigned long ring_of(const struct ring_fixture *f, unsigned int q)
{
	return *(unsigned long *)ring_slot(f, q);
}

struct rings_corruption {
	struct ring_fixture *f;
	struct kunit_junk j;
};

/* the fixture's rings: 2 queues of 64 descriptors */
static bool rings_poke(void *ctx, struct kunit_undo *u, unsigned int kind)
{
	struct rings_corruption *x = ctx;
	const struct ring_fixture *f = x->f;
	const struct nicmem_bias_ring *br = f->ad->bias_ring;
	const struct nicmem_layout *l = f->l;
	const struct kunit_junk *j = &x->j;
	unsigned int q = get_random_u32() % 2, d = get_random_u32() % 64;
	unsigned long ring = ring_of(f, q), buffers, slot;

	buffers = *(unsigned long *)(ring + l->f[br->ring_buffers].offset);
	slot = buffers + d * l->f[br->buf_size].size + l->f[br->buf_page].offset;
	switch (kind) {
	case 0:	/* the root points at another device, or nowhere */
		kunit_poke(u, root_of(f) + l->f[br->root_netdev].offset,
			   get_random_u32() % 2 ? (unsigned long)j->other : 0, 8);
		break;
	case 1:	/* the queue count */
		kunit_poke(u, root_of(f) + l->f[br->nq].offset, kunit_wild(),
			   l->f[br->nq].size);
		break;
	case 2:	/* a ring pointer: NULL, no ring, or a freed object */
		kunit_poke(u, ring_slot(f, q), kunit_junk_ptr(j), 8);
		break;
	case 3:	/* the ring's back-pointer */
		kunit_poke(u, ring + l->f[br->ring_netdev].offset,
			   (unsigned long)j->other, 8);
		break;
	case 4:	/* the ring's count */
		kunit_poke(u, ring + l->f[br->ring_count].offset, kunit_wild(),
			   l->f[br->ring_count].size);
		break;
	case 5:	/* the buffer array: NULL, random bytes, all NULL, freed */
		kunit_poke(u, ring + l->f[br->ring_buffers].offset,
			   get_random_u32() % 4 == 0 ? (unsigned long)j->zeros :
			   kunit_junk_ptr(j), 8);
		break;
	case 6:	/* one page pointer: garbage, misaligned, not a page */
		kunit_poke(u, slot, get_random_u32() % 3 == 0 ? kunit_wild() :
			   get_random_u32() % 2 ? *(unsigned long *)slot + 8 :
			   (unsigned long)j->junk, 8);
		break;
	case 7:	/* AF_XDP zero copy, where the driver has it */
		if (br->ring_xsk_pool < 0)
			return false;
		kunit_poke(u, ring + l->f[br->ring_xsk_pool].offset,
			   (unsigned long)j->junk, 8);
		break;
	case 8:	/* the order member */
		kunit_poke(u, ring + l->f[br->order].offset, kunit_wild(),
			   min_t(u32, l->f[br->order].size, 8));
		break;
	default:	/* unmapped pointers: only where faults are real */
		if (IS_ENABLED(CONFIG_UML))
			return false;
		kunit_poke(u, get_random_u32() % 2 ? ring_slot(f, q) :
			   ring + l->f[br->ring_buffers].offset, kunit_unmapped(), 8);
		break;
	}
	return true;
}

static int rings_corrupt_walk(void *ctx)
{
	return ring_fixture_walk(((struct rings_corruption *)ctx)->f);
}

/* what a walk accepts stays within the rings' bounds */
static void rings_corrupt_bounds(struct kunit *test, void *ctx)
{
	const struct ring_fixture *f = ((struct rings_corruption *)ctx)->f;

	KUNIT_EXPECT_LE(test, f->ifi.nr_rxq, 2U);
	KUNIT_EXPECT_LE(test, f->ifi.rx_pages, 2ULL * 64 << 1);
}

static const struct kunit_corruption rings_corruption = {
	.kinds	= 10,
	.poke	= rings_poke,
	.walk	= rings_corrupt_walk,
	.bounds	= rings_corrupt_bounds,
};

static void rings_corrupt(struct kunit *test)
{
	const struct ring_case *c = test->param_value;
	struct rings_corruption x = {
		.f = kunit_kzalloc(test, sizeof(*x.f), GFP_KERNEL),
	};

	KUNIT_ASSERT_NOT_NULL(test, x.f);
	KUNIT_ASSERT_EQ(test, ring_fixture_init(test, x.f, c->driver, c->order, 2, 64), 0);
	kunit_junk_init(test, &x.j);
	kunit_corrupt_loop(test, c->driver, &rings_corruption, &x, &x.f->ifi, 3000);
	/* and the untouched rings still walk exactly */
	KUNIT_EXPECT_EQ(test, ring_fixture_walk(x.f), 0);
	kunit_junk_exit(&x.j);
	ring_fixture_exit(x.f);
}

/*
 * Garbage layouts: the layout itself wrong, as a lying BTF or a compiled
 * layout from another build would make it. Each of 2000 layouts per case
 * (12,000 over the six) moves up to four of the walk's members to a
 * random offset (within a page of their struct, anywhere in 4 GiB, or a
 * few bytes off), gives them a random size, or switches the recognised
 * search on or off; the real walk, on intact rings, declines with a reason
 * or walks within what the rings hold, and reads nothing it must not
 * (KASAN and KFENCE watch in the debug kernel): every read is of RAM
 * (nofault.h) and nofault, so even a layout 4 GiB off reads nothing else.
 */
#define NICMEM_GARBAGE_LAYOUTS	2000

#define NICMEM_WALK_FIELDS	13

/* the @i-th member the walk reads (-1: this driver has none) */
static int walk_field(const struct nicmem_bias_ring *br, unsigned int i)
{
	const int fields[NICMEM_WALK_FIELDS] = {
		br->priv_root, br->root_netdev, br->nq, br->rings, br->rings_max,
		br->ring_netdev, br->ring_count, br->ring_buffers,
		br->ring_xsk_pool, br->order, br->buf_page, br->buf_bias,
		br->buf_size,
	};

	return fields[i];
}

static int garbage_field(const struct nicmem_bias_ring *br)
{
	int k;

	do {	/* a member this driver's walk uses */
		k = walk_field(br, get_random_u32() % NICMEM_WALK_FIELDS);
	} while (k < 0);
	return k;
}

/*
 * Offsets at the top of the u32 range, where an unchecked "offset + size"
 * wraps to a few bytes (a bias at offset U32_MAX passed the buffer check
 * once: offset + 2 == 1): each member the walk reads, at each of them,
 * before the random layouts.
 */
static const u32 wrap_offsets[] = { U32_MAX, U32_MAX - 1, U32_MAX - 3, U32_MAX - 7 };
#define NICMEM_WRAP_LAYOUTS	(NICMEM_WALK_FIELDS * ARRAY_SIZE(wrap_offsets))

static void rings_garbage_layout(struct kunit *test)
{
	static const u32 sizes[] = { 0, 1, 2, 3, 4, 5, 8, 16, 256, 257, U32_MAX };
	const struct ring_case *c = test->param_value;
	struct ring_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	struct nicmem_layout *g = kunit_kmalloc(test, sizeof(*g), GFP_KERNEL);
	unsigned int i, n, declined = 0, walked = 0, exact = 0;
	const struct nicmem_layout *good;
	u64 pages;

	/*
	 * A misplaced member yields whatever that memory holds as a pointer;
	 * nofault reads of it are only real where the kernel handles faults
	 * (UML's copy_from_kernel_nofault() does not).
	 */
	if (IS_ENABLED(CONFIG_UML))
		kunit_skip(test,
			   "UML cannot survive a read of the unmapped pointers a garbage layout yields; the debug kernel in QEMU and arm64 run this");
	KUNIT_ASSERT_NOT_NULL(test, f);
	KUNIT_ASSERT_NOT_NULL(test, g);
	KUNIT_ASSERT_EQ(test, ring_fixture_init(test, f, c->driver, c->order, 2, 64), 0);
	good = f->l;
	KUNIT_ASSERT_EQ(test, ring_fixture_walk(f), 0);
	pages = f->ifi.rx_pages;
	for (i = 0; i < NICMEM_WRAP_LAYOUTS + NICMEM_GARBAGE_LAYOUTS; i++) {
		int ret;

		*g = *good;
		if (i < NICMEM_WRAP_LAYOUTS) {
			int k = walk_field(f->ad->bias_ring,
					   i / ARRAY_SIZE(wrap_offsets));

			if (k < 0)
				continue;
			g->f[k].offset = wrap_offsets[i % ARRAY_SIZE(wrap_offsets)];
			n = 0;	/* nothing random on top */
		} else {
			n = 1 + get_random_u32() % 4;
		}
		for (; n; n--) {
			int k = garbage_field(f->ad->bias_ring);

			switch (get_random_u32() % 5) {
			case 0:
				g->f[k].offset = get_random_u32() % PAGE_SIZE;
				break;
			case 1:
				g->f[k].offset = get_random_u32();
				break;
			case 2:
				g->f[k].offset += get_random_u32() % 33 - 16;
				break;
			case 3:
				g->f[k].size = sizes[get_random_u32() % ARRAY_SIZE(sizes)];
				break;
			default:
				g->search = !g->search;
				break;
			}
		}
		f->l = g;
		ret = ring_fixture_walk(f);
		f->l = good;
		if (ret) {
			declined++;
			KUNIT_EXPECT_NE_MSG(test, f->ifi.note[0], '\0', "layout %u", i);
			continue;
		}
		walked++;
		exact += f->ifi.rx_pages == pages;
		/* never more queues, descriptors or pages than the rings have */
		KUNIT_EXPECT_LE(test, f->ifi.nr_rxq, 2U);
		for (n = 0; n < f->ifi.nr_rxq; n++)
			KUNIT_EXPECT_LE(test, f->ifi.rxq[n].descs, 64U);
		/* order 1 when the order member is misplaced: 2 x 64 x 2 */
		KUNIT_EXPECT_LE(test, f->ifi.rx_pages, 2ULL * 64 << 1);
	}
	/* and the good layout still walks exactly */
	KUNIT_EXPECT_EQ(test, ring_fixture_walk(f), 0);
	KUNIT_EXPECT_EQ(test, f->ifi.rx_pages, pages);
	kunit_info(test, "%s: %u garbage layouts (%u at wrapping offsets), %u declined with a reason, %u walked within bounds (%u of them exact)\n",
		   c->driver, (unsigned int)(NICMEM_GARBAGE_LAYOUTS + NICMEM_WRAP_LAYOUTS),
		   (unsigned int)NICMEM_WRAP_LAYOUTS, declined, walked, exact);
	ring_fixture_exit(f);
}

/*
 * The seed's i40e port, 119 queues x 4096 descriptors (fewer queues when
 * memory is short): the best of five walks, for the benchmark suite
 * (bench_kunit.c), which prints it beside the census.
 */
/*
 * The baseline of the ring walk: the same descriptors' page pointers and
 * their pages' refcounts read straight from the rings' arrays (no layout,
 * no validation, no histogram), in the same run.
 */
static struct kunit_case rings_cases[] = {
	KUNIT_CASE_PARAM(rings_exact, ring_gen_params),
	KUNIT_CASE_PARAM(rings_drain_known, ring_gen_params),
	KUNIT_CASE_PARAM(rings_corrupt, ring_gen_params),
	KUNIT_CASE_PARAM(rings_garbage_layout, ring_gen_params),
	KUNIT_CASE_PARAM(rings_recognised, recognised_gen_params),
	{}
};

static struct kunit_suite rings_suite = {
	.name = "nicmem_rings",
	.test_cases = rings_cases,
};

kunit_test_suites(&rings_suite);
