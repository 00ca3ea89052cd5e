// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the mlx5 adaptor on structures from the real driver's en.h
 * (struct mlx5e_priv, mlx5e_channel, mlx5e_rq) whose RQs hold real
 * page_pools with pages, through the layout nicmem resolved at run time
 * (compiled from the same headers in the UML and arm64 builds). The
 * expected figures are what the test built; the pages per queue are what
 * the test took from each pool plus the pool's own cache. Then thousands
 * of corruptions: each is declined with a reason or walked within bounds.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/random.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include "en.h"
#include "nicmem.h"
#include "drivers/adaptor.h"
#include "kunit_walk.h"

#include "compat.h"

NICMEM_IMPORT_KUNIT_NS();

#define T_CH		3
#define T_WQES		16
#define T_PPW		4	/* pages per striding WQE */

struct mlx5_fixture {
	struct net_device *dev;
	struct mlx5e_priv *priv;
	struct device *pdev;
	struct page **pages[T_CH];
	unsigned int npages[T_CH];
	bool striding[T_CH];
	struct nicmem_layout *layouts;
	const struct nicmem_layout *l;
	const struct nicmem_adaptor *ad;
	struct nicmem_iface ifi;
};

static void fixture_exit(struct mlx5_fixture *f)
{
	unsigned int i, k;

	kvfree(f->ifi.rxq);
	for (i = 0; i < T_CH; i++) {
		struct mlx5e_channel *c = f->priv->channels.c[i];

		if (!c)
			continue;
		for (k = 0; k < f->npages[i]; k++)
			page_pool_put_full_page(c->rq.page_pool, f->pages[i][k],
						false);
		kfree(f->pages[i]);
		page_pool_destroy(c->rq.page_pool);
		kvfree(c);
	}
	kfree(f->priv->channels.c);
	free_netdev(f->dev);
	kfree(f->layouts);
}

/* channel 1 is cyclic, the others striding, as mixed as a test can be */
static void fixture_init(struct kunit *test, struct mlx5_fixture *f)
{
	unsigned int i, k, n;

	f->l = kunit_layout_of(test, "mlx5_core", &f->ad, &f->layouts);
	f->pdev = kunit_kzalloc(test, sizeof(*f->pdev), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f->pdev);
	set_dev_node(f->pdev, NUMA_NO_NODE);
	f->dev = alloc_etherdev_mq(sizeof(*f->priv), T_CH);
	KUNIT_ASSERT_NOT_NULL(test, f->dev);
	f->priv = netdev_priv(f->dev);
	f->priv->netdev = f->dev;
	f->priv->channels.c = kcalloc(T_CH, sizeof(void *), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f->priv->channels.c);
	for (i = 0; i < T_CH; i++) {
		struct page_pool_params pp = {
			.pool_size = 256, .nid = NUMA_NO_NODE, .dev = f->pdev,
		};
		struct mlx5e_channel *c = kvzalloc(sizeof(*c), GFP_KERNEL);
		struct mlx5e_rq *rq;

		KUNIT_ASSERT_NOT_NULL(test, c);
		f->priv->channels.c[i] = c;
		c->netdev = f->dev;
		c->ix = i;
		rq = &c->rq;
		rq->netdev = f->dev;
		rq->ix = i;
		f->striding[i] = i != 1;
		if (f->striding[i]) {
			rq->wq_type = MLX5_WQ_TYPE_LINKED_LIST_STRIDING_RQ;
			rq->mpwqe.wq.fbc.sz_m1 = T_WQES - 1;
			rq->mpwqe.pages_per_wqe = T_PPW;
			rq->mpwqe.log_stride_sz = 11;
			n = T_WQES * T_PPW;
		} else {
			rq->wq_type = MLX5_WQ_TYPE_CYCLIC;
			rq->wqe.wq.sz = T_WQES * 4;
			n = T_WQES * 4;
		}
		rq->page_pool = page_pool_create(&pp);
		KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(rq->page_pool));
		f->pages[i] = kcalloc(n, sizeof(struct page *), GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, f->pages[i]);
		for (k = 0; k < n; k++) {
			f->pages[i][k] = page_pool_alloc_pages(rq->page_pool,
							       GFP_KERNEL);
			KUNIT_ASSERT_NOT_NULL(test, f->pages[i][k]);
			f->npages[i]++;
		}
	}
	f->priv->channels.num = T_CH;
}

