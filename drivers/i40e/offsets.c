// SPDX-License-Identifier: GPL-2.0
/* offsetof() of nicmem's i40e members, from the driver's own i40e.h */
#include "i40e.h"

#define OFF_FN		nicmem_offsets_i40e
#define OFF_DRIVER	"i40e"
#define OFF_LIST	"drivers/i40e/layout.h"
#include "offsets_driver.h"
