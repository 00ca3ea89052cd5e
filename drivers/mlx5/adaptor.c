// SPDX-License-Identifier: GPL-2.0
/*
 * mlx5 (mlx5e): RX buffers come from one page_pool per channel's RQ, never
 * with a pagecnt_bias, so the pages are counted by the census on their
 * pools (pool.c). What the pages alone cannot tell, this adaptor reads:
 * the channels, each RQ's type (striding/MPWQE: pages_per_wqe pages per
 * WQE cut into strides; cyclic: one WQE per packet, fragments of pages),
 * its WQE count and stride, and which page_pool is which queue's.
 *
 * Reached from netdev_priv() (struct mlx5e_priv, which points back at
 * the net_device) through priv->channels.c[0 .. channels.num), each
 * channel's embedded rq pointing back at the net_device too. Channels are
 * replaced under rtnl (mlx5e_safe_switch_params() runs from ethtool and
 * ndo callbacks), which the core holds for this walk; every read is
 * nofault and of RAM only, every count bounded.
 *
 * Not read: the per-WQE pages (mlx5e_mpw_info / mlx5e_wqe_frag_info, and
 * from 6.4 mlx5e_frag_page.frags, the per-page fragment bias); the
 * pages' own fragment count is in the interface's pp_frag histogram.
 */
#include <linux/netdevice.h>
#include "../adaptor.h"
#include "spec.h"
#include "mlx5.h"
#include "../../compat.h"
#include "../../nofault.h"

struct mlx5_walk {
	struct nicmem_iface *ifi;
	const struct nicmem_layout *l;
};

static int mlx5_decline(struct nicmem_iface *ifi, int err, const char *why,
			unsigned int ch)
{
	snprintf(ifi->note, sizeof(ifi->note), "%s_ch%u", why, ch);
	return err;
}

/* @f of the object at @base: an unsigned value, RAM only. */
static int mlx5_uint(const struct mlx5_walk *w, unsigned long base, int f,
		     u64 *v)
{
	const struct nicmem_layout *l = w->l;

	if (l->f[f].err || !nicmem_ram(base + l->f[f].offset, l->f[f].size))
		return -EFAULT;
	return nicmem_read_uint(base + l->f[f].offset, l->f[f].size, v);
}

static bool mlx5_has(const struct mlx5_walk *w, int f)
{
	return !w->l->f[f].err && w->l->f[f].size;
}

/* One channel's RQ: type, WQEs, stride and its page_pool. */
static int mlx5_rq(struct mlx5_walk *w, unsigned int ch, unsigned long rq,
		   struct nicmem_rxq *q)
{
	unsigned long dev = (unsigned long)w->ifi->dev;
	u64 v, type, n, pool;

	if (mlx5_uint(w, rq, NICMEM_F_mlx5e_rq_netdev, &v) || v != dev)
		return mlx5_decline(w->ifi, -EINVAL, "rq_netdev_mismatch", ch);
	if (mlx5_uint(w, rq, NICMEM_F_mlx5e_rq_wq_type, &type) ||
	    mlx5_uint(w, rq, NICMEM_F_mlx5e_rq_page_pool, &pool))
		return mlx5_decline(w->ifi, -EFAULT, "rq_unreadable", ch);
	if (mlx5_has(w, NICMEM_F_mlx5e_rq_xsk_pool) &&
	    !mlx5_uint(w, rq, NICMEM_F_mlx5e_rq_xsk_pool, &v) && v)
		q->zerocopy = true;
	switch (type) {
	case NICMEM_MLX5_WQ_STRIDING:
		q->kind = "striding";
		if (mlx5_uint(w, rq, NICMEM_F_mlx5e_rq_mpwqe_sz_m1, &n))
			return mlx5_decline(w->ifi, -EFAULT, "rq_unreadable", ch);
		n++;
		if (!mlx5_uint(w, rq, NICMEM_F_mlx5e_rq_mpwqe_pages_per_wqe, &v))
			q->desc_pages = v;
		if (!mlx5_uint(w, rq, NICMEM_F_mlx5e_rq_mpwqe_log_stride_sz, &v) &&
		    v < 20)
			q->stride = 1U << v;
		break;
	case NICMEM_MLX5_WQ_CYCLIC:
		q->kind = "cyclic";
		if (mlx5_uint(w, rq, NICMEM_F_mlx5e_rq_wqe_sz, &n))
			return mlx5_decline(w->ifi, -EFAULT, "rq_unreadable", ch);
		break;
	default:
		return mlx5_decline(w->ifi, -EINVAL, "rq_type_unknown", ch);
	}
	if (!n || n > MLX5_MAX_WQES)
		return mlx5_decline(w->ifi, -EINVAL, "rq_size_out_of_range", ch);
	/* a pool pointer is only compared with the census's keys */
	if (pool && !nicmem_ram(pool, sizeof(long)))
		return mlx5_decline(w->ifi, -EINVAL, "rq_page_pool_not_in_ram", ch);
	q->descs = n;
	q->pool_key = pool;
	return 0;
}

