// SPDX-License-Identifier: GPL-2.0
/*
 * igb's layout from the driver's own headers. Built only with
 * KSRC=<kernel source> (Kbuild).
 */
#include "igb.h"

#define CL_NAME		nicmem_compiled_igb
#define CL_DRIVER	"igb"
#define CL_LIST		"igb/layout.h"
#include "../compiled_layout.h"
