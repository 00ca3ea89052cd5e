/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The module's numbers that scripts/nicmem-vmcore applies too: the files'
 * format version, the bounds every walk checks what it reads against, the
 * lengths of what it prints. Plain integer constants, no kernel header:
 * scripts/vmcore-defs.c compiles them into the script's definitions, so a
 * bound changed here changes both.
 */
#ifndef _NICMEM_CONSTS_H
#define _NICMEM_CONSTS_H

/* the version line of every file (and of the script's reports) */
#define NICMEM_FORMAT_VERSION	1

/* an interface's note (why no figure, or how it was made), with its NUL */
#define NICMEM_NOTE_LEN		64

/* Interfaces the summary's top lines name, at most */
#define NICMEM_TOP_IFACES	3

/* Interfaces beyond this are not listed (and the summary says so). */
#define NICMEM_MAX_IFACES	65536

/* Compound orders beyond this are corrupt or torn reads (1 GiB at 4 KiB
 * pages is order 18; 16 GiB gigantic pages at 64 KiB are order 18 too).
 */
#define NICMEM_MAX_COMPOUND_ORDER	20

/* Pools beyond this many are counted in unlisted_pages only. */
#define NICMEM_MAX_POOLS	1024
/* the open-addressed table's slots: never more than half full */
#define NICMEM_POOL_SLOTS	(2 * NICMEM_MAX_POOLS)

/* page_pool_init() refuses pools beyond this ring size */
#define NICMEM_PP_MAX_SIZE	32768

/* the bias-ring walk (drivers/bias_ring.c): queues, ring sizes, the
 * buffer array's stride that it believes
 */
#define NICMEM_MAX_RXQ		1024
#define NICMEM_RING_MIN		64
#define NICMEM_RING_MAX		8192
#define NICMEM_MAX_STRIDE	256

#endif /* _NICMEM_CONSTS_H */
