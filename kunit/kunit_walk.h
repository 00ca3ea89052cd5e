/* SPDX-License-Identifier: GPL-2.0 */
/*
 * For the suites that walk a driver's structures: the adaptor of a driver
 * and the layout nicmem resolved for it, as the core would use them; and
 * the corruptions they feed the walk (a value poked into a member and put
 * back after), in one loop every such suite runs.
 */
#ifndef _NICMEM_KUNIT_WALK_H
#define _NICMEM_KUNIT_WALK_H

#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/random.h>
#include <linux/slab.h>
#include "nicmem.h"
#include "drivers/adaptor.h"

/*
 * Fills *@ad and returns the layout inside *@layouts (an array the caller
 * kfree()s); the test stops unless the layout resolved completely.
 */
static inline const struct nicmem_layout *
kunit_layout_of(struct kunit *test, const char *driver,
		const struct nicmem_adaptor **ad, struct nicmem_layout **layouts)
{
	const struct nicmem_layout *l = NULL;
	unsigned int i, n;

	*ad = nicmem_adaptor_find(driver);
	KUNIT_ASSERT_NOT_NULL(test, *ad);
	*layouts = kcalloc(NICMEM_MAX_LAYOUTS, sizeof(**layouts), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, *layouts);
	n = nicmem_layouts_get(*layouts, NICMEM_MAX_LAYOUTS);
	for (i = 0; i < n; i++)
		if ((*layouts)[i].ad == *ad)
			l = &(*layouts)[i];
	KUNIT_ASSERT_NOT_NULL(test, l);
	KUNIT_ASSERT_EQ_MSG(test, l->err, 0, "layout: %s", l->source);
	return l;
}

/* a saved span of memory to put back after the corruption */
struct kunit_undo {
	void *at;
	u8 old[8];
	unsigned int len;
};

static inline void __kunit_poke(struct kunit_undo *u, void *at, u64 v,
				unsigned int len)
{
	u->at = at;
	u->len = len;
	memcpy(u->old, at, len);
	memcpy(at, &v, len);	/* little-endian: the low bytes of v */
}

/* write the low @len bytes of @v at @at (an address or a pointer) */
#define kunit_poke(u, at, v, len)	__kunit_poke(u, (void *)(at), v, len)

static inline void kunit_unpoke(struct kunit_undo *u)
{
	memcpy(u->at, u->old, u->len);
}

/* a value a corrupted count or pointer might hold */
static inline u64 kunit_wild(void)
{
	static const u64 picks[] = {
		0, 1, 2, 3, 4, 0x10, 63, 64, 1024, 1025, 8192, 8193, 65535,
		65536, 100000, U32_MAX, U64_MAX, 0xdead000000000100ULL,
	};

	return get_random_u32() % 2 ? picks[get_random_u32() % ARRAY_SIZE(picks)] :
	       ((u64)get_random_u32() << 32 | get_random_u32());
}

/* an address nothing maps: only where faults are real (not UML) */
static inline u64 kunit_unmapped(void)
{
	return 0xdead000000000000ULL | (get_random_u32() & ~7U);
}

/*
 * What a corrupted pointer may point at: another net_device, random
 * bytes, zeros, a freed object (still mapped, no longer ours).
 */
struct kunit_junk {
	struct net_device *other;
	void *junk;
	void *zeros;
	void *freed;
};

#define KUNIT_JUNK_SIZE	32768

static inline void kunit_junk_init(struct kunit *test, struct kunit_junk *j)
{
	j->other = alloc_etherdev(64);
	j->junk = kmalloc(KUNIT_JUNK_SIZE, GFP_KERNEL);
	j->zeros = kzalloc(KUNIT_JUNK_SIZE, GFP_KERNEL);
	j->freed = kmalloc(KUNIT_JUNK_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, j->other);
	KUNIT_ASSERT_NOT_NULL(test, j->junk);
	KUNIT_ASSERT_NOT_NULL(test, j->zeros);
	KUNIT_ASSERT_NOT_NULL(test, j->freed);
	get_random_bytes(j->junk, KUNIT_JUNK_SIZE);
	kfree(j->freed);
}

static inline void kunit_junk_exit(struct kunit_junk *j)
{
	free_netdev(j->other);
	kfree(j->junk);
	kfree(j->zeros);
}

/* the random bytes (a third of the time), the freed object, or NULL */
static inline unsigned long kunit_junk_ptr(const struct kunit_junk *j)
{
	return (unsigned long)(get_random_u32() % 3 == 0 ? j->junk :
			       get_random_u32() % 2 ? j->freed : NULL);
}

/*
 * The corruption loop of a walk's suite: @n draws, each a random kind in
 * [0, @c->kinds) for @c->poke, the suite's own list of what can go wrong,
 * to corrupt one member (saved in @u; false: that kind does not apply
 * this time, e.g. a fault UML cannot take). The walk runs on it, then the
 * member is put back. A walk that declines must say why (@ifi's note); one
 * that accepts is held to @c->bounds, what the structures can hold. At
 * least a third of the corruptions must be declined.
 */
struct kunit_corruption {
	unsigned int kinds;
	bool (*poke)(void *ctx, struct kunit_undo *u, unsigned int kind);
	int (*walk)(void *ctx);
	void (*bounds)(struct kunit *test, void *ctx);
};

static inline void kunit_corrupt_loop(struct kunit *test, const char *what,
				      const struct kunit_corruption *c,
				      void *ctx, const struct nicmem_iface *ifi,
				      unsigned int n)
{
	unsigned int i, done = 0, declined = 0, walked = 0;

	for (i = 0; i < n; i++) {
		unsigned int kind = get_random_u32() % c->kinds;
		struct kunit_undo u;
		int ret;

		if (!c->poke(ctx, &u, kind))
			continue;
		done++;
		ret = c->walk(ctx);
		kunit_unpoke(&u);
		if (ret) {
			declined++;
			KUNIT_EXPECT_NE_MSG(test, ifi->note[0], '\0', "kind %u", kind);
			continue;
		}
		walked++;
		c->bounds(test, ctx);
	}
	kunit_info(test, "%s: %u corruptions, %u declined with a reason, %u walked within bounds\n",
		   what, done, declined, walked);
	KUNIT_EXPECT_GT(test, declined, done / 3);
}

/* ring_fixture.c: the seed's ring walked, best of five (ns, descriptors) */
void nicmem_kunit_ring_bench(struct kunit *test, u64 *ns, u64 *bare_ns,
			     u64 *descs);

#endif
