/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The mlx5e members nicmem reads (no include guard: an X-macro list),
 * resolved by name from mlx5_core's BTF, or by offsetof() from the
 * driver's en.h in KSRC builds and in the offsets probe.
 * NICMEM_PATH(struct, id, path) names a member inside embedded structs and
 * anonymous unions (priv->channels.c, rq->mpwqe.wq.fbc.sz_m1).
 */
NICMEM_FIELD(mlx5e_priv, netdev)
NICMEM_PATH(mlx5e_priv, channels_c, channels.c)
NICMEM_PATH(mlx5e_priv, channels_num, channels.num)
NICMEM_FIELD(mlx5e_channel, rq)
NICMEM_FIELD(mlx5e_channel, netdev)
NICMEM_FIELD(mlx5e_channel, ix)
NICMEM_FIELD(mlx5e_rq, netdev)
NICMEM_FIELD(mlx5e_rq, ix)
NICMEM_FIELD(mlx5e_rq, wq_type)
NICMEM_FIELD(mlx5e_rq, page_pool)
NICMEM_FIELD(mlx5e_rq, xsk_pool)
NICMEM_PATH(mlx5e_rq, wqe_sz, wqe.wq.sz)
NICMEM_PATH(mlx5e_rq, wqe_num_frags, wqe.info.num_frags)
NICMEM_PATH(mlx5e_rq, mpwqe_sz_m1, mpwqe.wq.fbc.sz_m1)
NICMEM_PATH(mlx5e_rq, mpwqe_pages_per_wqe, mpwqe.pages_per_wqe)
NICMEM_PATH(mlx5e_rq, mpwqe_log_stride_sz, mpwqe.log_stride_sz)
NICMEM_PATH(mlx5e_rq, mpwqe_num_strides, mpwqe.num_strides)
NICMEM_SIZEOF(mlx5e_channel)
