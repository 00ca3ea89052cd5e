/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mlx5's numbers that its walk (mlx5.c) and the walk's twin in
 * scripts/nicmem-vmcore both apply: plain integers, no kernel header
 * (scripts/vmcore-defs.c compiles them into the script's definitions).
 */
#ifndef _NICMEM_MLX5_H
#define _NICMEM_MLX5_H

/*
 * RQ types: the device's wq_type encoding (include/linux/mlx5/mlx5_ifc.h,
 * a hardware interface, the same in every kernel), which mlx5e stores in
 * rq->wq_type. That header needs mlx5's own prelude, so the two values
 * are named here.
 */
#define NICMEM_MLX5_WQ_CYCLIC		0x1
#define NICMEM_MLX5_WQ_STRIDING		0x2	/* LINKED_LIST_STRIDING_RQ */

/* the channels and WQEs per RQ the walk believes */
#define MLX5_MAX_CHANNELS	1024
#define MLX5_MAX_WQES		65536

#endif /* _NICMEM_MLX5_H */