static int walk(struct mlx5_fixture *f)
{
	int ret;

	kvfree(f->ifi.rxq);
	memset(&f->ifi, 0, sizeof(f->ifi));
	f->ifi.dev = f->dev;
	f->ifi.dev_key = (unsigned long)f->dev;
	f->ifi.parent_key = (unsigned long)f->pdev;
	f->ifi.layout = f->l;
	f->ifi.numa_node = NUMA_NO_NODE;
	rtnl_lock();	/* as the core calls it */
	ret = f->ad->walk_rx(&f->ifi);
	rtnl_unlock();
	return ret;
}

static void mlx5_exact(struct kunit *test)
{
	struct mlx5_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	struct nicmem_ifaces ifs = { .nr = 1, .total = 1 };
	struct nicmem_census c;
	unsigned int i;

	KUNIT_ASSERT_NOT_NULL(test, f);
	fixture_init(test, f);
	KUNIT_ASSERT_EQ_MSG(test, walk(f), 0, "note %s", f->ifi.note);
	KUNIT_ASSERT_EQ(test, f->ifi.nr_rxq, (unsigned int)T_CH);
	for (i = 0; i < T_CH; i++) {
		const struct nicmem_rxq *q = &f->ifi.rxq[i];
		struct mlx5e_rq *rq = &f->priv->channels.c[i]->rq;

		KUNIT_EXPECT_EQ(test, q->pool_key, (unsigned long)rq->page_pool);
		KUNIT_EXPECT_STREQ(test, q->kind,
				   f->striding[i] ? "striding" : "cyclic");
		KUNIT_EXPECT_EQ(test, q->descs,
				f->striding[i] ? T_WQES : T_WQES * 4U);
		KUNIT_EXPECT_EQ(test, q->desc_pages, f->striding[i] ? T_PPW : 0U);
		KUNIT_EXPECT_EQ(test, q->stride, f->striding[i] ? 2048U : 0U);
		KUNIT_EXPECT_FALSE(test, q->zerocopy);
	}
	KUNIT_EXPECT_STREQ(test, f->ifi.note, "mlx5_striding_rq_3_channels");

	/* an AF_XDP zero-copy RQ is reported as such, the others are not */
	f->priv->channels.c[2]->rq.xsk_pool = (void *)f->pdev;
	KUNIT_ASSERT_EQ(test, walk(f), 0);
	KUNIT_EXPECT_FALSE(test, f->ifi.rxq[0].zerocopy);
	KUNIT_EXPECT_TRUE(test, f->ifi.rxq[2].zerocopy);
	f->priv->channels.c[2]->rq.xsk_pool = NULL;
	KUNIT_ASSERT_EQ(test, walk(f), 0);

	/* the pages: the census's, on each queue's pool */
	f->ifi.source = NICMEM_RX_EXACT;
	ifs.if_ = &f->ifi;
	KUNIT_ASSERT_EQ(test, nicmem_census_init(&c), 0);
	KUNIT_ASSERT_EQ(test, nicmem_census_walk(&c, 1024), 0);
	nicmem_pools_attribute(&c.pools, &ifs);
	for (i = 0; i < T_CH; i++) {
		struct mlx5e_rq *rq = &f->priv->channels.c[i]->rq;
		u64 want = f->npages[i] + READ_ONCE(rq->page_pool->alloc.count);

		KUNIT_EXPECT_EQ_MSG(test, f->ifi.rxq[i].pages, want, "queue %u", i);
	}
	KUNIT_EXPECT_EQ(test, f->ifi.pp_pools, (unsigned int)T_CH);
	KUNIT_EXPECT_EQ(test, f->ifi.source, NICMEM_RX_PAGE_POOL);
	KUNIT_EXPECT_EQ(test, f->ifi.rx_pages, f->ifi.pp_pages);
	nicmem_census_free(&c);
	fixture_exit(f);
}

struct mlx5_corruption {
	struct mlx5_fixture *f;
	struct kunit_junk j;
};

