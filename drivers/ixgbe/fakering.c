// SPDX-License-Identifier: GPL-2.0
/* An ixgbe look-alike's private data, with the real struct ixgbe_adapter. */
#include "ixgbe.h"

#define FR_NAME			fakering_ixgbe
#define FR_DRIVER		"ixgbe"
#define FR_ADAPTER		ixgbe_adapter
#define FR_RING			ixgbe_ring
/*
 * ring->state: an unsigned long, a one-word DECLARE_BITMAP() by 7.2; the
 * bit is in the first word either way
 */
#define FR_SET_ORDER1(r)	set_bit(__IXGBE_RX_3K_BUFFER, (unsigned long *)&(r)->state)
#include "fakering_adapter.h"
