// SPDX-License-Identifier: GPL-2.0
/* offsetof() of nicmem's igb members, from the driver's own igb.h */
#include "igb.h"

#define OFF_FN		nicmem_offsets_igb
#define OFF_DRIVER	"igb"
#define OFF_LIST	"drivers/igb/layout.h"
#include "offsets_driver.h"
