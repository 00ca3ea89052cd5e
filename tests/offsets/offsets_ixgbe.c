// SPDX-License-Identifier: GPL-2.0
/* offsetof() of nicmem's ixgbe members, from the driver's own ixgbe.h */
#include "ixgbe.h"
#include "offsets.h"

static const struct offsets_row rows[] = {
#define NICMEM_FIELD(s, m) \
	{ #s, #m, offsetof(struct s, m), sizeof_field(struct s, m) },
#define NICMEM_SIZEOF(s) { #s, "-", 0, sizeof(struct s) },
#define NICMEM_PATH(s, id, p) \
	{ #s, #p, offsetof(struct s, p), sizeof_field(struct s, p) },
#include "../../drivers/ixgbe_layout.h"
};

void nicmem_offsets_ixgbe(struct seq_file *sf)
{
	offsets_print(sf, "ixgbe", rows, ARRAY_SIZE(rows));
}
