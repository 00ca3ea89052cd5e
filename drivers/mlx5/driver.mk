# SPDX-License-Identifier: GPL-2.0
# mlx5_core's private headers (en.h), under a kernel tree (KSRC): its
# compiled layout and offsets probe include them.
nicmem_hdrs_mlx5 := drivers/net/ethernet/mellanox/mlx5/core
