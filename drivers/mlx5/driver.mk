# SPDX-License-Identifier: GPL-2.0
# mlx5_core's private headers (en.h), under a kernel tree (KSRC): its
# compiled layout and offsets probe include them.
nicmem_hdrs_mlx5 := drivers/net/ethernet/mellanox/mlx5/core
# Its probes (compat.mk, KSRC builds): NAME:file, -DNICMEM_HAVE_NAME when
# the file compiles against those headers.
nicmem_probes_mlx5 := MLX5E_PAGES_PER_WQE:probe_pages_per_wqe.c
