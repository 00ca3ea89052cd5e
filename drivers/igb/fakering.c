// SPDX-License-Identifier: GPL-2.0
/* An igb look-alike's private data, with the real struct igb_adapter. */
#include "igb.h"

#define FR_NAME			fakering_igb
#define FR_DRIVER		"igb"
#define FR_ADAPTER		igb_adapter
#define FR_RING			igb_ring
#define FR_SET_ORDER1(r)	set_ring_uses_large_buffer(r)
#include "fakering_adapter.h"
