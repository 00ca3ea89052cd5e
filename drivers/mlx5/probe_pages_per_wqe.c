// SPDX-License-Identifier: GPL-2.0
/*
 * Probe (drivers/mlx5/driver.mk via compat.mk, KSRC builds, compiled with
 * -I the driver's directory):
 * mlx5e_rq.mpwqe.pages_per_wqe. Upstream added it between 5.15 (whose
 * striding WQEs are sized by MLX5_MPWRQ_PAGES_PER_WQE) and 6.1 (which has
 * it; commit not identified here); RHEL 8.9's mlx5e_rq does not have it.
 */
#include "en.h"

int nicmem_probe(struct mlx5e_rq *rq);
int nicmem_probe(struct mlx5e_rq *rq)
{
	return rq->mpwqe.pages_per_wqe;
}
