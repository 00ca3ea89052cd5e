// SPDX-License-Identifier: GPL-2.0
/*
 * mlx5e's layout from the driver's own headers. Built only with
 * KSRC=<kernel source> (Kbuild).
 */
#include "en.h"

/* RHEL 8's mlx5e_rq has no mpwqe.pages_per_wqe (probe_pages_per_wqe.c) */
#ifndef NICMEM_HAVE_MLX5E_PAGES_PER_WQE
#define CL_ABSENT_mlx5e_rq_mpwqe_pages_per_wqe	1
#endif

#define CL_NAME		nicmem_compiled_mlx5
#define CL_DRIVER	"mlx5_core"
#define CL_LIST		"mlx5/layout.h"
#include "../compiled_layout.h"
