/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The registry: one line per driver folder (drivers/<driver>/), in the
 * order the layouts file lists them. No include guard: an X-macro list,
 * expanded by adaptor.h (declarations), registry.c (the table) and
 * scripts/vmcore-defs.c (nicmem-vmcore's adaptor list).
 */
NICMEM_ADAPTOR(ixgbe)
NICMEM_ADAPTOR(i40e)
NICMEM_ADAPTOR(igb)
NICMEM_ADAPTOR(ice)
NICMEM_ADAPTOR(iavf)
NICMEM_ADAPTOR(mlx5)
NICMEM_ADAPTOR(virtio_net)
