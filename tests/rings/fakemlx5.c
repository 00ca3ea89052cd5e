// SPDX-License-Identifier: GPL-2.0
/*
 * Test module: an interface that presents as mlx5_core, whose private
 * data is a struct mlx5e_priv from the real driver's en.h, with channels
 * (struct mlx5e_channel) whose embedded RQs carry a real page_pool each,
 * filled as mlx5e posts WQEs: a striding RQ takes pages_per_wqe pages per
 * WQE, a cyclic RQ one page per WQE. /sys/kernel/debug/nicmem_fakemlx5 is
 * its own account, the oracle for nicmem's mlx5 adaptor and pools.
 * Build with KSRC=<the kernel's source tree>. Never load this on a real
 * host; it exists for the test VM.
 */
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include "../fakedev.h"
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include "en.h"

static unsigned int channels = 4;
module_param(channels, uint, 0444);
MODULE_PARM_DESC(channels, "channels (RQs, one page_pool each)");

static unsigned int wqes = 32;
module_param(wqes, uint, 0444);
MODULE_PARM_DESC(wqes, "WQEs per RQ");

static bool striding = true;
module_param(striding, bool, 0444);
MODULE_PARM_DESC(striding, "striding (MPWQE) RQs, else cyclic");

static unsigned int pages_per_wqe = 8;
module_param(pages_per_wqe, uint, 0444);
MODULE_PARM_DESC(pages_per_wqe, "pages per striding WQE");

#define FM_MAX_CH	16
#define FM_LOG_STRIDE	6	/* 64-byte strides */

struct fm_rq {
	struct page **pages;
	unsigned int nr;
};

static struct platform_driver fm_driver;
static struct platform_device *fm_pdev;
static struct net_device *fm_dev;
static struct fm_rq fm_rqs[FM_MAX_CH];
static struct dentry *fm_file;

static void fm_get_ringparam(struct net_device *dev,
			     struct ethtool_ringparam *rp,
			     struct kernel_ethtool_ringparam *krp,
			     struct netlink_ext_ack *extack)
{
	rp->rx_max_pending = 8192;
	rp->rx_pending = striding ? wqes * pages_per_wqe : wqes;
}

static void fm_get_channels(struct net_device *dev, struct ethtool_channels *ch)
{
	ch->max_combined = dev->num_rx_queues;
	ch->combined_count = channels;
}

static const struct ethtool_ops fm_ethtool_ops = {
	.get_ringparam	= fm_get_ringparam,
	.get_channels	= fm_get_channels,
};

static int fm_rq_build(struct mlx5e_priv *priv, unsigned int i)
{
	struct page_pool_params pp = {
		.order = 0,
		.pool_size = striding ? wqes * pages_per_wqe : wqes,
		.nid = NUMA_NO_NODE,
		.dev = &fm_pdev->dev,
	};
	unsigned int n = striding ? wqes * pages_per_wqe : wqes, k;
	struct mlx5e_channel *c;
	struct mlx5e_rq *rq;

	c = kvzalloc(sizeof(*c), GFP_KERNEL);
	if (!c)
		return -ENOMEM;
	priv->channels.c[i] = c;
	c->netdev = fm_dev;
	c->ix = i;
	c->priv = priv;
	rq = &c->rq;
	rq->netdev = fm_dev;
	rq->ix = i;
	rq->channel = c;
	if (striding) {
		rq->wq_type = MLX5_WQ_TYPE_LINKED_LIST_STRIDING_RQ;
		rq->mpwqe.wq.fbc.sz_m1 = wqes - 1;
		rq->mpwqe.pages_per_wqe = pages_per_wqe;
		rq->mpwqe.log_stride_sz = FM_LOG_STRIDE;
		rq->mpwqe.num_strides = (pages_per_wqe * PAGE_SIZE) >> FM_LOG_STRIDE;
	} else {
		rq->wq_type = MLX5_WQ_TYPE_CYCLIC;
		rq->wqe.wq.sz = wqes;
		rq->wqe.info.num_frags = 1;
	}
	rq->page_pool = page_pool_create(&pp);
	if (IS_ERR(rq->page_pool)) {
		int ret = PTR_ERR(rq->page_pool);

		rq->page_pool = NULL;
		return ret;
	}
	fm_rqs[i].pages = kcalloc(n, sizeof(struct page *), GFP_KERNEL);
	if (!fm_rqs[i].pages)
		return -ENOMEM;
	for (k = 0; k < n; k++) {
		fm_rqs[i].pages[k] = page_pool_dev_alloc_pages(rq->page_pool);
		if (!fm_rqs[i].pages[k])
			return -ENOMEM;
		fm_rqs[i].nr++;
	}
	return 0;
}

