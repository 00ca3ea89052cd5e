/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The networking core's per-CPU page_frag caches that frag.c reads (static
 * in net/core/skbuff.c), in output order: the per-CPU variable, and its
 * member that is the cache ("": the variable itself is). No include
 * guard: an X-macro list, expanded by frag.c and, for nicmem-vmcore's
 * generated definitions, by scripts/vmcore-defs.c.
 */
NICMEM_FRAG_CACHE(netdev_alloc_cache, "")
NICMEM_FRAG_CACHE(napi_alloc_cache, "page")