static bool mlx5_poke(void *ctx, struct kunit_undo *u, unsigned int kind)
{
	struct mlx5_corruption *x = ctx;
	struct mlx5_fixture *f = x->f;
	const struct kunit_junk *j = &x->j;
	unsigned int ch = get_random_u32() % T_CH;
	struct mlx5e_channel *c = f->priv->channels.c[ch];
	struct mlx5e_rq *rq = &c->rq;

	switch (kind) {
	case 0:	/* priv points at another device, or nowhere */
		kunit_poke(u, &f->priv->netdev, get_random_u32() % 2 ?
			   (unsigned long)j->other : 0, 8);
		break;
	case 1:	/* the channel count */
		kunit_poke(u, &f->priv->channels.num, kunit_wild(), 4);
		break;
	case 2:	/* the channel array: NULL, random bytes, freed */
		kunit_poke(u, &f->priv->channels.c, kunit_junk_ptr(j), 8);
		break;
	case 3:	/* one channel pointer */
		kunit_poke(u, &f->priv->channels.c[ch], get_random_u32() % 3 ?
			   kunit_junk_ptr(j) : kunit_wild(), 8);
		break;
	case 4:	/* back-pointers */
		kunit_poke(u, get_random_u32() % 2 ? (void *)&c->netdev :
			   (void *)&rq->netdev, (unsigned long)j->other, 8);
		break;
	case 5:	/* the RQ type */
		kunit_poke(u, &rq->wq_type, kunit_wild(), 1);
		break;
	case 6:	/* the WQ sizes */
		if (get_random_u32() % 2)
			kunit_poke(u, &rq->mpwqe.wq.fbc.sz_m1, kunit_wild(), 4);
		else
			kunit_poke(u, &rq->wqe.wq.sz, kunit_wild(), 2);
		break;
	case 7:	/* the pool pointer */
		kunit_poke(u, &rq->page_pool, get_random_u32() % 2 ? kunit_wild() :
			   (unsigned long)j->junk, 8);
		break;
	default:	/* unmapped pointers: only where faults are real */
		if (IS_ENABLED(CONFIG_UML))
			return false;
		kunit_poke(u, get_random_u32() % 2 ? (void *)&f->priv->channels.c :
			   (void *)&f->priv->channels.c[ch], kunit_unmapped(), 8);
		break;
	}
	return true;
}

static int mlx5_corrupt_walk(void *ctx)
{
	return walk(((struct mlx5_corruption *)ctx)->f);
}

/* what a walk accepts stays within bounds */
static void mlx5_corrupt_bounds(struct kunit *test, void *ctx)
{
	const struct mlx5_fixture *f = ((struct mlx5_corruption *)ctx)->f;

	KUNIT_EXPECT_LE(test, f->ifi.nr_rxq, (unsigned int)T_CH);
	if (f->ifi.nr_rxq)
		KUNIT_EXPECT_LE(test, f->ifi.rxq[0].descs, 65536U);
}

static const struct kunit_corruption mlx5_corruption = {
	.kinds	= 9,
	.poke	= mlx5_poke,
	.walk	= mlx5_corrupt_walk,
	.bounds	= mlx5_corrupt_bounds,
};

static void mlx5_corrupt(struct kunit *test)
{
	struct mlx5_corruption x = {
		.f = kunit_kzalloc(test, sizeof(*x.f), GFP_KERNEL),
	};

	KUNIT_ASSERT_NOT_NULL(test, x.f);
	fixture_init(test, x.f);
	kunit_junk_init(test, &x.j);
	kunit_corrupt_loop(test, "mlx5", &mlx5_corruption, &x, &x.f->ifi, 3000);
	/* and the untouched structures still walk exactly */
	KUNIT_EXPECT_EQ(test, walk(x.f), 0);
	KUNIT_EXPECT_EQ(test, x.f->ifi.nr_rxq, (unsigned int)T_CH);
	kunit_junk_exit(&x.j);
	fixture_exit(x.f);
}

static struct kunit_case mlx5_cases[] = {
	KUNIT_CASE(mlx5_exact),
	KUNIT_CASE(mlx5_corrupt),
	{}
};

static struct kunit_suite mlx5_suite = {
	.name = "nicmem_mlx5",
	.test_cases = mlx5_cases,
};

kunit_test_suites(&mlx5_suite);
