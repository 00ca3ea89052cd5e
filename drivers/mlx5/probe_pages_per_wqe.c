// SPDX-License-Identifier: GPL-2.0
/*
 * Probe (drivers/mlx5/driver.mk via compat.mk, KSRC builds, compiled with
 * -I the driver's directory):
 * mlx5e_rq.mpwqe.pages_per_wqe, added in 6.1 by commit 997ce6affe26
 * ("net/mlx5e: Use runtime values of striding RQ parameters in
 * datapath"; before, striding WQEs were sized by the constant
 * MLX5_MPWRQ_PAGES_PER_WQE); RHEL 8.9's mlx5e_rq does not have it.
 */
#include "en.h"

int nicmem_probe(struct mlx5e_rq *rq);
int nicmem_probe(struct mlx5e_rq *rq)
{
	return rq->mpwqe.pages_per_wqe;
}
