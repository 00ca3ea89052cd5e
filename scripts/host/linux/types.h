/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace stand-in for <linux/types.h>: what snap.h, census.h and the
 * drivers' spec.h use (NULL comes with the kernel's).
 */
#ifndef _NICMEM_HOST_TYPES_H
#define _NICMEM_HOST_TYPES_H
#include <stdbool.h>
#include <stddef.h>
typedef unsigned long long u64;
typedef unsigned int u32;
typedef unsigned short u16;
typedef unsigned char u8;
#endif
