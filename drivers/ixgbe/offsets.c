// SPDX-License-Identifier: GPL-2.0
/* offsetof() of nicmem's ixgbe members, from the driver's own ixgbe.h */
#include "ixgbe.h"

#define OFF_FN		nicmem_offsets_ixgbe
#define OFF_DRIVER	"ixgbe"
#define OFF_LIST	"drivers/ixgbe/layout.h"
#include "offsets_driver.h"
