// SPDX-License-Identifier: GPL-2.0
/*
 * Probe (compat.mk, KSRC builds, compiled with -I ixgbe's directory):
 * ixgbe_ring.xsk_pool, which was xsk_umem before 5.10 (commit
 * 1742b3d52869 "xsk: i40e: ice: ixgbe: mlx5: Pass buffer pool to driver
 * instead of umem", which renamed i40e's and mlx5e's member too). RHEL
 * 8.9's ixgbe has xsk_pool.
 */
#include "ixgbe.h"

void *nicmem_probe(struct ixgbe_ring *ring);
void *nicmem_probe(struct ixgbe_ring *ring)
{
	return ring->xsk_pool;
}
