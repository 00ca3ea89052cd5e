// SPDX-License-Identifier: GPL-2.0
/*
 * mlx5e's layout from the driver's own headers. Built only with
 * KSRC=<kernel source> (Kbuild).
 */
#include "en.h"

#define CL_NAME		nicmem_compiled_mlx5
#define CL_DRIVER	"mlx5_core"
#define CL_LIST		"mlx5_layout.h"
#include "compiled_layout.h"
