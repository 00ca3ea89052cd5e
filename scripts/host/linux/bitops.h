/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace stand-in for <linux/bitops.h>: BIT() and fls(), as the kernel's. */
#ifndef _NICMEM_HOST_BITOPS_H
#define _NICMEM_HOST_BITOPS_H
#include <stdbool.h>
#define BIT(nr)	(1UL << (nr))
static inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}
#endif
