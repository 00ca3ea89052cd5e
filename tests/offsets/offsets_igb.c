// SPDX-License-Identifier: GPL-2.0
/* offsetof() of nicmem's igb members, from the driver's own igb.h */
#include "igb.h"
#include "offsets.h"

void nicmem_offsets_igb(struct seq_file *sf)
{
#define NICMEM_FIELD(s, m) \
	OFFSETS_ROW("igb", s, #m, offsetof(struct s, m), \
		    sizeof_field(struct s, m));
#define NICMEM_SIZEOF(s) OFFSETS_ROW("igb", s, "-", 0, sizeof(struct s));
#include "../../drivers/igb_layout.h"
}
