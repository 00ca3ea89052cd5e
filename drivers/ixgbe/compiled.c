// SPDX-License-Identifier: GPL-2.0
/*
 * ixgbe's layout from the driver's own headers. Built only with
 * KSRC=<kernel source> (Kbuild).
 */
#include "ixgbe.h"

#define CL_NAME		nicmem_compiled_ixgbe
#define CL_DRIVER	"ixgbe"
#define CL_LIST		"ixgbe/layout.h"
#include "../compiled_layout.h"