/* the fields the walk cannot do without */
static const int mlx5_required[] = {
	NICMEM_F_mlx5e_priv_netdev, NICMEM_F_mlx5e_priv_channels_c,
	NICMEM_F_mlx5e_priv_channels_num, NICMEM_F_mlx5e_channel_rq,
	NICMEM_F_mlx5e_channel_netdev, NICMEM_F_mlx5e_rq_netdev,
	NICMEM_F_mlx5e_rq_wq_type, NICMEM_F_mlx5e_rq_page_pool,
	NICMEM_F_mlx5e_rq_wqe_sz, NICMEM_F_mlx5e_rq_mpwqe_sz_m1,
	NICMEM_F_sizeof_mlx5e_channel,
};

static int mlx5_walk_rx(struct nicmem_iface *ifi)
{
	struct mlx5_walk w = { .ifi = ifi, .l = ifi->layout };
	unsigned long priv = (unsigned long)netdev_priv(ifi->dev), c;
	u64 v, num, arr;
	unsigned int i;
	u32 csize;

	if (!w.l || !w.l->usable) {
		strscpy(ifi->note, w.l ? w.l->source : "no_layout",
			sizeof(ifi->note));
		return -ENOENT;
	}
	for (i = 0; i < ARRAY_SIZE(mlx5_required); i++) {
		if (w.l->f[mlx5_required[i]].err) {
			snprintf(ifi->note, sizeof(ifi->note),
				 "layout_lacks_%s.%s",
				 mlx5_fields[mlx5_required[i]].sname,
				 mlx5_fields[mlx5_required[i]].path ?: "size");
			return -ENOENT;
		}
	}
	csize = w.l->f[NICMEM_F_sizeof_mlx5e_channel].size;
	if (mlx5_uint(&w, priv, NICMEM_F_mlx5e_priv_netdev, &v) ||
	    v != (unsigned long)ifi->dev) {
		strscpy(ifi->note, "priv_netdev_mismatch", sizeof(ifi->note));
		return -EINVAL;
	}
	if (mlx5_uint(&w, priv, NICMEM_F_mlx5e_priv_channels_num, &num) ||
	    mlx5_uint(&w, priv, NICMEM_F_mlx5e_priv_channels_c, &arr) ||
	    num > MLX5_MAX_CHANNELS || num > ifi->dev->num_rx_queues) {
		strscpy(ifi->note, "channels_out_of_range", sizeof(ifi->note));
		return -EINVAL;
	}
	if (!num) {
		/* down: no channels, nothing posted */
		strscpy(ifi->note, "no_open_channels", sizeof(ifi->note));
		return 0;
	}
	if (!nicmem_ram((unsigned long)arr, num * sizeof(void *))) {
		strscpy(ifi->note, "channels_not_in_ram", sizeof(ifi->note));
		return -EINVAL;
	}
	ifi->rxq = kvcalloc(num, sizeof(*ifi->rxq), GFP_KERNEL);
	if (!ifi->rxq)
		return -ENOMEM;
	ifi->nr_rxq = num;
	for (i = 0; i < num; i++) {
		unsigned long rq;
		int err;

		if (nicmem_read_ram(&c, (unsigned long)arr + i * sizeof(void *),
				    sizeof(c)) ||
		    !nicmem_ram(c, csize))
			return mlx5_decline(ifi, -EINVAL, "channel_not_in_ram", i);
		if (mlx5_uint(&w, c, NICMEM_F_mlx5e_channel_netdev, &v) ||
		    v != (unsigned long)ifi->dev)
			return mlx5_decline(ifi, -EINVAL,
					    "channel_netdev_mismatch", i);
		rq = c + w.l->f[NICMEM_F_mlx5e_channel_rq].offset;
		err = mlx5_rq(&w, i, rq, &ifi->rxq[i]);
		if (err)
			return err;
		cond_resched();
	}
	/* pages: the census's, on each queue's pool (pool.c) */
	nicmem_iface_set_rx(ifi, 0, 0, PAGE_SIZE);
	snprintf(ifi->note, sizeof(ifi->note), "mlx5_%s_rq_%llu_channels",
		 ifi->rxq[0].kind, num);
	return 0;
}

const struct nicmem_adaptor nicmem_adaptor_mlx5 = {
	NICMEM_SPEC_mlx5,
	.walk_rx	= mlx5_walk_rx,
};
