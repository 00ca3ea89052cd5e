// SPDX-License-Identifier: GPL-2.0
/* offsetof() of nicmem's mlx5_core members, from the driver's own en.h */
#include "en.h"

#define OFF_FN		nicmem_offsets_mlx5
#define OFF_DRIVER	"mlx5_core"
#define OFF_LIST	"drivers/mlx5/layout.h"
#include "offsets_driver.h"