static void fm_rq_destroy(struct mlx5e_priv *priv, unsigned int i)
{
	struct mlx5e_channel *c = priv->channels.c[i];
	unsigned int k;

	if (!c)
		return;
	for (k = 0; k < fm_rqs[i].nr; k++)
		page_pool_put_full_page(c->rq.page_pool, fm_rqs[i].pages[k],
					false);
	kfree(fm_rqs[i].pages);
	memset(&fm_rqs[i], 0, sizeof(fm_rqs[i]));
	if (c->rq.page_pool)
		page_pool_destroy(c->rq.page_pool);
	kvfree(c);
	priv->channels.c[i] = NULL;
}

static int fm_show(struct seq_file *m, void *v)
{
	struct mlx5e_priv *priv = netdev_priv(fm_dev);
	unsigned int i;

	seq_puts(m, "#name queue descs held_pages alloc_cache state desc_pages stride\n");
	for (i = 0; i < priv->channels.num; i++) {
		struct mlx5e_rq *rq = &priv->channels.c[i]->rq;

		seq_printf(m, "%s %u %u %u %u %s %u %u\n", fm_dev->name, i,
			   wqes, fm_rqs[i].nr,
			   READ_ONCE(rq->page_pool->alloc.count),
			   striding ? "striding" : "cyclic",
			   striding ? pages_per_wqe : 0,
			   striding ? 1U << FM_LOG_STRIDE : 0);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(fm);

static void fm_cleanup(void)
{
	struct mlx5e_priv *priv;
	unsigned int i;

	debugfs_remove(fm_file);
	if (fm_dev) {
		priv = netdev_priv(fm_dev);
		if (fm_dev->reg_state == NETREG_REGISTERED)
			unregister_netdev(fm_dev);
		for (i = 0; priv->channels.c && i < channels; i++)
			fm_rq_destroy(priv, i);
		kfree(priv->channels.c);
		free_netdev(fm_dev);
	}
	if (!IS_ERR_OR_NULL(fm_pdev))
		platform_device_unregister(fm_pdev);
	if (fm_driver.driver.name)
		platform_driver_unregister(&fm_driver);
}

static int fm_probe(struct platform_device *pdev)
{
	return 0;
}

static int __init fm_init(void)
{
	struct mlx5e_priv *priv;
	unsigned int i;
	int ret;

	if (!channels || channels > FM_MAX_CH || !wqes || wqes > 4096 ||
	    !pages_per_wqe || pages_per_wqe > 64)
		return -EINVAL;
	fm_driver.probe = fm_probe;
	fm_driver.driver.name = "mlx5_core";
	ret = platform_driver_register(&fm_driver);
	if (ret) {
		fm_driver.driver.name = NULL;
		return ret;
	}
	fm_pdev = platform_device_register_simple("mlx5_core", -1, NULL, 0);
	if (IS_ERR(fm_pdev)) {
		ret = PTR_ERR(fm_pdev);
		goto err;
	}
	fm_dev = alloc_etherdev_mq(sizeof(*priv), channels);
	if (!fm_dev) {
		ret = -ENOMEM;
		goto err;
	}
	priv = netdev_priv(fm_dev);
	priv->netdev = fm_dev;
	priv->channels.c = kcalloc(channels, sizeof(*priv->channels.c),
				   GFP_KERNEL);
	if (!priv->channels.c) {
		ret = -ENOMEM;
		goto err;
	}
	for (i = 0; i < channels; i++) {
		ret = fm_rq_build(priv, i);
		if (ret)
			goto err;
	}
	priv->channels.num = channels;
	fm_dev->netdev_ops = &fakedev_netdev_ops;
	fm_dev->ethtool_ops = &fm_ethtool_ops;
	eth_hw_addr_random(fm_dev);
	SET_NETDEV_DEV(fm_dev, &fm_pdev->dev);
	strscpy(fm_dev->name, "mlx%d", sizeof(fm_dev->name));
	ret = register_netdev(fm_dev);
	if (ret)
		goto err;
	fm_file = debugfs_create_file("nicmem_fakemlx5", 0400, NULL, NULL,
				      &fm_fops);
	return 0;
err:
	fm_cleanup();
	return ret;
}

static void __exit fm_exit(void)
{
	fm_cleanup();
}

module_init(fm_init);
module_exit(fm_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("nicmem test: an mlx5e look-alike on real page_pools");
