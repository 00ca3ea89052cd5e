// SPDX-License-Identifier: GPL-2.0
/* offsetof() of nicmem's ixgbe members, from the driver's own ixgbe.h */
#include "ixgbe.h"
#include "offsets.h"

void nicmem_offsets_ixgbe(struct seq_file *sf)
{
#define NICMEM_FIELD(s, m) \
	OFFSETS_ROW("ixgbe", s, #m, offsetof(struct s, m), \
		    sizeof_field(struct s, m));
#define NICMEM_SIZEOF(s) OFFSETS_ROW("ixgbe", s, "-", 0, sizeof(struct s));
#include "../../drivers/ixgbe_layout.h"
}
